package db

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// connectWithRetry opens a pool on dsn and waits until it answers, up to
// attempts times.
func connectWithRetry(ctx context.Context, dsn string, attempts int) (*pgxpool.Pool, error) {
	var err error
	for i := range attempts {
		var p *pgxpool.Pool
		p, err = pgxpool.New(ctx, dsn)
		if err != nil {
			return nil, err
		}
		if err = p.Ping(ctx); err == nil {
			return p, nil
		}
		p.Close()
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Duration(i+1) * 200 * time.Millisecond):
		}
	}
	return nil, err
}
