package cache // want package:"pools\\(factories=true, sites=0\\)"

// Package cache uses Redis.

import (
	"os"

	"github.com/redis/go-redis/v9"
)

func New() *redis.Client { // want New:"factory\\(redis\\.NewClient at cache/cache\\.go:12\\)"
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `redis.NewClient creates a new connection pool`
}
