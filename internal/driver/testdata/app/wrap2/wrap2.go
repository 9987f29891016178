// Package wrap2 calls wrap's factory under another import name.
package wrap2

import (
	"database/sql"

	w "example.com/app/wrap"
)

// Open opens a pool through wrap: a factory.
func Open() (*sql.DB, error) { return w.Open("dsn") }
