package reports // want package:"pools\\(factories=true, sites=0\\)"

// Package reports uses sqlx and gorm on DATABASE_URL: both are built over
// the pgx pool.

import (
	"os"

	"github.com/jmoiron/sqlx"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

func X() (*sqlx.DB, error) { // want X:"factory\\(sqlx\\.Connect at reports/reports\\.go:15\\)"
	return sqlx.Connect("pgx", os.Getenv("DATABASE_URL")) // want `sqlx.Connect creates a new connection pool`
}

func G() (*gorm.DB, error) { // want G:"factory\\(gorm\\.Open at reports/reports\\.go:19\\)"
	return gorm.Open(postgres.Open(os.Getenv("DATABASE_URL"))) // want `gorm.Open creates a new connection pool`
}
