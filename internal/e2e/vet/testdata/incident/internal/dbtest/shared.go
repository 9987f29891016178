package dbtest

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"example.com/incident/internal/db"
)

// SharedOpen fails the test if one of the shared pools was closed (by a
// Close the fix should have removed): pgxpool says "closed pool",
// database/sql sql.ErrConnDone and go-redis redis.ErrClosed at once,
// where an open pool tries to connect (and reaches the fake server).
func SharedOpen(t *testing.T, after string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	pool, err := db.Pool(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c, err := pool.Acquire(ctx); err == nil {
		c.Release()
	} else if strings.Contains(err.Error(), "closed pool") {
		t.Errorf("after %s, the shared pgx pool is closed: %v", after, err)
	}
	sqlDB, err := db.SQL()
	if err != nil {
		t.Fatal(err)
	}
	if c, err := sqlDB.Conn(ctx); err == nil {
		c.Close()
	} else if errors.Is(err, sql.ErrConnDone) || strings.Contains(err.Error(), "database is closed") {
		t.Errorf("after %s, the shared *sql.DB is closed: %v", after, err)
	}
	if n := sqlDB.Stats().MaxOpenConnections; n != 0 {
		t.Errorf("after %s, the shared *sql.DB is limited to %d connections; nothing may tune it", after, n)
	}
	if err := db.Redis().Ping(ctx).Err(); errors.Is(err, redis.ErrClosed) {
		t.Errorf("after %s, the shared Redis client is closed: %v", after, err)
	}
}

// Ctx is a context for one call under test.
func Ctx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}
