package tests

import "database/sql"

func g() { _, _ = sql.Open("pgx", "") } // want `sql\.Open creates`
