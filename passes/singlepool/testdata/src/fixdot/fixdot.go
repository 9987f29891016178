package fixdot // want package:"pools\\(factories=true, sites=0\\)"

import (
	. "database/sql"
	"example.com/pool/db"
)

var _ = db.Pool

// The constructor comes from a dot import, which becomes unused; the
// accessor's package is already imported.
func f() (*DB, error) { // want f:"factory\\(sql\\.Open at fixdot/fixdot\\.go:13\\)"
	return Open("pgx", "postgres://localhost/app") // want `^Open creates`
}
