package sql // want package:"pools\\(factories=true, sites=0\\)"

// Package sql opens database/sql pools: -init writes SQL on the "pgx"
// driver (the most used) and leaves the lib/pq site and the DSN parameter.

import (
	"database/sql"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func A() (*sql.DB, error) { // want A:"factory\\(sql\\.Open at sql/sql\\.go:14\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql.Open creates a new connection pool`
}

func B() (*sql.DB, error) { // want B:"factory\\(sql\\.Open at sql/sql\\.go:18\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql.Open creates a new connection pool`
}

func C() (*sql.DB, error) { // want C:"factory\\(sql\\.Open at sql/sql\\.go:22\\)"
	return sql.Open("postgres", os.Getenv("DATABASE_URL")) // want `sql.Open creates a new connection pool`
}

func D(dsn string) (*sql.DB, error) { // want D:"factory\\(sql\\.Open at sql/sql\\.go:26\\)"
	return sql.Open("pgx", dsn) // want `sql.Open creates a new connection pool`
}
