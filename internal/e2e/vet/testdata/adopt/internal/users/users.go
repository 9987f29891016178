// Package users serves the users endpoint: legacy code that builds a pool
// on every request.
package users

import (
	"fmt"
	"net/http"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Handler writes the number of users.
func Handler(w http.ResponseWriter, r *http.Request) {
	pool, err := pgxpool.New(r.Context(), os.Getenv("DATABASE_URL"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer pool.Close()
	var n int
	if err := pool.QueryRow(r.Context(), "SELECT count(*) FROM users").Scan(&n); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, n)
}
