// Package badacc declares accessors that do not fit the shape rule.
package badacc // want `singleton accessor example.com/badacc.Missing for database/sql.OpenDB is not a function or function variable declared in this package`

import (
	"context"
	"database/sql"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
)

func Pool() (*pgxpool.Pool, error) { return nil, nil } // want `singleton accessor badacc.Pool does not fit the shape rule for pgxpool.New: want func\(context.Context\) \(\*pgxpool.Pool, error\), have func\(\) \(\*pgxpool.Pool, error\)`

func SQL(ctx context.Context) *sql.DB { return nil } // want `singleton accessor badacc.SQL does not fit the shape rule for sql.Open: want func\(\) \(\*sql.DB, error\)`

// Good fits the rule for NewWithConfig.
func Good(ctx context.Context) (*pgxpool.Pool, error) { return nil, nil }

// SQLX is a function variable, as a singleton is often written: it fits
// the rule for sqlx.Connect.
var SQLX = sync.OnceValues(func() (*sqlx.DB, error) { return nil, nil })
