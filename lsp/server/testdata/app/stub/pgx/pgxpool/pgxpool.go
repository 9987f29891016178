// Package pgxpool is a stub of github.com/jackc/pgx/v5@v5.12.0's pgxpool
// for the language server's test; signatures copied from the real source.
package pgxpool

import "context"

// Pool is a connection pool.
type Pool struct{ closed bool }

// New builds a pool.
func New(ctx context.Context, connString string) (*Pool, error) { return &Pool{}, nil }

// Close closes the pool.
func (p *Pool) Close() { p.closed = true }

// Ping checks the connection.
func (p *Pool) Ping(ctx context.Context) error { return nil }
