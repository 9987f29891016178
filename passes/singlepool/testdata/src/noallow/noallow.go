package noallow

import "database/sql"

func f() { _, _ = sql.Open("pgx", "") } // want `^sql\.Open creates a new connection pool; create the pool once in the package that owns it, allowlist that package \(-allow=PKG\) and use its shared pool everywhere else$`
