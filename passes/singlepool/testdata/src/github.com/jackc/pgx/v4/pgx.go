// Package pgx is a stub of github.com/jackc/pgx/v4@v4.18.3 for singlepool's tests; signatures copied from the real source.
package pgx

import (
	"context"

	"github.com/jackc/pgconn"
)

type ConnConfig struct {
	pgconn.Config
}

func ParseConfig(connString string) (*ConnConfig, error) { return &ConnConfig{}, nil }

type Rows interface {
	Close()
	Err() error
	Next() bool
	Scan(dest ...interface{}) error
}

type Row interface {
	Scan(dest ...interface{}) error
}

type Conn struct{}

func Connect(ctx context.Context, connString string) (*Conn, error) { return &Conn{}, nil }

func ConnectConfig(ctx context.Context, connConfig *ConnConfig) (*Conn, error) { return &Conn{}, nil }

func (c *Conn) Close(ctx context.Context) error { return nil }

func (c *Conn) Ping(ctx context.Context) error { return nil }

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	return nil, nil
}

func (c *Conn) Query(ctx context.Context, sql string, args ...interface{}) (Rows, error) {
	return nil, nil
}
