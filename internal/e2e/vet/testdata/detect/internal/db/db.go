// Package db owns the shared pools: it is allowlisted, so its constructor
// calls are not reported, and each accessor builds its pool once.
package db

import (
	"context"
	"database/sql"
	"os"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
)

var (
	pgxPool = sync.OnceValues(func() (*pgxpool.Pool, error) {
		return pgxpool.New(context.Background(), os.Getenv("DATABASE_URL"))
	})
	sqlPool = sync.OnceValues(func() (*sql.DB, error) {
		return sql.Open("pgx", os.Getenv("DATABASE_URL"))
	})
	sqlxPool = sync.OnceValues(func() (*sqlx.DB, error) {
		return sqlx.Connect("pgx", os.Getenv("DATABASE_URL"))
	})
	redisClient = sync.OnceValue(func() *redis.Client {
		return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	})
)

// Pool returns the shared pgx pool.
func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return pgxPool()
}

// SQL returns the shared database/sql pool.
func SQL() (*sql.DB, error) { return sqlPool() }

// SQLX returns the shared sqlx pool.
func SQLX() (*sqlx.DB, error) { return sqlxPool() }

// Redis returns the shared Redis client.
func Redis() *redis.Client { return redisClient() }
