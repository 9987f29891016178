package users

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/incident/internal/config"
)

// UserService is the users' business logic.
type UserService struct {
	pool *pgxpool.Pool
}

// NewUserService builds the service; Close releases it.
func NewUserService(ctx context.Context) (*UserService, error) {
	pool, err := pgxpool.New(ctx, config.DatabaseURL()) // site: fix
	if err != nil {
		return nil, err
	}
	return &UserService{pool: pool}, nil
}

// Rename changes a user's name.
func (s *UserService) Rename(ctx context.Context, id int64, name string) error {
	_, err := s.pool.Exec(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id)
	return err
}

// Close releases the service's connections.
func (s *UserService) Close() {
	s.pool.Close()
}
