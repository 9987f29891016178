package store // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Store is built around a new pool on every call of New: a factory.
type Store struct{ pool *pgxpool.Pool }

func New(ctx context.Context, dsn string) (*Store, error) { // want New:"factory\\(pgxpool.New at store/store.go:15\\)"
	s := &Store{}
	pool, err := pgxpool.New(ctx, dsn)
	s.pool = pool
	return s, err
}

// Reopen stores a new pool in its receiver: a factory method.
func (s *Store) Reopen(ctx context.Context) error { // want Reopen:"factory\\(pgxpool.New at store/store.go:23\\)"
	var err error
	s.pool, err = pgxpool.New(ctx, "x")
	return err
}

// Count opens, uses and closes a pool: not a factory (nothing escapes),
// but a helper that opens a pool on every call.
func Count(ctx context.Context) int { // want Count:"opens-closes\\(sql.Open at store/store.go:30\\)"
	db, _ := sql.Open("pgx", "x")
	defer db.Close()
	_ = db.PingContext(ctx)
	return 0
}
