// Package handler serves the application's HTTP endpoints.
package handler

import (
	"context"
	"fmt"
	"net/http"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// CountUsers returns the number of users.
func CountUsers(ctx context.Context) (int, error) {
	dsn := os.Getenv("DATABASE_URL")
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return 0, err
	}
	defer pool.Close()

	var n int
	err = pool.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}

// Users writes the number of users.
func Users(w http.ResponseWriter, r *http.Request) {
	n, err := CountUsers(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, n)
}
