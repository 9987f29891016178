package teststolerated

import "database/sql"

// Allowed by allow-tests.
func g() { _, _ = sql.Open("pgx", "") }
