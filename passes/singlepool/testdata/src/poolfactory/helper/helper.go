package helper // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"database/sql"
	"net/http"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Count opens, queries and closes a pool: every call opens one.
func Count(ctx context.Context, q string) (int, error) { // want Count:"opens-closes\\(sql.Open at helper/helper.go:15\\)"
	db, err := sql.Open("pgx", "x")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, q).Scan(&n)
	return n, err
}

// Leak opens a pool and never closes it.
func Leak(ctx context.Context) error { // want Leak:"helper\\(pgxpool.New at helper/helper.go:27\\)"
	p, err := pgxpool.New(ctx, "x")
	if err != nil {
		return err
	}
	return p.Ping(ctx)
}

// Total calls a helper: it opens a pool on every call too.
func Total(ctx context.Context) int { // want Total:"opens-closes\\(sql.Open at helper/helper.go:15\\)"
	n, _ := Count(ctx, "select 1")
	return n + 1
}

// Reopen calls a factory and closes its pool.
func Reopen(ctx context.Context) error { // want Reopen:"opens-closes\\(pgxpool.New at helper/helper.go:105\\)"
	p, err := newPool(ctx)
	if err != nil {
		return err
	}
	t := p
	t.Close()
	return nil
}

// Connect builds the pool in a retry callback and returns it: a factory.
func Connect(ctx context.Context) (*sql.DB, error) { // want Connect:"factory\\(sql.Open at helper/helper.go:56\\)"
	var db *sql.DB
	err := retry(func() error {
		var err error
		db, err = sql.Open("pgx", "x")
		return err
	})
	return db, err
}

// ConnectLocal builds into the callback's own local, then the captured one.
func ConnectLocal(ctx context.Context) (*pgxpool.Pool, error) { // want ConnectLocal:"factory\\(pgxpool.New at helper/helper.go:66\\)"
	var pool *pgxpool.Pool
	err := retry(func() error {
		p, err := pgxpool.New(ctx, "x")
		if err != nil {
			return err
		}
		pool = p
		return nil
	})
	return pool, err
}

var (
	once   sync.Once
	shared *sql.DB
)

// Shared builds once: not a factory, not a helper.
func Shared() *sql.DB {
	once.Do(func() { shared, _ = sql.Open("pgx", "x") })
	return shared
}

// Background builds in a goroutine: the function does not decide when.
func Background() {
	go func() {
		db, _ := sql.Open("pgx", "x")
		_ = db
	}()
}

// Later builds in a cleanup, after the test: not on every call.
func Later(t *testing.T) {
	t.Cleanup(func() {
		db, _ := sql.Open("pgx", "x")
		db.Close()
	})
}

// newPool is an unexported factory.
func newPool(ctx context.Context) (*pgxpool.Pool, error) { // want newPool:"factory\\(pgxpool.New at helper/helper.go:105\\)"
	return pgxpool.New(ctx, "x")
}

// ping is an unexported helper: only this package calls it, so it has no
// fact, but its calls per request and per iteration are reported.
func ping(ctx context.Context) error {
	db, err := sql.Open("pgx", "x")
	if err != nil {
		return err
	}
	defer db.Close()
	return db.PingContext(ctx)
}

// health calls ping on every request.
func health(w http.ResponseWriter, r *http.Request) {
	_ = ping(r.Context()) // want `^ping opens and closes a new connection pool on every request \(sql\.Open at helper/helper\.go:111\); create it once and share it$`
}

// pingAll calls it on every iteration.
func pingAll(ctx context.Context, n int) {
	for i := 0; i < n; i++ {
		_ = ping(ctx) // want `^ping opens and closes a new connection pool on every iteration`
	}
}

// startup calls it once: not reported.
func startup(ctx context.Context) error { return ping(ctx) }

func retry(f func() error) error {
	var err error
	for range 3 {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}
