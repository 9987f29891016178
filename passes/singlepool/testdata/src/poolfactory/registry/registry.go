package registry // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"database/sql"
	"errors"
	"poolfactory/regapi"

	"github.com/jackc/pgx/v5/pgxpool"
)

// openers is a registry of constructors, by driver.
var openers = map[string]func(string, string) (*sql.DB, error){
	"pgx":      sql.Open,
	"postgres": sql.Open,
}

// Open calls the registry: a new pool on every call.
func Open(name, dsn string) (*sql.DB, error) { // want Open:"factory\\(sql.Open at registry/registry.go:14\\)"
	return openers[name](name, dsn)
}

// connect is a package-level function variable.
var connect = pgxpool.New

// Pool calls it: a factory.
func Pool(ctx context.Context) (*pgxpool.Pool, error) { // want Pool:"factory\\(pgxpool.New at registry/registry.go:24\\)"
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

// locals is a registry of this package's factories.
var locals = map[string]func(string) (*sql.DB, error){"pg": openPG}

func openPG(dsn string) (*sql.DB, error) { // want openPG:"factory\\(sql.Open at registry/registry.go:46\\)"
	return sql.Open("pgx", dsn)
}

// Local calls it: a factory.
func Local(name, dsn string) (*sql.DB, error) { // want Local:"factory\\(sql.Open at registry/registry.go:46\\)"
	return locals[name](dsn)
}

// pgOpener implements another package's interface by opening a pool.
type pgOpener struct{}

func (pgOpener) Open(dsn string) (*sql.DB, error) { // want Open:"factory\\(sql.Open at registry/registry.go:58\\)"
	return sql.Open("pgx", dsn)
}

// drivers is a registry of values whose Open builds a pool.
var drivers = map[string]regapi.Opener{"pg": pgOpener{}, "pg2": &pgOpener{}}

// OpenWith calls a registered value's method: a factory.
func OpenWith(name, dsn string) (*sql.DB, error) { // want OpenWith:"factory\\(\\(registry.pgOpener\\).Open: sql.Open at registry/registry.go:58\\)"
	return drivers[name].Open(dsn)
}

// Lookup looks the value up first, as golang-migrate's database.Open does.
func Lookup(name, dsn string) (*sql.DB, error) { // want Lookup:"factory\\(\\(registry.pgOpener\\).Open: sql.Open at registry/registry.go:58\\)"
	d, ok := drivers[name]
	if !ok {
		return nil, errors.New("unknown driver " + name)
	}
	return d.Open(dsn)
}

// fakeOpener builds nothing.
type fakeOpener struct{}

func (fakeOpener) Open(string) (*sql.DB, error) { return nil, nil }

var withFake = map[string]regapi.Opener{"pg": pgOpener{}, "fake": fakeOpener{}}

// WithFake is no factory: one registered value builds nothing.
func WithFake(name, dsn string) (*sql.DB, error) { return withFake[name].Open(dsn) }

var registered = map[string]regapi.Opener{"pg": pgOpener{}}

// Register adds values this package cannot see.
func Register(name string, o regapi.Opener) { registered[name] = o }

// Registered is no factory: other packages may register anything.
func Registered(name, dsn string) (*sql.DB, error) { return registered[name].Open(dsn) }
