// Package weapons is the armoury.
package weapons

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Service sells and equips weapons.
type Service struct {
	db *pgxpool.Pool
}

// NewService connects the service and checks the database answers.
func NewService(ctx context.Context) (*Service, error) {
	db, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // site: fix
	if err != nil {
		return nil, err
	}
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return &Service{db: db}, nil
}

// Equip puts a weapon on a robot.
func (s *Service) Equip(ctx context.Context, robot, weapon int64) error {
	_, err := s.db.Exec(ctx, "UPDATE robots SET weapon_id = $1 WHERE id = $2", weapon, robot)
	return err
}

// Close releases the service's pool.
func (s *Service) Close() { s.db.Close() }
