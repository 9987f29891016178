// Package regapi declares the interface the drivers implement.
package regapi

import "database/sql"

// Opener opens a database.
type Opener interface {
	Open(dsn string) (*sql.DB, error)
}
