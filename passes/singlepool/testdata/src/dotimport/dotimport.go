package dotimport

import (
	. "database/sql"
)

func f() {
	_, _ = Open("pgx", "") // want `^Open creates a new connection pool`
	var _ *DB
}
