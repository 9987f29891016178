// Package legacy has one pool that is known and accepted, suppressed with
// a nolint directive, and one that is not.
package legacy

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Migrations uses a separate pool on purpose.
func Migrations(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, dsn) //nolint:singlepool // migrations run with their own role
}

// Audit does not.
func Audit(dsn string) (*sql.DB, error) {
	return sql.Open("pgx", dsn)
}
