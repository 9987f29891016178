// Package pgx is a stub of github.com/jackc/pgx/v5@v5.12.0 for singlepool's tests; signatures copied from the real source.
package pgx

import (
	"context"

	"github.com/jackc/pgx/v5/pgconn"
)

type ConnConfig struct {
	pgconn.Config
}

type ParseConfigOptions struct {
	pgconn.ParseConfigOptions
}

func ParseConfig(connString string) (*ConnConfig, error) { return &ConnConfig{}, nil }

type Rows interface {
	Close()
	Err() error
	Next() bool
	Scan(dest ...any) error
}

type Row interface {
	Scan(dest ...any) error
}

type Conn struct{}

func Connect(ctx context.Context, connString string) (*Conn, error) { return &Conn{}, nil }

func ConnectWithOptions(ctx context.Context, connString string, options ParseConfigOptions) (*Conn, error) {
	return &Conn{}, nil
}

func ConnectConfig(ctx context.Context, connConfig *ConnConfig) (*Conn, error) { return &Conn{}, nil }

func (c *Conn) Close(ctx context.Context) error { return nil }

func (c *Conn) Ping(ctx context.Context) error { return nil }

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}

func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) { return nil, nil }
