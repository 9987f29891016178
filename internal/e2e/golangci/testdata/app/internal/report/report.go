// Package report opens its own database/sql pool: singlepool reports it.
package report

import (
	"context"
	"database/sql"
)

// Total sums the orders.
func Total(ctx context.Context, dsn string) (total int64, err error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	err = db.QueryRowContext(ctx, "SELECT coalesce(sum(amount), 0) FROM orders").Scan(&total)
	return total, err
}
