// Package gorm is a stub of gorm.io/gorm@v1.31.2 for singlepool's tests; signatures copied from the real source.
// Dialector is cut down to two of its methods.
package gorm

import "database/sql"

type Config struct {
	SkipDefaultTransaction bool
	PrepareStmt            bool
}

func (c *Config) Apply(config *Config) error { return nil }

func (c *Config) AfterInitialize(db *DB) error { return nil }

type Option interface {
	Apply(*Config) error
	AfterInitialize(*DB) error
}

type Dialector interface {
	Name() string
	Initialize(*DB) error
}

type DB struct {
	*Config
	Error        error
	RowsAffected int64
}

func Open(dialector Dialector, opts ...Option) (db *DB, err error) {
	return &DB{Config: &Config{}}, nil
}

func (db *DB) DB() (*sql.DB, error) { return nil, nil }

func (db *DB) Exec(sql string, values ...interface{}) (tx *DB) { return db }
