package once // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"database/sql"
	"net/http"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

var replica *pgxpool.Pool

// Replica builds into a local, then stores it, under a nil check: not a
// factory.
func Replica(ctx context.Context) (*pgxpool.Pool, error) {
	if replica == nil {
		p, err := pgxpool.New(ctx, "replica")
		if err != nil {
			return nil, err
		}
		replica = p
	}
	return replica, nil
}

var (
	cacheMu sync.Mutex
	cache   *sql.DB
)

// Cached is double-checked locking: not a factory.
func Cached() (*sql.DB, error) {
	if cache != nil {
		return cache, nil
	}
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if cache != nil {
		return cache, nil
	}
	d, err := sql.Open("pgx", "x")
	if err != nil {
		return nil, err
	}
	cache = d
	return d, nil
}

var (
	poolsMu sync.Mutex
	pools   = map[string]*sql.DB{}
)

// ForTenant keeps one pool per key: not a factory.
func ForTenant(key string) (*sql.DB, error) {
	poolsMu.Lock()
	defer poolsMu.Unlock()
	if p, ok := pools[key]; ok {
		return p, nil
	}
	p, err := sql.Open("pgx", key)
	if err != nil {
		return nil, err
	}
	pools[key] = p
	return p, nil
}

type registry struct {
	mu    sync.Mutex
	byKey map[string]*sql.DB
}

// get keeps one pool per key in a field's map: not a factory.
func (r *registry) get(key string) (*sql.DB, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p := r.byKey[key]; p != nil {
		return p, nil
	}
	p, err := sql.Open("pgx", key)
	if err != nil {
		return nil, err
	}
	r.byKey[key] = p
	return p, nil
}

var other, kept *sql.DB

// CheckedElsewhere checks another variable than the one it stores, and
// returns it when set: it builds a pool only when other is nil, so not
// on every call (no fact), though not a cache either.
func CheckedElsewhere() (*sql.DB, error) {
	if other != nil {
		return other, nil
	}
	d, err := sql.Open("pgx", "x")
	kept = d
	return d, err
}

// CheckedAfter checks only after building: a factory.
func CheckedAfter() *sql.DB { // want CheckedAfter:"factory\\(sql\\.Open at once/cached\\.go:106\\)"
	d, _ := sql.Open("pgx", "x")
	if kept != nil {
		return kept
	}
	kept = d
	return d
}

var lazyHandlerPool *sql.DB

// handler initializes lazily (not per request) and also builds a pool per
// request.
func handler(w http.ResponseWriter, r *http.Request) {
	if lazyHandlerPool == nil {
		lazyHandlerPool, _ = sql.Open("pgx", "x")
	}
	d, _ := sql.Open("pgx", "x") // want `sql\.Open creates a new connection pool on every request; create it once and share it`
	_ = d
}
