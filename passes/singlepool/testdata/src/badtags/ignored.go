//go:build ignore

package badtags

import "database/sql"

// Never built: not reported.
func ignored() {
	db, _ := sql.Open("pgx", "ignored")
	_ = db
}
