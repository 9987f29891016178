package main // want `^this program can open up to 9 PostgreSQL connections × 2 replicas = 18 \(max-conns=10\): more/more\.go:16 9 \(SetMaxOpenConns\)$` `^this program can open up to 10 Redis connections × 2 replicas = 20 \(max-conns=10\): more/more\.go:20 5×CPUs=10 \(default PoolSize, per node\), more/more\.go:31 \? \(options passed to apply, which may set PoolSize\); 1 pool\(s\) of a size singlepool cannot tell are not counted$` `^this program can open up to 140 MongoDB connections × 2 replicas = 280 \(max-conns=10\): more/more\.go:23 40 \(SetMaxPoolSize\), more/more\.go:24 100 \(default maxPoolSize\), more/more\.go:42 \? \(SetMaxPoolSize\(n\), not a constant\); 1 pool\(s\) of a size singlepool cannot tell are not counted$`

import (
	"context"

	"maxconns/more"
)

func main() { more.Open(context.Background()) }
