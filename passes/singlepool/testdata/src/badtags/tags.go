// Package badtags has files that the default build leaves out: each calls
// a constructor that must not be reported unless its file is built.
package badtags

import "database/sql"

func built() {
	db, _ := sql.Open("pgx", "built") // want `sql\.Open creates a new connection pool`
	_ = db
}
