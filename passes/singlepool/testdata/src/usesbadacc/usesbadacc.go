package usesbadacc // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"

	"example.com/badacc"
	"github.com/jackc/pgx/v5/pgxpool"
)

var _ = badacc.Good

// The accessor is visible here and does not fit: no fix is offered.
func f(ctx context.Context) (*pgxpool.Pool, error) { // want f:"factory\\(pgxpool\\.New at usesbadacc/usesbadacc\\.go:14\\)"
	return pgxpool.New(ctx, "x") // want `pgxpool\.New creates`
}

// This one fits.
func g(ctx context.Context) (*pgxpool.Pool, error) { // want g:"factory\\(pgxpool\\.NewWithConfig at usesbadacc/usesbadacc\\.go:19\\)"
	return pgxpool.NewWithConfig(ctx, nil) // want `pgxpool\.NewWithConfig creates`
}
