// Package orders creates its own pool and refers to pgxpool for nothing
// else: once the suggested fix calls db.Pool, the pgxpool import must go.
package orders

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Ping checks that the database answers.
func Ping(ctx context.Context, dsn string) error {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return err
	}
	return pool.Ping(ctx)
}
