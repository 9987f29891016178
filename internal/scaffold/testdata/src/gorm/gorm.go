package gorm // want package:"pools\\(factories=true, sites=0\\)"

// Package gorm opens gorm alone: -init writes Gorm with the sites' own
// options and sizes its pool; the site with other options is left.

import (
	"os"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

func A() (*gorm.DB, error) { // want A:"factory\\(gorm\\.Open at gorm/gorm\\.go:14\\)"
	return gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{}) // want `gorm.Open creates a new connection pool`
}

func B() (*gorm.DB, error) { // want B:"factory\\(gorm\\.Open at gorm/gorm\\.go:18\\)"
	return gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{}) // want `gorm.Open creates a new connection pool`
}

func C() (*gorm.DB, error) { // want C:"factory\\(gorm\\.Open at gorm/gorm\\.go:22\\)"
	return gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{SkipDefaultTransaction: true}) // want `gorm.Open creates a new connection pool`
}
