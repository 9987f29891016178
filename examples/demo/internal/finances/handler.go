// Package finances serves /api/finances: a player's coin balance.
package finances

import (
	"net/http"
	"os"
	"strconv"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/demo/internal/httpx"
)

// Balance is a player's coins.
type Balance struct {
	UserID int64 `json:"user_id"`
	Coins  int64 `json:"coins"`
}

// Get returns the balance of ?user=ID (default 1).
func Get(w http.ResponseWriter, r *http.Request) {
	user, err := strconv.ParseInt(r.URL.Query().Get("user"), 10, 64)
	if err != nil {
		user = 1
	}
	dsn := os.Getenv("DATABASE_URL")
	pool, err := pgxpool.New(r.Context(), dsn)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	defer pool.Close()

	b := Balance{UserID: user}
	err = pool.QueryRow(r.Context(),
		`SELECT coalesce(sum(amount), 0) FROM ledger, pg_sleep(0.05) WHERE user_id = $1`, user).Scan(&b.Coins)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, b)
}
