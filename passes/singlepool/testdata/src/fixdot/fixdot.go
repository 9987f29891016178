package fixdot // want package:"pools\\(factories=true, sites=0\\)"

import (
	. "database/sql"
	"example.com/pool/db"
	"os"
)

var _ = db.Pool

// The constructor comes from a dot import, which becomes unused; the
// accessor's package is already imported.
func f() (*DB, error) { // want f:"factory\\(sql\\.Open at fixdot/fixdot\\.go:14\\)"
	return Open("pgx", os.Getenv("DATABASE_URL")) // want `^Open creates`
}
