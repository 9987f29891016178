package renamed

import (
	dbsql "database/sql"
	x "example.com/ext"
)

func f() {
	_, _ = dbsql.Open("pgx", "") // want `^dbsql\.Open creates a new connection pool`
	_ = x.NewPool("")            // want `^x\.NewPool creates a new connection pool`
}
