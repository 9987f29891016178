// Package stdlib is a stub of github.com/jackc/pgx/v5@v5.12.0 for singlepool's tests; signatures copied from the real source.
package stdlib

import (
	"database/sql"
	"database/sql/driver"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type connector struct{}

type OptionOpenDB func(*connector)

// OpenDB opens a *sql.DB (a database/sql pool) of new pgx connections.
func OpenDB(config pgx.ConnConfig, opts ...OptionOpenDB) *sql.DB { return nil }

// OpenDBFromPool wraps an existing pool; it is not a constructor.
func OpenDBFromPool(pool *pgxpool.Pool, opts ...OptionOpenDB) *sql.DB {
	// As in pgx: a database/sql pool over the existing pgx pool.
	return sql.OpenDB(nil)
}

// GetPoolConnector returns a connector over an existing pool.
func GetPoolConnector(pool *pgxpool.Pool, opts ...OptionOpenDB) driver.Connector { return nil }

// GetConnector returns a connector of new pgx connections.
func GetConnector(config pgx.ConnConfig, opts ...OptionOpenDB) driver.Connector { return nil }
