// Package postgres is a stub of gorm.io/driver/postgres@v1.6.3 for singlepool's tests; signatures copied from the real source.
package postgres

import (
	"database/sql"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"
)

type Config struct {
	DriverName string
	DSN        string
	Conn       *sql.DB
}

type Dialector struct{ *Config }

func (d Dialector) Name() string { return "postgres" }

// Initialize opens the pool gorm.Open creates, unless Conn is set (as in
// the real postgres.go:91-98): the implementation behind a constructor.
func (d Dialector) Initialize(db *gorm.DB) error {
	if d.Conn != nil {
		return nil
	}
	if d.DriverName != "" {
		conn, err := sql.Open(d.DriverName, d.DSN)
		_ = conn
		return err
	}
	cfg, err := pgx.ParseConfig(d.DSN)
	if err != nil {
		return err
	}
	_ = stdlib.OpenDB(*cfg)
	return nil
}

// Open only builds a dialector; gorm.Open opens the pool.
func Open(dsn string) gorm.Dialector { return &Dialector{&Config{DSN: dsn}} }

func New(config Config) gorm.Dialector { return &Dialector{Config: &config} }
