// Package fixsafe holds sites whose fix would change what the program
// does (another database, other pool settings, a shared pool closed by
// someone) and are reported without a fix, next to sites that look alike
// and are fixed. The shared pool is built from os.Getenv("DATABASE_URL")
// (shared-args).
package fixsafe

import (
	"context"
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Another database: a read replica.
func replica(ctx context.Context) error {
	pool, err := pgxpool.New(ctx, os.Getenv("REPLICA_DATABASE_URL")) // want `pgxpool\.New creates .*\(no suggested fix: it connects with \(\$REPLICA_DATABASE_URL\); the shared pool with \(\$DATABASE_URL\)\)`
	if err != nil {
		return err
	}
	return pool.Ping(ctx)
}

// A pool per tenant, from a field.
type tenant struct{ DSN string }

func perTenant(t tenant) error {
	d, err := sql.Open("pgx", t.DSN) // want `sql\.Open creates .*\(no suggested fix: it connects with t\.DSN, a field, which may not be the shared pool's database\)`
	if err != nil {
		return err
	}
	return d.Ping()
}

// A pool per name, from a registry.
var registry = map[string]string{"eu": "postgres://eu/app"}

func byName(name string) error {
	d, err := sql.Open("pgx", registry[name]) // want `sql\.Open creates .*\(no suggested fix: it connects with registry\[name\], a lookup, which may not be the shared pool's database\)`
	if err != nil {
		return err
	}
	return d.Ping()
}

// A pool per element of a loop.
func each(dsns []string) error {
	for _, dsn := range dsns {
		d, err := sql.Open("pgx", dsn) // want `sql\.Open creates .*\(no suggested fix: it connects with loop variable dsn, which may not be the shared pool's database\)`
		if err != nil {
			return err
		}
		if err := d.Ping(); err != nil {
			return err
		}
	}
	return nil
}

// The caller says where.
func connect(ctx context.Context, dsn string) error {
	pool, err := pgxpool.New(ctx, dsn) // want `pgxpool\.New creates .*\(no suggested fix: it connects with parameter dsn, which may not be the shared pool's database\)`
	if err != nil {
		return err
	}
	return pool.Ping(ctx)
}

// Pool settings in the configuration, before the pool is built.
func tuned(ctx context.Context) error {
	cfg, err := pgxpool.ParseConfig(os.Getenv("DATABASE_URL"))
	if err != nil {
		return err
	}
	cfg.MaxConns = 50
	pool, err := pgxpool.NewWithConfig(ctx, cfg) // want `pgxpool\.NewWithConfig creates .*\(no suggested fix: it configures its own pool \(cfg, changed after it is set \(cfg\.MaxConns = 50\)\); .*\)`
	if err != nil {
		return err
	}
	return pool.Ping(ctx)
}

// Pool settings in the connection string.
func sized(ctx context.Context) error {
	pool, err := pgxpool.New(ctx, "postgres://db/app?pool_max_conns=50") // want `pgxpool\.New creates .*\(no suggested fix: it configures its own pool \(pool_max_conns\); .*\)`
	if err != nil {
		return err
	}
	return pool.Ping(ctx)
}

// Pool settings after the pool is built would apply to the shared pool.
func limited() error {
	d, err := sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates .*\(no suggested fix: it tunes its pool after building it \(d\.SetMaxOpenConns\(2\)\); the fix would tune the shared pool\)`
	if err != nil {
		return err
	}
	d.SetMaxOpenConns(2)
	return d.Ping()
}

// An exported method: its callers in other packages are not followed.
func (Registry) Open(ctx context.Context) (*pgxpool.Pool, error) { // want Open:"factory\\(pgxpool\\.New at fixsafe/fixsafe\\.go:105\\)"
	return pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // want `pgxpool\.New creates .*\(no suggested fix: Open returns the pool to callers in other packages, which may close it\)`
}

// An unexported factory whose caller tunes the pool: the fix would tune
// the shared one.
func open() (*sql.DB, error) { // want open:"factory\\(sql\\.Open at fixsafe/fixsafe\\.go:111\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates .*\(no suggested fix: open returns the pool to a caller that relies on its own pool \(fixsafe/fixsafe\.go:115\): it tunes its pool after building it \(d\.SetMaxOpenConns\(1\)\); the fix would tune the shared pool\)`
}

func count() error {
	d, err := open()
	if err != nil {
		return err
	}
	defer d.Close()
	d.SetMaxOpenConns(1)
	return d.Ping()
}

// A pool in an exported variable: other packages may close it.
var Shared *sql.DB

func initShared() (err error) { // want initShared:"factory\\(sql\\.Open at fixsafe/fixsafe\\.go:128\\)"
	Shared, err = sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates .*\(no suggested fix: the pool is kept in Shared, exported: other packages may close it\)`
	return err
}

// A pool in an exported field.
type Store struct{ DB *sql.DB }

func newStore() (*Store, error) { // want newStore:"factory\\(sql\\.Open at fixsafe/fixsafe\\.go:138\\)"
	s := &Store{}
	var err error
	s.DB, err = sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates .*\(no suggested fix: the pool is kept in field DB, exported: other packages may close it\)`
	return s, err
}

// A helper of the package closes the pool: it would close the shared one.
func closeDB(d *sql.DB) { d.Close() }

func viaHelper() error {
	d, err := sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates .*\(no suggested fix: closeDB\(d\) closes it, and would close the shared pool\)`
	if err != nil {
		return err
	}
	defer closeDB(d)
	return d.Ping()
}

// The code relies on the pool being closed: the shared pool never is.
func closedTwice(ctx context.Context) error {
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // want `pgxpool\.New creates .*\(no suggested fix: pool is used after it is closed \(return pool\.Ping\(ctx\)\): the code relies on closing it\)`
	if err != nil {
		return err
	}
	pool.Close()
	return pool.Ping(ctx)
}

// Registry declares an exported method that returns a pool.
type Registry struct{}
