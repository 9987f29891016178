// Package regapi declares an interface that other packages implement and
// keep in registries.
package regapi

import "database/sql"

// Opener opens a database.
type Opener interface {
	Open(dsn string) (*sql.DB, error)
}
