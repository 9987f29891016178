// Package analytics reads the analytics warehouse (ANALYTICS_URL), not
// the application's database.
package analytics

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
	"github.com/jmoiron/sqlx"

	"example.com/incident/internal/config"
)

// DailyActive is how many players played on the last day.
func DailyActive(ctx context.Context) (int64, error) {
	pool, err := pgxpool.New(ctx, os.Getenv("ANALYTICS_URL")) // site: keep (another database: ANALYTICS_URL, which db.Analytics serves)
	if err != nil {
		return 0, err
	}
	defer pool.Close()
	var n int64
	err = pool.QueryRow(ctx, "SELECT count(DISTINCT user_id) FROM events WHERE at > now() - interval '1 day'").Scan(&n)
	return n, err
}

// Event is one tracked event.
type Event struct {
	User int64  `db:"user_id"`
	Kind string `db:"kind"`
}

// Recent lists the last events.
func Recent(ctx context.Context, limit int) ([]Event, error) {
	db, err := sqlx.Connect("pgx", config.AnalyticsURL()) // site: keep (another database: ANALYTICS_URL)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var out []Event
	err = db.SelectContext(ctx, &out, "SELECT user_id, kind FROM events ORDER BY at DESC LIMIT $1", limit)
	return out, err
}
