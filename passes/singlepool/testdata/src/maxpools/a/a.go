package a // want package:"pools\\(factories=false, sites=2\\)"

import "database/sql"

func f() {
	db1, _ := sql.Open("pgx", "x")
	db2, _ := sql.Open("pgx", "y")
	_, _ = db1, db2
}
