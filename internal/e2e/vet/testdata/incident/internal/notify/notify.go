// Package notify sends the players' notifications: queued in PostgreSQL,
// announced on Redis.
package notify

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"example.com/incident/internal/config"
)

// Notifier queues notifications.
type Notifier struct {
	pool *pgxpool.Pool
	rdb  *redis.Client
}

// NewNotifier connects the notifier.
func NewNotifier(ctx context.Context) (*Notifier, error) {
	pool, err := pgxpool.New(ctx, os.Getenv(config.EnvDatabaseURL)) // site: fix
	if err != nil {
		return nil, err
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv(config.EnvRedisAddr)}) // site: fix
	return &Notifier{pool: pool, rdb: rdb}, nil
}

// Send queues a notification and wakes the sender.
func (n *Notifier) Send(ctx context.Context, user int64, text string) error {
	if _, err := n.pool.Exec(ctx, "INSERT INTO notifications (user_id, text) VALUES ($1, $2)", user, text); err != nil {
		return err
	}
	return n.rdb.Publish(ctx, "notify", user).Err()
}

// Close releases the notifier.
func (n *Notifier) Close() {
	n.rdb.Close()
	n.pool.Close()
}
