// Package legacy has sites that the fix cannot change: a constructor with
// no accessor configured (sql.OpenDB) and a function value (sqlx.Connect).
package legacy

import (
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"
)

// connect is sqlx.Connect as a value: there is no call to replace.
var connect = sqlx.Connect

// FromConfig builds a database/sql pool from a parsed pgx config.
func FromConfig() (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(stdlib.GetConnector(*cfg)), nil
}

// Connect opens an sqlx pool through the function value.
func Connect() (*sqlx.DB, error) {
	return connect("pgx", os.Getenv("DATABASE_URL"))
}
