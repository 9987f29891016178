package unboundedpool // want package:"pools\\(factories=true, sites=5\\)"

import (
	"database/sql"
	"log"
	"os"

	"github.com/jmoiron/sqlx"
)

// Open checks the error, then the fix limits the pool.
func Open() (*sql.DB, error) { // want Open:"factory\\(sql.Open at unboundedpool/unboundedpool.go:13\\)"
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `^sql\.Open's pool has no connection limit: .*call SetMaxOpenConns on it \(max-conns=100\)$`
	if err != nil {
		return nil, err
	}
	return db, nil
}

// Must has no error to check.
func Must() *sqlx.DB { // want Must:"factory\\(sqlx.MustConnect at unboundedpool/unboundedpool.go:22\\)"
	x := sqlx.MustConnect("pgx", os.Getenv("DATABASE_URL")) // want `^sqlx\.MustConnect's pool has no connection limit`
	return x
}

// Store keeps it in a field.
type Store struct{ db *sql.DB }

func (s *Store) Open() { // want Open:"factory\\(sql.Open at unboundedpool/unboundedpool.go:31\\)"
	var err error
	s.db, err = sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `^sql\.Open's pool has no connection limit`
	if err != nil {
		log.Fatal(err)
	}
}

// Ignored drops the error: the pool may be nil, no fix.
func Ignored() *sql.DB { // want Ignored:"factory\\(sql.Open at unboundedpool/unboundedpool.go:39\\)"
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `\(no suggested fix: its error is not checked right after it\)$`
	return db
}

// Direct returns it: no variable to limit.
func Direct() (*sql.DB, error) { // want Direct:"factory\\(sql.Open at unboundedpool/unboundedpool.go:45\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `\(no suggested fix: the pool is not assigned to a variable in a statement of its own\)$`
}
