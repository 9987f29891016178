// Package db owns the application's shared connection pool. It is the only
// package allowed to create pools (allow: [example.com/app/internal/db]).
package db

import (
	"context"
	"database/sql"
	"os"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
)

var (
	once sync.Once
	pool *pgxpool.Pool
	err  error
)

// Pool returns the shared pool, creating it on first use.
func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	once.Do(func() { pool, err = pgxpool.New(ctx, os.Getenv("DATABASE_URL")) })
	return pool, err
}

// SQL opens a database/sql handle for libraries that need one.
func SQL() (*sql.DB, error) {
	return sql.Open("pgx", os.Getenv("DATABASE_URL"))
}
