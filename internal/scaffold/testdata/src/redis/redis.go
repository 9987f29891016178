package redis // want package:"pools\\(factories=true, sites=0\\)"

// Package redis builds go-redis clients: -init writes Redis on REDIS_ADDR;
// another DB number and an own PoolSize are left.

import (
	"os"

	"github.com/redis/go-redis/v9"
)

func A() *redis.Client { // want A:"factory\\(redis\\.NewClient at redis/redis\\.go:13\\)"
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `redis.NewClient creates a new connection pool`
}

func B() *redis.Client { // want B:"factory\\(redis\\.NewClient at redis/redis\\.go:17\\)"
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `redis.NewClient creates a new connection pool`
}

func Sessions() *redis.Client { // want Sessions:"factory\\(redis\\.NewClient at redis/redis\\.go:21\\)"
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), DB: 2}) // want `redis.NewClient creates a new connection pool`
}

func Bulk() *redis.Client { // want Bulk:"factory\\(redis\\.NewClient at redis/redis\\.go:25\\)"
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), PoolSize: 50}) // want `redis.NewClient creates a new connection pool`
}
