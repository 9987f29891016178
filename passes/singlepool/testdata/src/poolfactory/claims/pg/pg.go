package pg // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type DB struct{ pool *pgxpool.Pool }

func (*DB) Name() string { return "pg" }

func NewDB(ctx context.Context, dsn string) (*DB, error) { // want NewDB:"factory\\(pgxpool.New at pg/pg.go:14\\)"
	p, err := pgxpool.New(ctx, dsn) // want `^pgxpool\.New creates a new connection pool outside`
	return &DB{pool: p}, err
}
