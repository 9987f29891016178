// Package db owns the shared pool: it is allowlisted.
package db

import "database/sql"

func Open(dsn string) (*sql.DB, error) { return sql.Open("pgx", dsn) }
