package users // want package:"pools\\(factories=true, sites=0\\)"

// Package users uses pgx and database/sql on DATABASE_URL.

import (
	"context"
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib"
)

func Pool(ctx context.Context) (*pgxpool.Pool, error) { // want Pool:"factory\\(pgxpool\\.New at users/users\\.go:15\\)"
	return pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // want `pgxpool.New creates a new connection pool`
}

func DB() (*sql.DB, error) { // want DB:"factory\\(sql\\.Open at users/users\\.go:19\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql.Open creates a new connection pool`
}

// Analytics is another database: left alone.
func Analytics(ctx context.Context) (*pgxpool.Pool, error) { // want Analytics:"factory\\(pgxpool\\.New at users/users\\.go:24\\)"
	return pgxpool.New(ctx, os.Getenv("ANALYTICS_URL")) // want `pgxpool.New creates a new connection pool`
}
