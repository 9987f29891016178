// Package reporting opens the database for the reports.
package reporting

import (
	"database/sql"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// Open opens the application's database for a report; the caller sizes
// and closes it.
func Open() (*sql.DB, error) {
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // site: keep (exported factory: reports.Monthly tunes the pool it returns)
}
