// Package jobs has the background jobs.
package jobs

import (
	"context"
	"log"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
	"github.com/jmoiron/sqlx"

	"example.com/incident/internal/config"
)

// Cleanup deletes expired sessions and stale matches.
func Cleanup(ctx context.Context) error {
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // site: fix
	if err != nil {
		return err
	}
	defer pool.Close()
	if _, err := pool.Exec(ctx, "DELETE FROM matches WHERE finished_at IS NULL AND started_at < now() - interval '1 day'"); err != nil {
		return err
	}
	return nil
}

// Nightly recomputes the ratings.
func Nightly(ctx context.Context) error {
	db, err := sqlx.Connect("pgx", config.DatabaseURL()) // site: fix
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "REFRESH MATERIALIZED VIEW ratings")
	return err
}

// Heartbeat records every interval that the worker is alive, until ctx is
// done.
func Heartbeat(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		pool, err := pgxpool.New(ctx, config.DatabaseURL()) // site: fix
		if err != nil {
			log.Printf("heartbeat: %v", err)
			continue
		}
		if _, err := pool.Exec(ctx, "UPDATE workers SET seen_at = now() WHERE name = 'jobs'"); err != nil {
			log.Printf("heartbeat: %v", err)
		}
		pool.Close()
	}
}
