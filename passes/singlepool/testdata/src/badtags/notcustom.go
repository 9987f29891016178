//go:build !singlepoolcustom

package badtags

import "database/sql"

// Built only without -tags=singlepoolcustom.
func notCustom() {
	db := sql.OpenDB(nil) // want `sql\.OpenDB creates a new connection pool`
	_ = db
}
