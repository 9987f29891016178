// Package db owns the shared pool.
package db

import (
	"context"
	"os"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

var shared = sync.OnceValues(func() (*pgxpool.Pool, error) {
	return pgxpool.New(context.Background(), os.Getenv("DATABASE_URL"))
})

// Pool returns the shared pool.
func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return shared()
}

// Close closes the shared pool at shutdown.
func Close() {
	if p, err := shared(); err == nil {
		p.Close()
	}
}
