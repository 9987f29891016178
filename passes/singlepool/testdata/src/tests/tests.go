package tests

import "database/sql"

func f() { _, _ = sql.Open("pgx", "") } // want `sql\.Open creates`
