// Package store calls a constructor: it is loaded and analyzed first.
package store

import "database/sql"

// Open is a factory: a fact, named by loud.
func Open(dsn string) (*sql.DB, error) { return sql.Open("postgres", dsn) }

// Conn hands out pools.
type Conn struct{ DSN string }

// Reopen is a factory method, called on a value from quiet by a package
// that does not import store.
func (c *Conn) Reopen() (*sql.DB, error) { return sql.Open("postgres", c.DSN) }

// Version holds no fact.
func Version() string { return "1" }
