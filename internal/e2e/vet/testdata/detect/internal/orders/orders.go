package orders

import (
	"context"
	"os"

	pg "github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
)

// connect is a function value: it is reported where it is taken.
var connect = sqlx.Connect

func Open(ctx context.Context) (*pg.Pool, *sqlx.DB, *redis.Client, error) {
	pool, err := pg.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, nil, nil, err
	}
	x, err := connect("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, nil, nil, err
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	return pool, x, rdb, nil
}
