// Package bun is a stub of github.com/uptrace/bun@v1.3.0 for singlepool's tests; signatures copied from the real source.
package bun

import (
	"database/sql"

	"github.com/uptrace/bun/schema"
)

type DB struct {
	*sql.DB
	dialect schema.Dialect
}

type DBOption func(db *DB)

// NewDB wraps an existing *sql.DB; it is not a constructor.
func NewDB(sqldb *sql.DB, dialect schema.Dialect, opts ...DBOption) *DB {
	return &DB{DB: sqldb, dialect: dialect}
}

func (db *DB) Close() error { return nil }
