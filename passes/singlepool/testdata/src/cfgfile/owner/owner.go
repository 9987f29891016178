package owner

import "database/sql"

func f() { _, _ = sql.Open("pgx", "") }
