package wrap // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"database/sql"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

// viaValue calls the constructor through a local function value: a
// factory all the same.
func viaValue(ctx context.Context) (*pgxpool.Pool, error) { // want viaValue:"factory\\(pgxpool.New at wrap/funcvalue.go:14\\)"
	newPool := pgxpool.New // want `pgxpool\.New creates a new connection pool`
	return newPool(ctx, "x")
}

// A sync.Once or sync.OnceValues held in a struct field builds once per
// value: not a factory.
type onceStore struct {
	once sync.Once
	db   *sql.DB
	err  error
	get  func() (*sql.DB, error)
}

func (s *onceStore) DB() (*sql.DB, error) {
	s.once.Do(func() { s.db, s.err = sql.Open("pgx", "x") }) // want `sql\.Open creates a new connection pool`
	return s.db, s.err
}

func newOnceStore() *onceStore {
	return &onceStore{get: sync.OnceValues(func() (*sql.DB, error) { return sql.Open("pgx", "x") })} // want `sql\.Open creates a new connection pool`
}

// openAll returns several new pools, in a slice: a factory, whose loop
// builds one pool per entry and keeps it (not one per iteration).
func openAll(dsns []string) ([]*sql.DB, error) { // want openAll:"factory\\(sql.Open at wrap/funcvalue.go:41\\)"
	var out []*sql.DB
	for _, d := range dsns {
		db, err := sql.Open("pgx", d) // want `^sql\.Open creates a new connection pool outside`
		if err != nil {
			return nil, err
		}
		out = append(out, db)
	}
	return out, nil
}

// openMap returns several new pools, in a map: a factory.
func openMap(dsns map[string]string) map[string]*sql.DB { // want openMap:"factory\\(sql.Open at wrap/funcvalue.go:54\\)"
	out := map[string]*sql.DB{}
	for name, d := range dsns {
		db, _ := sql.Open("pgx", d) // want `^sql\.Open creates a new connection pool outside`
		out[name] = db
	}
	return out
}

// pingAll builds a pool per element and keeps none: not a factory.
func pingAll(dsns []string) {
	var kept []*sql.DB
	for _, d := range dsns {
		db, _ := sql.Open("pgx", d) // want `sql\.Open creates a new connection pool on every iteration`
		kept = append(kept, db)
	}
	for _, db := range kept {
		db.Close()
	}
}
