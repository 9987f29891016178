// Package db owns the shared pools: it is allowlisted, so its constructor
// calls are not reported.
package db

import (
	"context"
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
)

func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
}

func SQL() (*sql.DB, error) {
	return sql.Open("pgx", os.Getenv("DATABASE_URL"))
}

func SQLX() (*sqlx.DB, error) {
	return sqlx.Connect("pgx", os.Getenv("DATABASE_URL"))
}

func Redis() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
}
