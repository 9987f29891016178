package owner

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"
)

// NewPool is a factory inside the allowlist: fine here, reported where
// it is called from outside.
func NewPool(ctx context.Context) (*pgxpool.Pool, error) { // want NewPool:"factory\\(pgxpool.New at owner/owner.go:14\\)"
	return pgxpool.New(ctx, "x")
}

// Pools built per iteration or per request are reported even here.
func perIteration(ctx context.Context, tenants []string) {
	for _, t := range tenants {
		p, _ := pgxpool.New(ctx, t) // want `^pgxpool\.New creates a new connection pool on every iteration; create it once and share it$`
		p.Close()
	}
}

func handler(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("pgx", "x") // want `^sql\.Open creates a new connection pool on every request; create it once and share it$`
	defer db.Close()
}

type server struct{}

func (server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("pgx", "x") // want `sql\.Open creates a new connection pool on every request`
	defer db.Close()
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		db, _ := sql.Open("pgx", "x") // want `sql\.Open creates a new connection pool on every request`
		defer db.Close()
	})
	// A literal that is not a handler and not called here: not counted.
	go func() {
		for {
			db, _ := sql.Open("pgx", "x") // want `sql\.Open creates a new connection pool on every iteration`
			db.Close()
		}
	}()
}
