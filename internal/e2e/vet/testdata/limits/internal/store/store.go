// Package store opens its database/sql pool without a limit: under load it
// opens a connection per concurrent query, until the server refuses them.
package store

import (
	"database/sql"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// Open opens the pool.
func Open() (*sql.DB, error) {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	return db, nil
}
