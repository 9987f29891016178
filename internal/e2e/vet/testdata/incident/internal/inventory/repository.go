// Package inventory holds the players' items.
package inventory

import (
	"context"
	"database/sql"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"example.com/incident/internal/config"
)

// Repository stores items.
type Repository struct {
	db *sql.DB
}

// NewRepository opens the repository.
func NewRepository() (*Repository, error) {
	dsn := config.DatabaseURL()
	db, err := sql.Open("pgx", dsn) // site: fix
	if err != nil {
		return nil, err
	}
	return &Repository{db: db}, nil
}

// Count is how many items a player has.
func (r *Repository) Count(ctx context.Context, user int64) (int, error) {
	var n int
	err := r.db.QueryRowContext(ctx, "SELECT count(*) FROM items WHERE owner_id = $1", user).Scan(&n)
	return n, err
}

// Close closes the repository.
func (r *Repository) Close() error { return r.db.Close() }
