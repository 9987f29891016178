// Package db holds the accessors that fix tests use (not internal, so
// that any testdata package may import it).
package db

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Pool follows the shape rule for pgxpool.New and pgxpool.NewWithConfig.
func Pool(ctx context.Context) (*pgxpool.Pool, error) { return nil, nil }

// SQL follows the shape rule for sql.Open.
func SQL() (*sql.DB, error) { return nil, nil }
