// Package stdlib is a stub of github.com/jackc/pgx/v4@v4.18.3 for singlepool's tests; signatures copied from the real source.
package stdlib

import (
	"database/sql"

	"github.com/jackc/pgx/v4"
)

type connector struct{}

type OptionOpenDB func(*connector)

// OpenDB opens a *sql.DB (a database/sql pool) of new pgx connections.
func OpenDB(config pgx.ConnConfig, opts ...OptionOpenDB) *sql.DB { return nil }
