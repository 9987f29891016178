package fixnone // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

func dsn() string { return os.Getenv("DATABASE_URL") }

// No fix: a function value.
var open = sql.Open // want `sql\.Open creates`

// No fix: dropping dsn() could drop side effects.
func call(ctx context.Context) (*pgxpool.Pool, error) { // want call:"factory\\(pgxpool\\.New at fixnone/fixnone\\.go:18\\)"
	return pgxpool.New(ctx, dsn()) // want `pgxpool\.New creates`
}

// No fix: the result of Close is used.
func closed() error {
	db, err := sql.Open("pgx", "x") // want `sql\.Open creates`
	if err != nil {
		return err
	}
	return db.Close()
}

// No fix: the pool is only closed, never used.
func unused(ctx context.Context) {
	pool, _ := pgxpool.New(ctx, "x") // want `pgxpool\.New creates`
	pool.Close()
}

// No fix: the variable would be left only assigned.
func assigned(ctx context.Context) (*pgxpool.Pool, error) { // want assigned:"factory\\(pgxpool\\.New at fixnone/fixnone\\.go:40\\)"
	d := ""
	d = os.Getenv("X")
	return pgxpool.New(ctx, d) // want `pgxpool\.New creates`
}

// No fix: no accessor configured for OpenDB.
func noAccessor() *sql.DB { // want noAccessor:"factory\\(sql\\.OpenDB at fixnone/fixnone\\.go:45\\)"
	return sql.OpenDB(nil) // want `sql\.OpenDB creates`
}
