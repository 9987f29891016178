package poolperiteration // want package:"pools\\(factories=true, sites=0\\)"

// Package poolperiteration builds pools in loops: a new pool on every
// iteration is reported (pool-per-iteration); a startup retry loop that
// leaves with the first pool that works, and lazy initialization, are not
// per iteration.

import (
	"context"
	"database/sql"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

func perTenant(ctx context.Context, dsns []string) {
	for _, dsn := range dsns {
		p, err := pgxpool.New(ctx, dsn) // want `^pgxpool\.New creates a new connection pool on every iteration outside example.com/pool/db; use the shared pool$`
		if err != nil {
			continue
		}
		p.Close()
	}
}

func poll(dsn string) {
	for range 3 {
		db, err := sql.Open("pgx", dsn) // want `^sql\.Open creates a new connection pool on every iteration outside`
		if err == nil {
			db.Close()
		}
	}
}

// connect retries until a pool works, then leaves the loop with it: one
// pool, reported as new-pool, not per iteration.
func connect(ctx context.Context, dsn string) (*pgxpool.Pool, error) { // want connect:"factory\\(pgxpool\\.New at poolperiteration/poolperiteration\\.go:41\\)"
	var pool *pgxpool.Pool
	var err error
	for i := 0; i < 5; i++ {
		pool, err = pgxpool.New(ctx, dsn) // want `^pgxpool\.New creates a new connection pool outside example.com/pool/db; use the shared pool$`
		if err == nil {
			break
		}
		time.Sleep(time.Second)
	}
	return pool, err
}

var cache map[string]*sql.DB

// lookup builds each pool once, into a cache behind a check: not per
// iteration.
func lookup(names []string) {
	for _, n := range names {
		if cache[n] == nil {
			cache[n], _ = sql.Open("pgx", n) // want `^sql\.Open creates a new connection pool outside example.com/pool/db; use the shared pool$`
		}
	}
}
