// Package users creates its own pool; the suggested fix calls db.Pool.
package users

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Store reads users.
type Store struct {
	pool *pgxpool.Pool
}

// NewStore connects to DATABASE_URL.
func NewStore(ctx context.Context) (*Store, error) {
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
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
