package cfgbad // want `^singlepool settings: .*/cfgbad/\.singlepool\.yml:2: unknown setting "alow"`

import "database/sql"

func f() { _, _ = sql.Open("pgx", "") }
