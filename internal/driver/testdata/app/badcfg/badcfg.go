// Package badcfg lies under an invalid settings file.
package badcfg

import "database/sql"

// Open opens a pool; the settings file decides nothing here.
func Open() (*sql.DB, error) { return sql.Open("postgres", "") }
