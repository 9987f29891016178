package main // want `^this program can open up to 88 Redis connections \(max-conns=70\): sized/sized\.go:29 8 \(PoolSize\), sized/sized\.go:31 10×CPUs=80 \(default PoolSize\)$`

// With cpus=8 and one limit for every system: PostgreSQL's 5+20+7+8+15+12 =
// 67 (with the Store's 12) and MySQL's 30 fit in 70; Redis's 8+80 does not.

import (
	"context"

	"maxconns/sized"
)

func main() {
	sized.Open(context.Background())
	sized.OpenLegacy()
	sized.TuneLegacy()
}
