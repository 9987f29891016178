// Package handler serves the application's HTTP endpoints.
package handler

import (
	"context"
	"fmt"
	"io"
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

// Report writes the number of users, for the nightly report (not per
// request: CountUsers opens a pool on every call).
func Report(ctx context.Context, w io.Writer) error {
	n, err := CountUsers(ctx)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, n)
	return err
}
