// Package db owns the shared pool.
package db

import (
	"context"
	"os"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

var pool = sync.OnceValues(func() (*pgxpool.Pool, error) {
	return pgxpool.New(context.Background(), os.Getenv("DATABASE_URL"))
})

// Pool returns the shared pool.
func Pool(ctx context.Context) (*pgxpool.Pool, error) { return pool() }
