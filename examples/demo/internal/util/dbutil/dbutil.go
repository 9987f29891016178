// Package dbutil has the query helpers the smaller routes share.
package dbutil

import (
	"context"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
	"github.com/jmoiron/sqlx"
)

// Select runs query and scans every row into dest (a pointer to a slice).
// Callers need no setup: it connects by itself.
func Select(ctx context.Context, dest any, query string, args ...any) error {
	dsn := os.Getenv("DATABASE_URL")
	conn, err := sqlx.Connect("pgx", dsn)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.SelectContext(ctx, dest, query, args...)
}
