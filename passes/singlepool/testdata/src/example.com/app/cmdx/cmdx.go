// Package cmdx shares a prefix with example.com/app/cmd but is not below it.
package cmdx

import "database/sql"

func f() { _, _ = sql.Open("pgx", "") } // want `sql\.Open creates a new connection pool`
