package registry // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

// openers is a registry of constructors, by driver.
var openers = map[string]func(string, string) (*sql.DB, error){
	"pgx":      sql.Open,
	"postgres": sql.Open,
}

// Open calls the registry: a new pool on every call.
func Open(name, dsn string) (*sql.DB, error) { // want Open:"factory\\(sql.Open at registry/registry.go:12\\)"
	return openers[name](name, dsn)
}

// connect is a package-level function variable.
var connect = pgxpool.New

// Pool calls it: a factory.
func Pool(ctx context.Context) (*pgxpool.Pool, error) { // want Pool:"factory\\(pgxpool.New at registry/registry.go:22\\)"
	return connect(ctx, "x")
}

// mixed holds a function that builds nothing: not every call builds a pool.
var mixed = map[string]func(string, string) (*sql.DB, error){
	"pgx":  sql.Open,
	"fake": fakeOpen,
}

func fakeOpen(string, string) (*sql.DB, error) { return nil, nil }

// Mixed is not a factory.
func Mixed(name, dsn string) (*sql.DB, error) { return mixed[name](name, dsn) }
