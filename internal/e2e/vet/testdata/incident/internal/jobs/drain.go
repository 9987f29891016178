package jobs

import (
	"context"
	"errors"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Drain is the worker's shutdown check: it closes the worker's pool and
// returns the error a late query then gets, which must say the pool is
// closed (the deploy script greps the log for it).
func Drain(ctx context.Context) error {
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // site: keep (closed, then used: it relies on Close)
	if err != nil {
		return err
	}
	pool.Close()
	if _, err := pool.Exec(ctx, "SELECT 1"); err != nil {
		return err
	}
	return errors.New("jobs: the pool still runs queries after Close")
}
