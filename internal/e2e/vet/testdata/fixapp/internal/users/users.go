// Package users has sites in different functions of one file: a struct
// field assigned with "=", a handler closing its pool, and a return.
package users

import (
	"context"
	"encoding/json"
	"net/http"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Store keeps its pool in a field.
type Store struct {
	pool *pgxpool.Pool
}

// NewStore assigns the pool to a struct field.
func NewStore(ctx context.Context) (*Store, error) {
	s := &Store{}
	var err error
	s.pool, err = pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Count uses the store's pool.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}

// Close releases the store's pool.
func (s *Store) Close() { s.pool.Close() }

// Handler builds a pool per request and closes it when done.
func Handler(w http.ResponseWriter, r *http.Request) {
	pool, err := pgxpool.New(r.Context(), os.Getenv("DATABASE_URL"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer pool.Close()
	var names []string
	rows, err := pool.Query(r.Context(), "SELECT name FROM users")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		names = append(names, name)
	}
	json.NewEncoder(w).Encode(names)
}

// Open returns a pool for the given DSN.
func Open(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, dsn)
}

// newPool opens a pool for one lookup; its caller closes it.
func newPool(ctx context.Context) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
}

// Exists reports whether the user exists.
func Exists(ctx context.Context, name string) (bool, error) {
	pool, err := newPool(ctx)
	if err != nil {
		return false, err
	}
	defer pool.Close()
	var ok bool
	err = pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM users WHERE name = $1)", name).Scan(&ok)
	return ok, err
}
