package nolint

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

func inline(ctx context.Context) {
	p, _ := pgxpool.New(ctx, "x") //nolint:singlepool // the audit pool, on purpose
	_ = p
	q, _ := pgxpool.New(ctx, "x") //nolint:all
	_ = q
	r, _ := pgxpool.New(ctx, "x") //nolint
	_ = r
	s, _ := pgxpool.New(ctx, "x") //nolint:errcheck,singlepool
	_ = s
	t, _ := pgxpool.New(ctx, "x") //nolint:SinglePool
	_ = t
}

func notSilenced(ctx context.Context) {
	p, _ := pgxpool.New(ctx, "x") //nolint:errcheck // want `^pgxpool\.New creates a new connection pool`
	_ = p
	q, _ := pgxpool.New(ctx, "x") // nolint is not at the start of this comment; want `^pgxpool\.New creates`
	_ = q
	r, _ := pgxpool.New(ctx, "x") //nolintx // want `^pgxpool\.New creates`
	_ = r
	//nolint:singlepool // the next line only, and not the one after
	s, _ := pgxpool.New(ctx, "x")
	t, _ := pgxpool.New(ctx, "x") // want `^pgxpool\.New creates`
	_, _ = s, t
}

// A directive above a declaration silences the whole declaration.
//
//nolint:singlepool // the migration tool's own pools
func migrate(ctx context.Context) {
	p, _ := pgxpool.New(ctx, "x")
	_ = p
	d, _ := sql.Open("pgx", "x")
	_ = d
}

// Above a statement, in its column: the whole statement.
func block(ctx context.Context, n int) {
	//nolint:singlepool // one pool per shard, closed below
	for i := 0; i < n; i++ {
		p, _ := pgxpool.New(ctx, "x")
		p.Close()
	}
	//nolint:singlepool // a blank line away: its own line only

	for i := 0; i < n; i++ {
		p, _ := pgxpool.New(ctx, "x") // want `^pgxpool\.New creates a new connection pool on every iteration`
		p.Close()
	}
}
