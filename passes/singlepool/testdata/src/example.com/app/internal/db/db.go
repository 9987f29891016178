package db // want package:"pools\\(factories=true, sites=0\\)"

// Package db owns the shared pool: it is allowlisted.

import "database/sql"

func Open(dsn string) (*sql.DB, error) { return sql.Open("pgx", dsn) } // want Open:"factory\\(sql.Open at db/db.go:7\\)"
