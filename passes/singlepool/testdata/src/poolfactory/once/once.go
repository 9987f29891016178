package once

import (
	"context"
	"database/sql"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

var (
	mu   sync.Once
	pool *pgxpool.Pool
)

// Pool builds the pool once: a singleton accessor, not a factory.
func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	var err error
	mu.Do(func() { pool, err = pgxpool.New(ctx, "x") })
	return pool, err
}

var sqlDB = sync.OnceValues(func() (*sql.DB, error) { return sql.Open("pgx", "x") })

// SQL hands out a sync.OnceValues pool: not a factory.
func SQL() (*sql.DB, error) { return sqlDB() }

var lazy *sql.DB

// Lazy initializes a global once, guarded by a nil check: not a factory.
func Lazy() *sql.DB {
	if lazy == nil {
		lazy, _ = sql.Open("pgx", "x")
	}
	return lazy
}
