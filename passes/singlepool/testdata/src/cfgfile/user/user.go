package user

import "database/sql"

func f() { _, _ = sql.Open("pgx", "") } // want `^sql\.Open creates a new connection pool outside cfgfile/owner; use the shared pool$`
