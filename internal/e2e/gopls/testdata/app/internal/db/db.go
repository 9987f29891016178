// Package db owns the application's shared PostgreSQL connection pool.
package db

import (
	"context"
	"os"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

var (
	once sync.Once
	pool *pgxpool.Pool
	err  error
)

// Pool returns the shared pool, creating it on first use from
// DATABASE_URL.
func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	once.Do(func() {
		pool, err = pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	})
	return pool, err
}
