// Package audit keeps the audit log in its own database, on purpose: its
// pool is accepted with a //nolint directive, which every driver honours.
package audit

import (
	"database/sql"
	"os"
)

// Open opens the audit database.
func Open() (*sql.DB, error) {
	return sql.Open("pgx", os.Getenv("AUDIT_DATABASE_URL")) //nolint:singlepool // the audit log has its own role and database
}

// Ping checks it once at start-up.
//
//nolint:singlepool // start-up check of the audit database, closed at once
func Ping() error {
	db, err := sql.Open("pgx", os.Getenv("AUDIT_DATABASE_URL"))
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Ping()
}
