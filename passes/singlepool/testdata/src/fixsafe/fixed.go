package fixsafe // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// The same database, named through a constant.
const urlVar = "DATABASE_URL"

func byConstant(ctx context.Context) error {
	pool, err := pgxpool.New(ctx, os.Getenv(urlVar)) // want `pgxpool\.New creates a new connection pool outside example.com/pool/db; use the shared pool$`
	if err != nil {
		return err
	}
	return pool.Ping(ctx)
}

// The same database, through a function that only returns it.
func databaseURL() string { return os.Getenv("DATABASE_URL") }

func byFunction() error {
	d, err := sql.Open("pgx", databaseURL()) // want `sql\.Open creates a new connection pool outside example.com/pool/db; use the shared pool$`
	if err != nil {
		return err
	}
	return d.Ping()
}

// A package-level pool closed by Teardown: the fix removes that Close too.
var pool *pgxpool.Pool

func setup(ctx context.Context) (err error) { // want setup:"factory\\(pgxpool\\.New at fixsafe/fixed\\.go:37\\)"
	pool, err = pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // want `pgxpool\.New creates a new connection pool outside example.com/pool/db; use the shared pool$`
	return err
}

func teardown() {
	pool.Close()
}

// An unexported factory whose callers do not close the pool.
func shared() (*sql.DB, error) { // want shared:"factory\\(sql\\.Open at fixsafe/fixed\\.go:47\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates a new connection pool outside example.com/pool/db; use the shared pool$`
}

func ping() error {
	d, err := shared()
	if err != nil {
		return err
	}
	return d.Ping()
}

// A Close in a deferred function runs last: the fix removes it.
func deferredClose(ctx context.Context) error {
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // want `pgxpool\.New creates a new connection pool outside example.com/pool/db; use the shared pool$`
	if err != nil {
		return err
	}
	defer func() {
		pool.Close()
	}()
	return pool.Ping(ctx)
}
