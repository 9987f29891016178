// Package billing opens its own pool from config.DSN(), a function of
// another package that only returns DATABASE_URL: the shared pool's
// database, so the fix applies.
package billing

import (
	"database/sql"

	"example.com/app/internal/config"
)

// Due counts the unpaid invoices.
func Due() (int, error) {
	d, err := sql.Open("pgx", config.DSN())
	if err != nil {
		return 0, err
	}
	var n int
	err = d.QueryRow("SELECT count(*) FROM invoices WHERE paid_at IS NULL").Scan(&n)
	return n, err
}
