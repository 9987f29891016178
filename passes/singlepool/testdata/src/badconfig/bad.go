package badconfig // want `^singlepool settings: .*/badconfig/\.singlepool\.yml:2: unknown setting "alow"`

import "database/sql"

func f() { _, _ = sql.Open("pgx", "") }
