// Package db owns the shared pool.
package db

import "database/sql"

var pool *sql.DB

// Pool returns the shared pool.
func Pool() *sql.DB { return pool }

// Open opens the shared pool.
func Open(dsn string) (err error) {
	pool, err = sql.Open("postgres", dsn)
	return err
}
