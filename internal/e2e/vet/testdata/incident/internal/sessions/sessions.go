// Package sessions keeps the login sessions in Redis.
package sessions

import (
	"context"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
)

// Store is the session store.
type Store struct {
	rdb *redis.Client
	ttl time.Duration
}

// NewStore connects the store.
func NewStore(ttl time.Duration) *Store {
	rdb := redis.NewClient(&redis.Options{ // site: fix
		Addr: os.Getenv("REDIS_ADDR"),
	})
	return &Store{rdb: rdb, ttl: ttl}
}

// Save stores a session.
func (s *Store) Save(ctx context.Context, id, user string) error {
	return s.rdb.Set(ctx, "session:"+id, user, s.ttl).Err()
}

// Load reads a session.
func (s *Store) Load(ctx context.Context, id string) (string, error) {
	return s.rdb.Get(ctx, "session:"+id).Result()
}

// Close releases the store.
func (s *Store) Close() error { return s.rdb.Close() }
