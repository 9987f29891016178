package owner

import (
	"context"
	"database/sql"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// connectRetry retries until a pool is built, then leaves the loop with
// it: one pool at a time, not one per iteration (still a factory).
func connectRetry(ctx context.Context) (*pgxpool.Pool, error) { // want connectRetry:"factory\\(pgxpool.New at owner/retry.go:17\\)"
	var pool *pgxpool.Pool
	var err error
	for i := 0; i < 5; i++ {
		pool, err = pgxpool.New(ctx, "x")
		if err == nil {
			break
		}
		time.Sleep(time.Second)
	}
	return pool, err
}

// openRetry closes a pool that does not answer and tries again, and
// returns the first that does.
func openRetry(ctx context.Context) (*sql.DB, error) { // want openRetry:"factory\\(sql.Open at owner/retry.go:30\\)"
	for {
		db, err := sql.Open("pgx", "x")
		if err != nil {
			continue
		}
		if err := db.PingContext(ctx); err != nil {
			db.Close()
			continue
		}
		return db, nil
	}
}

// perTenant builds one pool per tenant and returns them all: a factory,
// but its loop keeps each pool (one per entry, not per iteration).
func perTenant(ctx context.Context, tenants []string) ([]*pgxpool.Pool, error) { // want perTenant:"factory\\(pgxpool.New at owner/retry.go:47\\)"
	var out []*pgxpool.Pool
	for _, t := range tenants {
		p, err := pgxpool.New(ctx, t)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// pingEach breaks out of an inner switch, not the loop: per iteration.
func pingEach(ctx context.Context, n int) {
	for i := 0; i < n; i++ {
		db, err := sql.Open("pgx", "x") // want `^sql\.Open creates a new connection pool on every iteration; create it once and share it$`
		switch {
		case err == nil:
			break
		}
		_ = db
	}
}
