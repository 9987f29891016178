package usesbadacc

import (
	"context"

	"example.com/badacc"
	"github.com/jackc/pgx/v5/pgxpool"
)

var _ = badacc.Good

// The accessor is visible here and does not fit: no fix is offered.
func f(ctx context.Context) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, "x") // want `pgxpool\.New creates`
}

// This one fits.
func g(ctx context.Context) (*pgxpool.Pool, error) {
	return pgxpool.NewWithConfig(ctx, nil) // want `pgxpool\.NewWithConfig creates`
}
