// Package pgxpool is a stub of github.com/jackc/pgx/v4@v4.18.3 for singlepool's tests; signatures copied from the real source.
package pgxpool

import (
	"context"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgx/v4"
)

type Config struct {
	ConnConfig *pgx.ConnConfig
	MaxConns   int32
}

func ParseConfig(connString string) (*Config, error) {
	return &Config{ConnConfig: &pgx.ConnConfig{}}, nil
}

type Pool struct{}

func Connect(ctx context.Context, connString string) (*Pool, error) { return &Pool{}, nil }

func ConnectConfig(ctx context.Context, config *Config) (*Pool, error) { return &Pool{}, nil }

func (p *Pool) Close() {}

func (p *Pool) Ping(ctx context.Context) error { return nil }

func (p *Pool) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	return nil, nil
}

func (p *Pool) Query(ctx context.Context, sql string, args ...interface{}) (pgx.Rows, error) {
	return nil, nil
}

func (p *Pool) QueryRow(ctx context.Context, sql string, args ...interface{}) pgx.Row { return nil }
