package fixdot

import (
	. "database/sql"
	"example.com/pool/db"
)

var _ = db.Pool

// The constructor comes from a dot import, which becomes unused; the
// accessor's package is already imported.
func f() (*DB, error) {
	return Open("pgx", "postgres://localhost/app") // want `^Open creates`
}
