// Package inventory serves /api/inventory: the items a player owns.
package inventory

import (
	"net/http"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
	"github.com/jmoiron/sqlx"

	"example.com/demo/internal/httpx"
)

// Slot is one kind of item in a player's inventory.
type Slot struct {
	Item     string `json:"item" db:"item"`
	Quantity int    `json:"quantity" db:"quantity"`
}

// List returns the inventory of ?user=ID (default 1).
func List(w http.ResponseWriter, r *http.Request) {
	user := r.URL.Query().Get("user")
	if user == "" {
		user = "1"
	}
	conn, err := sqlx.Connect("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	defer conn.Close()

	slots := []Slot{}
	err = conn.SelectContext(r.Context(), &slots,
		`SELECT item, quantity FROM inventory, pg_sleep(0.05) WHERE user_id::text = $1 ORDER BY item`, user)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, slots)
}
