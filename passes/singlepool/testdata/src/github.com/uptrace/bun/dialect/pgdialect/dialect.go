// Package pgdialect is a stub of github.com/uptrace/bun/dialect/pgdialect@v1.3.0 for singlepool's tests; signatures copied from the real source.
package pgdialect

import "database/sql"

type Dialect struct{}

type DialectOption func(d *Dialect)

func New(opts ...DialectOption) *Dialect { return &Dialect{} }

func (d *Dialect) Init(db *sql.DB) {}
