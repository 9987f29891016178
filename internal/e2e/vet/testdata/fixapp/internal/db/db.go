// Package db owns the application's shared pools. It is the only package
// allowed to create one; every other package calls Pool, SQL or SQLX.
package db

import (
	"context"
	"database/sql"
	"os"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	"github.com/jmoiron/sqlx"
)

var (
	pgxPool = sync.OnceValues(func() (*pgxpool.Pool, error) {
		return pgxpool.New(context.Background(), os.Getenv("DATABASE_URL"))
	})
	sqlPool = sync.OnceValues(func() (*sql.DB, error) {
		return sql.Open("pgx", os.Getenv("DATABASE_URL"))
	})
	sqlxPool = sync.OnceValues(func() (*sqlx.DB, error) {
		return sqlx.Connect("pgx", os.Getenv("DATABASE_URL"))
	})
)

// Pool returns the shared pgx pool; pgxpool.New's replacement.
func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return pgxPool()
}

// SQL returns the shared database/sql pool; sql.Open's replacement.
func SQL() (*sql.DB, error) { return sqlPool() }

// SQLX returns the shared sqlx pool; sqlx.Connect's replacement.
func SQLX() (*sqlx.DB, error) { return sqlxPool() }

// Conn returns the shared pgx pool, or nil when it cannot be built.
func Conn(ctx context.Context) *pgxpool.Pool {
	p, err := Pool(ctx)
	if err != nil {
		return nil
	}
	return p
}
