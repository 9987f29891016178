package pgx // want package:"pools\\(factories=true, sites=0\\)"

// Package pgx builds pgx pools on DATABASE_URL: -init writes Pool over one
// pool; the site that sets its own MaxConns is left alone.

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

func Users(ctx context.Context) (*pgxpool.Pool, error) { // want Users:"factory\\(pgxpool\\.New at pgx/pgx\\.go:14\\)"
	return pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // want `pgxpool.New creates a new connection pool`
}

func Orders(ctx context.Context) (*pgxpool.Pool, error) { // want Orders:"factory\\(pgxpool\\.NewWithConfig at pgx/pgx\\.go:22\\)"
	cfg, err := pgxpool.ParseConfig(os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	return pgxpool.NewWithConfig(ctx, cfg) // want `pgxpool.NewWithConfig creates a new connection pool`
}

func Batch(ctx context.Context) (*pgxpool.Pool, error) { // want Batch:"factory\\(pgxpool\\.NewWithConfig at pgx/pgx\\.go:31\\)"
	cfg, err := pgxpool.ParseConfig(os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	cfg.MaxConns = 1
	return pgxpool.NewWithConfig(ctx, cfg) // want `pgxpool.NewWithConfig creates a new connection pool`
}
