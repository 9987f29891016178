package unsized // want package:"pools\\(factories=true, sites=4\\)"

import (
	"context"
	"database/sql"
	"net/http"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Open never limits its pool.
func Open() (*sql.DB, error) { // want Open:"factory\\(sql.Open at unsized/unsized.go:14\\)"
	return sql.Open("postgres", os.Getenv("DATABASE_URL")) // want `^sql\.Open's pool has no connection limit: it opens a new connection whenever every open one is busy \(no SetMaxOpenConns\); call SetMaxOpenConns on it \(max-conns=100\)$`
}

// Zero sets no limit either.
func Zero() { // want Zero:"helper\\(sql.Open at unsized/unsized.go:19\\)"
	d, _ := sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `has no connection limit: .* \(SetMaxOpenConns\(0\): no limit\)`
	d.SetMaxOpenConns(0)
}

// Handler builds a pool per request: no bound on the program's connections.
func Handler(w http.ResponseWriter, r *http.Request) {
	p, _ := pgxpool.New(r.Context(), "postgres://db?pool_max_conns=2")
	defer p.Close()
}

// Tuned is bounded, but not by a constant.
func Tuned(ctx context.Context, n int) { // want Tuned:"helper\\(sql.Open at unsized/unsized.go:31\\)"
	d, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	d.SetMaxOpenConns(n)
}
