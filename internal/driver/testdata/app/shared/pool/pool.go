// Package pool owns the shared pool.
package pool

import (
	"database/sql"
	"sync"
)

var (
	once sync.Once
	db   *sql.DB
	err  error
)

// Get returns the shared pool.
func Get() (*sql.DB, error) {
	once.Do(func() { db, err = sql.Open("postgres", "") })
	return db, err
}
