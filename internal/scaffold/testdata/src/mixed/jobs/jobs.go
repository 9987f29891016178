package jobs // want package:"pools\\(factories=true, sites=0\\)"

// Package jobs uses a constructor -init writes no accessor for.

import (
	"os"

	"github.com/redis/go-redis/v9"
)

func Cluster() *redis.ClusterClient { // want Cluster:"factory\\(redis\\.NewClusterClient at jobs/jobs\\.go:12\\)"
	return redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{os.Getenv("REDIS_ADDR")}}) // want `redis.NewClusterClient creates a new connection pool`
}
