package sqlx // want package:"pools\\(factories=true, sites=0\\)"

// Package sqlx connects with sqlx only: -init builds SQLX and MustSQLX over
// one database/sql pool it sizes itself.

import (
	"os"

	"github.com/jmoiron/sqlx"
)

func A() (*sqlx.DB, error) { // want A:"factory\\(sqlx\\.Connect at sqlx/sqlx\\.go:13\\)"
	return sqlx.Connect("pgx", os.Getenv("DATABASE_URL")) // want `sqlx.Connect creates a new connection pool`
}

func B() (*sqlx.DB, error) { // want B:"factory\\(sqlx\\.Open at sqlx/sqlx\\.go:17\\)"
	return sqlx.Open("pgx", os.Getenv("DATABASE_URL")) // want `sqlx.Open creates a new connection pool`
}

func C() *sqlx.DB { // want C:"factory\\(sqlx\\.MustConnect at sqlx/sqlx\\.go:21\\)"
	return sqlx.MustConnect("pgx", os.Getenv("DATABASE_URL")) // want `sqlx.MustConnect creates a new connection pool`
}
