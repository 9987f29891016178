// Package jobs migrates every tenant on its own goroutine, each with a pool.
package jobs

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/sync/errgroup"
)

// Migrate runs one goroutine per tenant.
func Migrate(ctx context.Context, dsns []string) error {
	var g errgroup.Group
	for _, dsn := range dsns {
		g.Go(func() error {
			pool, err := pgxpool.New(ctx, dsn)
			if err != nil {
				return err
			}
			defer pool.Close()
			return pool.Ping(ctx)
		})
	}
	return g.Wait()
}
