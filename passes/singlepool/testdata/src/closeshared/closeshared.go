package closeshared

import (
	"context"
	"net/http"
	"testing"

	"closeshared/store"
	"example.com/pool/db"
	"github.com/jackc/pgx/v5/pgxpool"
)

// handler closes the shared pool after the first request.
func handler(w http.ResponseWriter, r *http.Request) {
	p, err := db.Pool(r.Context())
	if err != nil {
		return
	}
	defer p.Close() // want `^p\.Close closes the shared pool \(db\.Pool\): every later use of it fails; leave closing it to example.com/pool/db at shutdown$`
	_ = p.Ping(r.Context())
}

// viaStore closes it through a function of another package that passes it on.
func viaStore(s *store.Store) {
	s.DB().Close() // want `^s\.DB\(\)\.Close closes the shared pool \(db\.SQL\)`
}

// cleanup hands the Close over to the test.
func cleanup(t *testing.T) {
	p, _ := db.Pool(context.Background())
	t.Cleanup(p.Close) // want `^p\.Close closes the shared pool \(db\.Pool\)`
	_ = p.Ping(context.Background())
}

// checked uses the Close's result: reported without a fix.
func checked() error {
	d, _ := db.SQL()
	if err := d.Close(); err != nil { // want `^d\.Close closes the shared pool \(db\.SQL\): .* \(no suggested fix: its result is used\)$`
		return err
	}
	return nil
}

// only uses the pool for nothing but closing it: no fix, which would leave
// the variable unused.
func only(ctx context.Context) {
	p, _ := db.Pool(ctx)
	p.Close() // want `\(no suggested fix: removing it would leave p unused\)$`
}

// private closes a pool of its own: not the shared pool.
func private(ctx context.Context) {
	p, _ := pgxpool.New(ctx, "postgres://other") // want `^pgxpool\.New creates a new connection pool`
	defer p.Close()
}

// mixed holds the shared pool or another one: not reported.
func mixed(ctx context.Context, other bool) {
	var p *pgxpool.Pool
	if other {
		p, _ = pgxpool.New(ctx, "postgres://other") // want `^pgxpool\.New creates a new connection pool`
	} else {
		p, _ = db.Pool(ctx)
	}
	p.Close()
}

// param closes what its caller gives it: not followed.
func param(p *pgxpool.Pool) { p.Close() }

// rows closes the rows, not the pool.
func rows(ctx context.Context) {
	p, _ := db.Pool(ctx)
	r, _ := p.Query(ctx, "SELECT 1")
	defer r.Close()
}

// own closes a store of its own.
func own(o *store.Own) { _ = o.Close() }
