// Package audit writes the audit log to its own database, with its own
// role: a pool that is intended.
package audit

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Open opens the audit database, once, at start-up.
func Open(ctx context.Context) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, os.Getenv("AUDIT_DATABASE_URL"))
}
