package main // want `^this program can open at least 63 PostgreSQL connections × 3 replicas = 189 \(max-conns=100\): sized/sized\.go:20 5 \(MaxConns\), sized/sized\.go:22 20 \(pool_max_conns\), sized/sized\.go:23 7 \(pool_max_conns\), sized/sized\.go:24 max\(4, CPUs\) \(default\), sized/sized\.go:26 15 \(SetMaxOpenConns\), sized/sized\.go:50 12 \(SetMaxOpenConns\); set cpus to the deployment's CPU count for the defaults that depend on it$` `^this program can open at least 18 Redis connections × 3 replicas = 54 \(max-conns=50\): sized/sized\.go:29 8 \(PoolSize\), sized/sized\.go:31 10×CPUs \(default PoolSize\);` `^this program can open up to 30 MySQL connections × 3 replicas = 90 \(max-conns=20\): sized/sized\.go:40 30 \(SetMaxOpenConns\)$`

import (
	"context"

	"maxconns/sized"
)

func main() {
	sized.Open(context.Background())
	sized.OpenLegacy()
	sized.TuneLegacy()
}
