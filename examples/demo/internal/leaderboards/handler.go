// Package leaderboards serves /api/leaderboards.
package leaderboards

import (
	"net/http"
	"os"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/demo/internal/httpx"
)

// Entry is one line of the leaderboard.
type Entry struct {
	Player string `json:"player"`
	Wins   int64  `json:"wins"`
}

// Top returns the players with the most wins.
func Top(w http.ResponseWriter, r *http.Request) {
	pool, err := pgxpool.New(r.Context(), os.Getenv("DATABASE_URL"))
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	defer pool.Close()

	rows, err := pool.Query(r.Context(), `
		SELECT u.name AS player, count(m.id) AS wins
		FROM users u LEFT JOIN matches m ON m.winner_id = u.id, pg_sleep(0.05)
		GROUP BY u.name ORDER BY wins DESC, player LIMIT 10`)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	top, err := pgx.CollectRows(rows, pgx.RowToStructByName[Entry])
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, top)
}
