//go:build singlepoolcustom

package badtags

import "database/sql"

// Built only with -tags=singlepoolcustom, and then reported.
func custom() {
	db, _ := sql.Open("pgx", "custom") // want `sql\.Open creates a new connection pool`
	_ = db
}
