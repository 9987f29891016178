// Package users creates its own pool: singlepool reports it, and its
// suggested fix calls db.Pool instead.
package users

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Store reads users.
type Store struct {
	pool *pgxpool.Pool
}

// NewStore connects to dsn.
func NewStore(ctx context.Context, dsn string) (*Store, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return &Store{pool: pool}, nil
}

// Count counts the users.
func (s *Store) Count(ctx context.Context) (n int, err error) {
	err = s.pool.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}
