// Package db owns the application's database pools. It is the only package
// that may create one (see .singlepool.yml): every other package asks for
// the shared pool with Pool, SQL or SQLX.
//
// The pools are built on first use from DATABASE_URL and live until Close.
// Their sizes are constants, DefaultPgxMaxConns and DefaultSQLMaxConns, so
// that the process never holds more than 15 connections, far below
// PostgreSQL's max_connections, and singlepool's connection budget
// (max-conns) reads them from the code. Timeouts come from the URL's query
// parameters:
//
//	pool_max_conn_idle_time=..., ...     pgxpool's own parameters (pool_max_conns is overridden)
//	sql_max_idle_conns=5, sql_conn_max_idle_time=5m, sql_conn_max_lifetime=30m
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	"github.com/jmoiron/sqlx"
)

// Defaults when DATABASE_URL does not set the sizes.
const (
	DefaultPgxMaxConns = 10
	DefaultSQLMaxConns = 5
)

// Pool returns the shared pgx pool. ctx is the caller's: the pool outlives
// every request, so it is built with a background context and ctx only
// lets a cancelled caller stop early.
func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return pgxPool()
}

// SQL returns the shared database/sql pool (pgx's "pgx" driver).
func SQL() (*sql.DB, error) { return sqlPool() }

// SQLX returns the shared pool wrapped for sqlx; it is the same pool as SQL.
func SQLX() (*sqlx.DB, error) { return sqlxPool() }

// Close closes the pools that were built. main calls it on shutdown.
func Close() {
	mu.Lock()
	defer mu.Unlock()
	for i := len(closers) - 1; i >= 0; i-- {
		closers[i]()
	}
	closers = nil
}

var (
	mu      sync.Mutex
	closers []func()
)

func onClose(f func()) {
	mu.Lock()
	closers = append(closers, f)
	mu.Unlock()
}

var pgxPool = sync.OnceValues(func() (*pgxpool.Pool, error) {
	dsn, err := databaseURL()
	if err != nil {
		return nil, err
	}
	cfg, err := pgxpool.ParseConfig(withoutParams(dsn, "sql_"))
	if err != nil {
		return nil, fmt.Errorf("db: DATABASE_URL: %w", err)
	}
	cfg.MaxConns = DefaultPgxMaxConns
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		return nil, fmt.Errorf("db: pgx pool: %w", err)
	}
	debug("db: pgx pool ready", "max_conns", cfg.MaxConns, "max_conn_idle_time", cfg.MaxConnIdleTime)
	onClose(func() {
		debug("db: closing pgx pool", "total_conns", pool.Stat().TotalConns())
		pool.Close()
	})
	return pool, nil
})

var sqlPool = sync.OnceValues(func() (*sql.DB, error) {
	dsn, err := databaseURL()
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, fmt.Errorf("db: DATABASE_URL: %w", err)
	}
	q := u.Query()
	maxIdle, err2 := intParam(q, "sql_max_idle_conns", DefaultSQLMaxConns)
	idleTime, err3 := durationParam(q, "sql_conn_max_idle_time", 5*time.Minute)
	lifetime, err4 := durationParam(q, "sql_conn_max_lifetime", 30*time.Minute)
	if err := errors.Join(err2, err3, err4); err != nil {
		return nil, fmt.Errorf("db: DATABASE_URL: %w", err)
	}
	// pool_* and sql_* are this package's settings, not PostgreSQL's:
	// the driver would send them to the server as runtime parameters.
	conn, err := sql.Open("pgx", withoutParams(dsn, "pool_", "sql_"))
	if err != nil {
		return nil, fmt.Errorf("db: database/sql pool: %w", err)
	}
	conn.SetMaxOpenConns(DefaultSQLMaxConns)
	conn.SetMaxIdleConns(maxIdle)
	conn.SetConnMaxIdleTime(idleTime)
	conn.SetConnMaxLifetime(lifetime)
	debug("db: database/sql pool ready", "max_open_conns", DefaultSQLMaxConns, "max_idle_conns", maxIdle)
	onClose(func() {
		debug("db: closing database/sql pool", "open_conns", conn.Stats().OpenConnections)
		_ = conn.Close()
	})
	return conn, nil
})

var sqlxPool = sync.OnceValues(func() (*sqlx.DB, error) {
	conn, err := sqlPool()
	if err != nil {
		return nil, err
	}
	return sqlx.NewDb(conn, "pgx"), nil
})

func databaseURL() (string, error) {
	dsn := os.Getenv("DATABASE_URL")
	if dsn == "" {
		return "", errors.New("db: DATABASE_URL is not set")
	}
	return dsn, nil
}

// withoutParams removes the URL query parameters with one of the prefixes.
func withoutParams(dsn string, prefixes ...string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.RawQuery == "" {
		return dsn // not a URL (key=value DSN) or nothing to remove
	}
	q := u.Query()
	for k := range q {
		for _, p := range prefixes {
			if strings.HasPrefix(k, p) {
				q.Del(k)
			}
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

func intParam(q url.Values, key string, def int) (int, error) {
	if !q.Has(key) {
		return def, nil
	}
	n, err := strconv.Atoi(q.Get(key))
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%s=%q: want a positive integer", key, q.Get(key))
	}
	return n, nil
}

func durationParam(q url.Values, key string, def time.Duration) (time.Duration, error) {
	if !q.Has(key) {
		return def, nil
	}
	d, err := time.ParseDuration(q.Get(key))
	if err != nil {
		return 0, fmt.Errorf("%s: %w", key, err)
	}
	return d, nil
}

// debug logs at debug level, which main enables when APP_ENV=development.
func debug(msg string, args ...any) { slog.Debug(msg, args...) }
