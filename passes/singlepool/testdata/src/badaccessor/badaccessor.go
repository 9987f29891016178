package badaccessor // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"

	"example.com/badacc"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
)

var _ = badacc.Good

// The accessor is visible here and does not fit: no fix is offered.
func f(ctx context.Context) (*pgxpool.Pool, error) { // want f:"factory\\(pgxpool\\.New at badaccessor/badaccessor\\.go:15\\)"
	return pgxpool.New(ctx, "x") // want `pgxpool\.New creates .*\(no suggested fix: accessor badacc.Pool does not fit pgxpool.New: want func\(context.Context\) \(\*pgxpool.Pool, error\)\)$`
}

// This one fits.
func g(ctx context.Context) (*pgxpool.Pool, error) { // want g:"factory\\(pgxpool\\.NewWithConfig at badaccessor/badaccessor\\.go:20\\)"
	return pgxpool.NewWithConfig(ctx, nil) // want `pgxpool\.NewWithConfig creates`
}

// The accessor is a function variable: the fix calls it.
func h() (*sqlx.DB, error) { // want h:"factory\\(sqlx\\.Connect at badaccessor/badaccessor\\.go:25\\)"
	return sqlx.Connect("pgx", "x") // want `sqlx\.Connect creates`
}
