// Package redisfam builds a Redis client per call.
package redisfam

import (
	"os"

	"github.com/redis/go-redis/v9"
)

func A() *redis.Client { return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) }

func B() *redis.Client { return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) }
