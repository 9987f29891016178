package shared // want package:"pools\\(factories=true, sites=0\\)"

// Shared is allowlisted: it owns the pools.

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Shards builds one pool per shard on every call: a factory.
func Shards(ctx context.Context, n int) []*pgxpool.Pool { // want Shards:"factory\\(pgxpool.New at shared/shared.go:15\\)"
	out := make([]*pgxpool.Pool, n)
	for i := range out {
		out[i], _ = pgxpool.New(ctx, "x")
	}
	return out
}
