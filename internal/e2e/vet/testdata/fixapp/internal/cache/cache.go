// Package cache builds a Redis client; no accessor is configured for it.
package cache

import (
	"os"

	"github.com/redis/go-redis/v9"
)

// New returns a Redis client.
func New() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
}
