// Package schema is a stub of github.com/uptrace/bun@v1.3.0 for singlepool's tests; signatures copied from the real source.
// Dialect is cut down to Init.
package schema

import "database/sql"

type Dialect interface {
	Init(db *sql.DB)
}
