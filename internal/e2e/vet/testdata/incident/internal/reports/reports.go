// Package reports builds the monthly reports.
package reports

import (
	"context"
	"time"

	"example.com/incident/internal/reporting"
)

// Monthly is the month's revenue, computed on a pool of two connections
// that are recycled often (the report runs for minutes).
func Monthly(ctx context.Context, month time.Time) (int64, error) {
	db, err := reporting.Open()
	if err != nil {
		return 0, err
	}
	defer db.Close()
	db.SetMaxOpenConns(2)
	db.SetConnMaxLifetime(30 * time.Second)
	var cents int64
	err = db.QueryRowContext(ctx, "SELECT coalesce(sum(cents), 0) FROM payments WHERE date_trunc('month', at) = $1", month).Scan(&cents)
	return cents, err
}
