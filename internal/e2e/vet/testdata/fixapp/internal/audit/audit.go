// Package audit writes the audit log through a small pool of its own,
// limited to two connections so that auditing never starves requests.
package audit

import (
	"database/sql"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

var auditDB *sql.DB

// Init opens the audit pool.
func Init() error {
	d, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		return err
	}
	d.SetMaxOpenConns(2)
	auditDB = d
	return nil
}

// MaxOpen is the audit pool's connection limit.
func MaxOpen() int { return auditDB.Stats().MaxOpenConnections }
