// Package cache keeps computed pages in Redis database 2, apart from the
// sessions and the leaderboard in database 0.
package cache

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"

	"example.com/incident/internal/config"
)

// Pages is the page cache.
type Pages struct {
	rdb *redis.Client
}

// NewPages connects the page cache.
func NewPages() *Pages {
	return &Pages{rdb: redis.NewClient(&redis.Options{Addr: config.RedisAddr(), DB: 2})} // site: keep (another database: Redis DB 2)
}

// Get reads a cached page.
func (p *Pages) Get(ctx context.Context, key string) (string, error) {
	return p.rdb.Get(ctx, "page:"+key).Result()
}

// Put caches a page.
func (p *Pages) Put(ctx context.Context, key, page string) error {
	return p.rdb.Set(ctx, "page:"+key, page, time.Minute).Err()
}

// Close releases the page cache.
func (p *Pages) Close() error { return p.rdb.Close() }
