// Package replica reads from the read replica, a database of its own.
package replica

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Count counts the users on the replica.
func Count(ctx context.Context) (int, error) {
	pool, err := pgxpool.New(ctx, os.Getenv("REPLICA_DATABASE_URL"))
	if err != nil {
		return 0, err
	}
	defer pool.Close()
	var n int
	err = pool.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}
