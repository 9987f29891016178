// Package drivers keeps registries of the ways to open a database, in the
// shapes of golang-migrate's database.Open and of constructor tables.
package drivers

import (
	"database/sql"
	"errors"

	"example.com/registries/regapi"
)

type pg struct{}

func (pg) Open(dsn string) (*sql.DB, error) { return sql.Open("pgx", dsn) }

var registry = map[string]regapi.Opener{"pg": pg{}, "postgres": &pg{}}

// Open looks a registered value up and calls its Open: a new pool per call.
func Open(name, dsn string) (*sql.DB, error) {
	d, ok := registry[name]
	if !ok {
		return nil, errors.New("unknown driver " + name)
	}
	return d.Open(dsn)
}

func openPG(dsn string) (*sql.DB, error) { return sql.Open("pgx", dsn) }

var funcs = map[string]func(string) (*sql.DB, error){"pg": openPG}

// OpenFunc calls a registered function: a new pool per call.
func OpenFunc(name, dsn string) (*sql.DB, error) { return funcs[name](dsn) }

var plugins = map[string]regapi.Opener{"pg": pg{}}

// Register lets other packages add values this package cannot see.
func Register(name string, o regapi.Opener) { plugins[name] = o }

// OpenPlugin is no factory as far as anyone can tell.
func OpenPlugin(name, dsn string) (*sql.DB, error) { return plugins[name].Open(dsn) }
