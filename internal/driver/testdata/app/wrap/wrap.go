// Package wrap is a factory: each call opens a pool.
package wrap

import "database/sql"

// Open opens a new pool.
func Open(dsn string) (*sql.DB, error) {
	return sql.Open("postgres", dsn) // want: new pool
}
