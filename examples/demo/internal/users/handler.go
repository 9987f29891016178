// Package users serves /api/users.
package users

import (
	"net/http"
	"os"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/demo/internal/httpx"
)

// List returns the players.
func List(w http.ResponseWriter, r *http.Request) {
	dsn := os.Getenv("DATABASE_URL")
	pool, err := pgxpool.New(r.Context(), dsn)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	defer pool.Close()

	// pg_sleep stands in for the time a real query takes.
	rows, err := pool.Query(r.Context(), `SELECT id, name FROM users, pg_sleep(0.05) ORDER BY id`)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	users, err := pgx.CollectRows(rows, pgx.RowToStructByName[httpx.Item])
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, users)
}
