// Package sql is a stub of entgo.io/ent@v0.14.5 (package entgo.io/ent/dialect/sql) for singlepool's tests; signatures copied from the real source.
package sql

import (
	"context"
	"database/sql"
)

type ExecQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

type Conn struct {
	ExecQuerier
	dialect string
}

type Driver struct {
	Conn
	dialect string
}

// Open calls database/sql.Open and wraps the new pool.
func Open(dialect, source string) (*Driver, error) { return &Driver{}, nil }

// OpenDB wraps an existing *sql.DB; it is not a constructor.
func OpenDB(dialect string, db *sql.DB) *Driver {
	return &Driver{Conn: Conn{db, dialect}, dialect: dialect}
}

func (d Driver) DB() *sql.DB { return nil }

func (d *Driver) Close() error { return nil }
