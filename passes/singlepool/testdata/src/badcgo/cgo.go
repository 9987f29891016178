package badcgo

// #include <stdlib.h>
import "C"

import "database/sql"

// A constructor in a cgo file: the analyzer sees the file as cmd/cgo
// rewrote it, but the diagnostic is at this line of cgo.go.
func withCgo() error {
	C.free(nil)
	db, err := sql.Open("pgx", "cgo") // want `sql\.Open creates a new connection pool`
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	return nil
}
