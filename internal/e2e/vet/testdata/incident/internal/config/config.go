// Package config reads the application's settings from the environment.
package config

import "os"

// The environment variables the application reads.
const (
	EnvDatabaseURL  = "DATABASE_URL"  // the application's database
	EnvAnalyticsURL = "ANALYTICS_URL" // the analytics warehouse
	EnvReplicaURL   = "REPLICA_URL"   // a read replica of the application's database
	EnvRedisAddr    = "REDIS_ADDR"    // the cache and pub/sub server
	EnvListenAddr   = "LISTEN_ADDR"   // the HTTP server's address
)

// DatabaseURL is the application's database.
func DatabaseURL() string { return os.Getenv(EnvDatabaseURL) }

// AnalyticsURL is the analytics warehouse.
func AnalyticsURL() string { return os.Getenv(EnvAnalyticsURL) }

// ReplicaURL is the read replica.
func ReplicaURL() string { return os.Getenv(EnvReplicaURL) }

// RedisAddr is the Redis server's host:port.
func RedisAddr() string { return os.Getenv(EnvRedisAddr) }

// ListenAddr is where the HTTP server listens.
func ListenAddr() string {
	if a := os.Getenv(EnvListenAddr); a != "" {
		return a
	}
	return ":8080"
}
