package unsized // want package:"pools\\(factories=true, sites=8\\)"

import (
	"context"
	"database/sql"
	"net/http"
	"os"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

// Open never limits its pool.
func Open() (*sql.DB, error) { // want Open:"factory\\(sql.Open at unsized/unsized.go:17\\)"
	return sql.Open("postgres", os.Getenv("DATABASE_URL")) // want `^sql\.Open's pool has no connection limit: it opens a new connection whenever every open one is busy \(no SetMaxOpenConns\); call SetMaxOpenConns on it \(max-conns=100\)$`
}

// Zero sets no limit either.
func Zero() { // want Zero:"helper\\(sql.Open at unsized/unsized.go:22\\)"
	d, _ := sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `has no connection limit: .* \(SetMaxOpenConns\(0\): no limit\)`
	d.SetMaxOpenConns(0)
}

// Handler builds a pool per request: no bound on the program's connections.
func Handler(w http.ResponseWriter, r *http.Request) {
	p, _ := pgxpool.New(r.Context(), "postgres://db?pool_max_conns=2")
	defer p.Close()
}

// Tuned is bounded, but not by a constant.
func Tuned(ctx context.Context, n int) { // want Tuned:"helper\\(sql.Open at unsized/unsized.go:34\\)"
	d, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	d.SetMaxOpenConns(n)
}

// Handed passes its pool to a function that may limit it: not counted.
func Handed() { // want Handed:"helper\\(sql.Open at unsized/unsized.go:40\\)"
	d, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	configure(d)
}

func configure(d *sql.DB) {}

// Connector opens PostgreSQL through a connector kept in a local.
func Connector(cfg pgx.ConnConfig) *sql.DB { // want Connector:"factory\\(sql.OpenDB at unsized/unsized.go:49\\)"
	c := stdlib.GetConnector(cfg)
	return sql.OpenDB(c) // want `^sql\.OpenDB's pool has no connection limit`
}

// Reconnect hands a callback that returns new pools to a function that
// may limit them: not counted.
func Reconnect() {
	useConnectionPools(func() (*sql.DB, error) {
		return sql.Open("pgx", os.Getenv("DATABASE_URL"))
	})
}

func useConnectionPools(reopen func() (*sql.DB, error)) {}

// shared is built once, by sync.OnceValues, which does not limit it.
var shared = sync.OnceValues(func() (*sql.DB, error) {
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `^sql\.Open's pool has no connection limit`
})
