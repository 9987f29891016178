package fixnone // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

var dsnCalls int

func dsn() string {
	dsnCalls++
	return os.Getenv("DATABASE_URL")
}

// No fix: a function value.
var open = sql.Open // want `sql\.Open creates .*\(no suggested fix: a function value: .*\)`

// No fix: dropping dsn() could drop side effects.
func call(ctx context.Context) (*pgxpool.Pool, error) { // want call:"factory\\(pgxpool\\.New at fixnone/fixnone\\.go:23\\)"
	return pgxpool.New(ctx, dsn()) // want `pgxpool\.New creates .*\(no suggested fix: dropping dsn\(\) could drop side effects\)`
}

// No fix: the result of Close is used.
func closed() error {
	db, err := sql.Open("pgx", "x") // want `sql\.Open creates .*\(no suggested fix: db is only closed, never used: .*\)`
	if err != nil {
		return err
	}
	return db.Close()
}

// No fix: the pool is only closed, never used.
func unused(ctx context.Context) {
	pool, _ := pgxpool.New(ctx, "x") // want `pgxpool\.New creates .*\(no suggested fix: pool is only closed, never used: .*\)`
	pool.Close()
}

// No fix: the variable would be left only assigned.
func assigned(ctx context.Context) (*pgxpool.Pool, error) { // want assigned:"factory\\(pgxpool\\.New at fixnone/fixnone\\.go:45\\)"
	d := ""
	d = os.Getenv("X")
	return pgxpool.New(ctx, d) // want `pgxpool\.New creates .*\(no suggested fix: it connects with d, changed after it is set \(d = os\.Getenv\("X"\)\), which may not be the shared pool.s database\)`
}

// No fix: no accessor configured for OpenDB.
func noAccessor() *sql.DB { // want noAccessor:"factory\\(sql\\.OpenDB at fixnone/fixnone\\.go:50\\)"
	return sql.OpenDB(nil) // want `sql\.OpenDB creates .*shared pool$`
}

type cleaner interface{ Cleanup(func()) }

// No fix: Close passed as a function value would still close the shared pool.
func cleanup(ctx context.Context, t cleaner) (*pgxpool.Pool, error) { // want cleanup:"factory\\(pgxpool.New at fixnone/fixnone.go:57\\)"
	pool, err := pgxpool.New(ctx, "x") // want `pgxpool\.New creates .*\(no suggested fix: pool\.Close is passed as a function value\)`
	if err != nil {
		return nil, err
	}
	t.Cleanup(pool.Close)
	return pool, nil
}

// No fix: the field also holds a pool the caller passes in, whose Close
// in (*store).Close must stay.
type store struct{ pool *pgxpool.Pool }

func newStore(ctx context.Context) (*store, error) { // want newStore:"factory\\(pgxpool.New at fixnone/fixnone.go:72\\)"
	s := &store{}
	var err error
	s.pool, err = pgxpool.New(ctx, "x") // want `pgxpool\.New creates .*\(no suggested fix: field pool also holds pools from elsewhere, whose Close must stay\)`
	return s, err
}

func storeFrom(p *pgxpool.Pool) *store { return &store{pool: p} }

func (s *store) Close() { s.pool.Close() }

// No fix, and the reason shows a long argument briefly.
func literal(ctx context.Context) (*pgxpool.Pool, error) { // want literal:"factory\\(pgxpool.New at fixnone/fixnone.go:82\\)"
	return pgxpool.New(ctx, dsnFrom(func() string { // want `pgxpool\.New creates .*\(no suggested fix: dropping dsnFrom\(\.\.\.\) could drop side effects\)$`
		return os.Getenv("DATABASE_URL")
	}))
}

func dsnFrom(f func() string) string { return f() }
