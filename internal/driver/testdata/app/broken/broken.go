// Package broken does not type-check.
package broken

import "database/sql"

func Open() *sql.DB { return sql.Open("postgres", "") }
