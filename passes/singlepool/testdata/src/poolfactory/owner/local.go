package owner // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"
)

// newPool is a factory of this package.
func newPool(ctx context.Context) (*pgxpool.Pool, error) { // want newPool:"factory\\(pgxpool.New at owner/local.go:12\\)"
	return pgxpool.New(ctx, "x")
}

// serve calls it on every request: reported even in the allowlist.
func serve(w http.ResponseWriter, r *http.Request) {
	p, err := newPool(r.Context()) // want `^newPool creates a new connection pool on every request \(pgxpool\.New at owner/local\.go:12\); create it once and share it$`
	if err == nil {
		p.Close()
	}
}

// each calls it on every iteration.
func each(ctx context.Context, n int) {
	for i := 0; i < n; i++ {
		p, err := newPool(ctx) // want `^newPool creates a new connection pool on every iteration \(pgxpool\.New at owner/local\.go:12\); create it once and share it$`
		if err == nil {
			p.Close()
		}
	}
}

// start calls it once: not reported.
func start(ctx context.Context) {
	p, err := newPool(ctx)
	if err == nil {
		p.Close()
	}
}
