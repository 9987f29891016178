package fixmulti // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Two sites share dsn: they are fixed together, so dsn goes with them.
func both(ctx context.Context) error {
	dsn := os.Getenv("DATABASE_URL")
	a, err := pgxpool.New(ctx, dsn) // want `pgxpool\.New creates`
	if err != nil {
		return err
	}
	b, err := sql.Open("pgx", dsn) // want `sql\.Open creates`
	if err != nil {
		return err
	}
	defer b.Close()
	_ = a
	return b.Ping()
}

// A chain of locals: url only feeds dsn, which only feeds the call.
func chain(ctx context.Context) (*pgxpool.Pool, error) { // want chain:"factory\\(pgxpool\\.New at fixmulti/fixmulti\\.go:31\\)"
	key := "DATABASE_URL"
	dsn := os.Getenv(key)
	return pgxpool.New(ctx, dsn) // want `pgxpool\.New creates`
}

// dsn is still used after the fix, so it stays.
func logged(ctx context.Context) (*pgxpool.Pool, error) { // want logged:"factory\\(pgxpool\\.New at fixmulti/fixmulti\\.go:38\\)"
	dsn := os.Getenv("DATABASE_URL")
	println("connecting to", dsn)
	return pgxpool.New(ctx, dsn) // want `pgxpool\.New creates`
}
