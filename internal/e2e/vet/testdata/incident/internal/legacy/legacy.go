// Package legacy is the code from before the rewrite; some handlers still
// go through it.
package legacy

import (
	"database/sql"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// Open opens the application's database; the caller closes it.
func Open() (*sql.DB, error) {
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // site: fix (an exported factory whose callers in admin and shop use the pool and close it: their Close goes with the fix)
}
