package jobs

import (
	"context"
	"strings"
	"testing"
	"time"

	"example.com/app/internal/db"
)

// After the nightly and weekly runs the shared pool is still open: pgxpool's Acquire
// says "closed pool" at once on a closed pool, where an open one tries to
// connect (and fails: no server is needed).
func TestBehaviorNightlyLeavesSharedPoolOpen(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://app@127.0.0.1:1/app?connect_timeout=1")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = Nightly(ctx) // no server: the queries fail
	_ = Weekly(ctx)
	pool, err := db.Pool(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c, err := pool.Acquire(ctx); err == nil {
		c.Release()
	} else if strings.Contains(err.Error(), "closed pool") {
		t.Errorf("after Nightly and Weekly, the shared pool is closed: %v", err)
	}
}
