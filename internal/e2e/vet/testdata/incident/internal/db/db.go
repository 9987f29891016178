// Package db owns the application's shared pools: the only package that
// may build one. Every other package calls Pool, SQL, SQLX, Gorm or Redis.
package db

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"example.com/incident/internal/config"
)

// The shared pool's size: the whole program's share of PostgreSQL's
// max_connections.
const (
	maxConns        = 10
	minConns        = 0
	maxConnIdleTime = 5 * time.Minute
	redisPoolSize   = 20
)

var (
	poolOnce sync.Once
	pool     *pgxpool.Pool
	poolErr  error
)

// Pool returns the shared pgx pool on DATABASE_URL, built on first use.
func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	poolOnce.Do(func() {
		cfg, err := pgxpool.ParseConfig(config.DatabaseURL())
		if err != nil {
			poolErr = err
			return
		}
		cfg.MaxConns = maxConns
		cfg.MinConns = minConns
		cfg.MaxConnIdleTime = maxConnIdleTime
		pool, poolErr = pgxpool.NewWithConfig(ctx, cfg)
	})
	return pool, poolErr
}

var (
	sqlOnce sync.Once
	sqlDB   *sql.DB
	sqlErr  error
)

// SQL returns the shared pool as a *sql.DB, for code written against
// database/sql: the same connections as Pool.
func SQL() (*sql.DB, error) {
	sqlOnce.Do(func() {
		p, err := Pool(context.Background())
		if err != nil {
			sqlErr = err
			return
		}
		sqlDB = stdlib.OpenDBFromPool(p)
	})
	return sqlDB, sqlErr
}

// SQLX returns the shared pool as a *sqlx.DB.
func SQLX() (*sqlx.DB, error) {
	d, err := SQL()
	if err != nil {
		return nil, err
	}
	return sqlx.NewDb(d, "pgx"), nil
}

var gormDB = sync.OnceValues(func() (*gorm.DB, error) {
	d, err := SQL()
	if err != nil {
		return nil, err
	}
	// gorm closes the ConnPool it is given when its first ping fails:
	// that would be the shared pool, so it does not ping.
	return gorm.Open(postgres.New(postgres.Config{Conn: d}), &gorm.Config{DisableAutomaticPing: true})
})

// Gorm returns a gorm handle over the shared pool.
func Gorm() (*gorm.DB, error) { return gormDB() }

var (
	redisOnce sync.Once
	rdb       *redis.Client
)

// Redis returns the shared Redis client on REDIS_ADDR.
func Redis() *redis.Client {
	redisOnce.Do(func() {
		rdb = redis.NewClient(&redis.Options{
			Addr:     config.RedisAddr(),
			PoolSize: redisPoolSize,
		})
	})
	return rdb
}

var (
	analyticsOnce sync.Once
	analytics     *pgxpool.Pool
	analyticsErr  error
)

// Analytics returns the pool of the analytics warehouse (ANALYTICS_URL),
// another database than Pool's, built on first use with retries: the
// warehouse is often still waking up when the server starts.
func Analytics(ctx context.Context) (*pgxpool.Pool, error) {
	analyticsOnce.Do(func() {
		analytics, analyticsErr = connectWithRetry(ctx, config.AnalyticsURL(), 3)
	})
	return analytics, analyticsErr
}

// Close closes the shared pools, at shutdown.
func Close() {
	if rdb != nil {
		_ = rdb.Close()
	}
	if sqlDB != nil {
		_ = sqlDB.Close()
	}
	if pool != nil {
		pool.Close()
	}
	if analytics != nil {
		analytics.Close()
	}
}
