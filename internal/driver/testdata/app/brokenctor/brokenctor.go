// Package brokenctor calls a constructor and does not type-check: its
// analysis fails, so which of its functions hold a fact is unknown.
package brokenctor

import "database/sql"

// Open would be a factory.
func Open(dsn string) (*sql.DB, error) { return sql.Open("postgres", dsn) }

// Bad does not type-check.
func Bad() int { return "x" }
