package users

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"example.com/app/internal/db"
)

// sharedPoolOpen fails the test if the shared pool was closed: pgxpool's
// Acquire says "closed pool" at once, where an open pool tries to connect.
func sharedPoolOpen(t *testing.T, after string) {
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
		t.Errorf("after %s, the shared pool is closed: %v", after, err)
	}
}

// After -fix, requests and a store's Close leave the shared pool open.
func TestBehaviorSharedPoolStaysOpen(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://app@127.0.0.1:1/app?connect_timeout=1")
	for i := 0; i < 2; i++ {
		Handler(httptest.NewRecorder(), httptest.NewRequest("GET", "/users", nil))
	}
	sharedPoolOpen(t, "two requests")
	s, err := NewStore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	sharedPoolOpen(t, "Store.Close")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, _ = Exists(ctx, "ann")
	sharedPoolOpen(t, "Exists, which closes the pool newPool returns")
}
