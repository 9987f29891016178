package store // want package:"pools\\(factories=false, sites=0, shares\\)"

import (
	"database/sql"

	"example.com/pool/db"
)

// Store keeps the shared pool.
type Store struct {
	db   *sql.DB
	name string
}

// New stores the shared pool in a field.
func New() (*Store, error) {
	d, err := db.SQL()
	if err != nil {
		return nil, err
	}
	return &Store{db: d, name: "orders"}, nil
}

// DB passes the shared pool on: a fact for its callers.
func (s *Store) DB() *sql.DB { return s.db } // want DB:"shared\\(db.SQL\\)"

// Close closes the shared pool: every later request fails.
func (s *Store) Close() error {
	return s.db.Close() // want `^s\.db\.Close closes the shared pool \(db\.SQL\): every later use of it fails; leave closing it to example.com/pool/db at shutdown$`
}

// Own keeps a pool of its own in the same kind of field, from a parameter:
// not the shared pool.
type Own struct{ db *sql.DB }

func NewOwn(d *sql.DB) *Own { return &Own{db: d} }

func (o *Own) Close() error { return o.db.Close() }
