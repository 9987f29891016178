// Package tenants keeps one pool per tenant: each tenant's data lives in
// a database of its own, so these pools must not become the shared one.
package tenants

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// A Tenant is a customer with its own database.
type Tenant struct{ Name, DSN string }

// Pools opens a pool per tenant.
func Pools(ctx context.Context, ts []Tenant) (map[string]*pgxpool.Pool, error) {
	out := make(map[string]*pgxpool.Pool)
	for _, t := range ts {
		p, err := pgxpool.New(ctx, t.DSN)
		if err != nil {
			return nil, err
		}
		out[t.Name] = p
	}
	return out, nil
}
