// Package wrapper passes the shared pool on: it calls the accessor, which
// holds no fact, and its DB gets one.
package wrapper

import (
	"database/sql"

	"example.com/app/shared/pool"
)

// DB returns the shared pool.
func DB() *sql.DB {
	db, _ := pool.Get()
	return db
}
