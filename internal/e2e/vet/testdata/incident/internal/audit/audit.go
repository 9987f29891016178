// Package audit writes the audit trail with a small pool of its own, so
// that a burst of audit writes cannot starve the requests.
package audit

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Log is the audit log.
type Log struct {
	pool *pgxpool.Pool
}

// NewLog connects the audit log.
func NewLog(ctx context.Context) (*Log, error) {
	cfg, err := pgxpool.ParseConfig(os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	cfg.MaxConns = 2
	pool, err := pgxpool.NewWithConfig(ctx, cfg) // site: keep (own settings: MaxConns = 2)
	if err != nil {
		return nil, err
	}
	return &Log{pool: pool}, nil
}

// Write records an action.
func (l *Log) Write(ctx context.Context, actor int64, action string) error {
	_, err := l.pool.Exec(ctx, "INSERT INTO audit (actor, action) VALUES ($1, $2)", actor, action)
	return err
}

// MaxConns is the audit pool's size.
func (l *Log) MaxConns() int32 { return l.pool.Config().MaxConns }

// Close releases the audit log.
func (l *Log) Close() { l.pool.Close() }
