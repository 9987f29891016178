// Package orders creates its own pool from DATABASE_URL and closes it.
// The suggested fix calls db.Pool instead, and must also delete what only
// served the private pool: the dsn variable, the Close of the shared pool,
// and the os and pgxpool imports.
package orders

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Ping checks that the database answers.
func Ping(ctx context.Context) error {
	dsn := os.Getenv("DATABASE_URL")
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return err
	}
	defer pool.Close()
	return pool.Ping(ctx)
}
