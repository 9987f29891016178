// Package tenants serves the white-label tenants, each on its own
// database.
package tenants

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Open opens a tenant's database.
func Open(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, dsn) // site: keep (DSN parameter: each tenant's own database)
}

// Plan reads a tenant's plan from its own database.
func Plan(ctx context.Context, dsn string) (string, error) {
	pool, err := Open(ctx, dsn)
	if err != nil {
		return "", err
	}
	defer pool.Close()
	var plan string
	err = pool.QueryRow(ctx, "SELECT plan FROM settings").Scan(&plan)
	return plan, err
}
