// Package orders reads orders through a pool of its own.
package orders

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Count returns the number of orders.
func Count(ctx context.Context) (int, error) {
	dsn := os.Getenv("DATABASE_URL")
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return 0, err
	}
	defer pool.Close()
	var n int
	err = pool.QueryRow(ctx, "SELECT count(*) FROM orders").Scan(&n)
	return n, err
}
