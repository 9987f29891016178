// Package postgres is a stub of gorm.io/driver/postgres@v1.6.3 for singlepool's tests; signatures copied from the real source.
package postgres

import (
	"database/sql"

	"gorm.io/gorm"
)

type Config struct {
	DSN  string
	Conn *sql.DB
}

type Dialector struct{ *Config }

func (d Dialector) Name() string { return "postgres" }

func (d Dialector) Initialize(db *gorm.DB) error { return nil }

// Open only builds a dialector; gorm.Open opens the pool.
func Open(dsn string) gorm.Dialector { return &Dialector{&Config{DSN: dsn}} }

func New(config Config) gorm.Dialector { return &Dialector{Config: &config} }
