package fix // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// A handler that builds a pool per request and closes it: the fix passes
// the context through, drops dsn, and removes the Close of the shared pool.
func handler(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	dsn := os.Getenv("DATABASE_URL")
	pool, err := pgxpool.New(ctx, dsn) // want `pgxpool\.New creates a new connection pool`
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer pool.Close()
	fmt.Fprintln(w, pool.Ping(ctx))
}

// Assignment to declared variables and to a struct field.
type service struct{ db *sql.DB }

func newService() (*service, error) { // want newService:"factory\\(sql\\.Open at fix/fix\\.go:33\\)"
	s := &service{}
	var err error
	s.db, err = sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates a new connection pool`
	return s, err
}

// Return of the constructor's results.
func open(ctx context.Context) (*pgxpool.Pool, error) { // want open:"factory\\(pgxpool\\.New at fix/fix\\.go:39\\)"
	return pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // want `pgxpool\.New creates a new connection pool`
}

// A var declaration, and a Close whose result is dropped explicitly.
func withVar() error {
	var db, err = sql.Open("pgx", os.Getenv("DATABASE_"+"URL")) // want `sql\.Open creates a new connection pool`
	if err != nil {
		return err
	}
	if err := db.Ping(); err != nil {
		return err
	}
	_ = db.Close()
	return nil
}

// The service's own Close would close the shared pool: it goes too.
func (s *service) Close() error {
	return s.db.Close()
}

// A pool kept in a struct through a composite literal, closed by a method
// of another shape.
type repo struct{ pool *pgxpool.Pool }

func newRepo(ctx context.Context) (*repo, error) { // want newRepo:"factory\\(pgxpool.New at fix/fix.go:65\\)"
	p, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // want `pgxpool\.New creates a new connection pool`
	if err != nil {
		return nil, err
	}
	return &repo{pool: p}, nil
}

func (r *repo) Close() {
	r.pool.Close()
}
