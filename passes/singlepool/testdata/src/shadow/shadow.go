package shadow

import (
	"database/sql"
)

type store struct{}

// Open is a method that only shares the constructor's name.
func (store) Open(driver, dsn string) (*sql.DB, error) { return nil, nil }

// OpenDB is a package function that only shares the constructor's name.
func OpenDB() {}

func f() {
	var s store
	_, _ = s.Open("pgx", "")
	OpenDB()
	{
		sql := store{} // a local variable shadows the package name
		_, _ = sql.Open("pgx", "")
	}
	Open := func(string, string) {}
	Open("pgx", "")
	var db *sql.DB
	_ = db
}
