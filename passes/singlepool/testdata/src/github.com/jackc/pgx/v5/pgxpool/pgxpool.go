// Package pgxpool is a stub of github.com/jackc/pgx/v5@v5.12.0 for singlepool's tests; signatures copied from the real source.
package pgxpool

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

type Config struct {
	ConnConfig *pgx.ConnConfig
	MaxConns   int32
}

func ParseConfig(connString string) (*Config, error) {
	return &Config{ConnConfig: &pgx.ConnConfig{}}, nil
}

type Pool struct{}

func New(ctx context.Context, connString string) (*Pool, error) { return &Pool{}, nil }

func NewWithConfig(ctx context.Context, config *Config) (*Pool, error) { return &Pool{}, nil }

func (p *Pool) Close() {}

func (p *Pool) Ping(ctx context.Context) error { return nil }

func (p *Pool) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}

func (p *Pool) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) { return nil, nil }

func (p *Pool) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row { return nil }
