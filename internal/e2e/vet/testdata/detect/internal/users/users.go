package users

import (
	"context"
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct {
	pool *pgxpool.Pool
}

func NewStore(ctx context.Context) (*Store, error) {
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	return &Store{pool: pool}, nil
}

func Legacy() (*sql.DB, error) {
	return sql.Open("pgx", os.Getenv("DATABASE_URL"))
}
