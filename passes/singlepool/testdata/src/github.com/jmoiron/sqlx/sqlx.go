// Package sqlx is a stub of github.com/jmoiron/sqlx@v1.4.0 for singlepool's tests; signatures copied from the real source.
package sqlx

import (
	"context"
	"database/sql"
)

// DB embeds *sql.DB, so Close, Ping, Exec, Query, ... are promoted.
type DB struct {
	*sql.DB
	driverName string
}

// NewDb wraps an existing *sql.DB; it is not a constructor.
func NewDb(db *sql.DB, driverName string) *DB { return &DB{DB: db, driverName: driverName} }

func Open(driverName, dataSourceName string) (*DB, error) { return &DB{}, nil }

func MustOpen(driverName, dataSourceName string) *DB { return &DB{} }

func Connect(driverName, dataSourceName string) (*DB, error) { return &DB{}, nil }

func MustConnect(driverName, dataSourceName string) *DB { return &DB{} }

func ConnectContext(ctx context.Context, driverName, dataSourceName string) (*DB, error) {
	return &DB{}, nil
}

func (db *DB) Get(dest interface{}, query string, args ...interface{}) error { return nil }

func (db *DB) Select(dest interface{}, query string, args ...interface{}) error { return nil }
