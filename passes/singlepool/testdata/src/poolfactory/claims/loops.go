package claims

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Startup loops over the configured databases build one pool per entry
// and keep it: not a pool per iteration.

type DBConfig struct {
	Name, DSN string
	pool      *pgxpool.Pool
}

// OpenAll keeps one pool per configured database in a map.
func OpenAll(ctx context.Context, cfgs []DBConfig) (map[string]*pgxpool.Pool, error) { // want OpenAll:"factory\\(pgxpool.New at claims/loops.go:21\\)"
	pools := make(map[string]*pgxpool.Pool, len(cfgs))
	for _, c := range cfgs {
		p, err := pgxpool.New(ctx, c.DSN) // want `^pgxpool\.New creates a new connection pool outside`
		if err != nil {
			return nil, err
		}
		pools[c.Name] = p
	}
	return pools, nil
}

// Shards keeps one pool per shard in a slice.
func Shards(ctx context.Context, dsns []string) []*pgxpool.Pool { // want Shards:"factory\\(pgxpool.New at claims/loops.go:34\\)"
	var out []*pgxpool.Pool
	for i := 0; i < len(dsns); i++ {
		p, _ := pgxpool.New(ctx, dsns[i]) // want `^pgxpool\.New creates a new connection pool outside`
		out = append(out, p)
	}
	return out
}

// Attach keeps each entry's pool in the entry (a new one on every call).
func Attach(ctx context.Context, cfgs []DBConfig) { // want Attach:"factory\\(pgxpool.New at claims/loops.go:43\\)"
	for i := range cfgs {
		cfgs[i].pool, _ = pgxpool.New(ctx, cfgs[i].DSN) // want `^pgxpool\.New creates a new connection pool outside`
	}
}

// PingAll opens, uses and closes a pool per entry: one per iteration.
func PingAll(ctx context.Context, cfgs []DBConfig) { // want PingAll:"opens-closes\\(pgxpool.New at claims/loops.go:50\\)"
	for _, c := range cfgs {
		p, err := pgxpool.New(ctx, c.DSN) // want `^pgxpool\.New creates a new connection pool on every iteration`
		if err != nil {
			continue
		}
		_ = p.Ping(ctx)
		p.Close()
	}
}

// Consume builds a pool per message: one per iteration.
func Consume(ctx context.Context, msgs <-chan string, kept map[string]*pgxpool.Pool) { // want Consume:"factory\\(pgxpool.New at claims/loops.go:62\\)"
	for m := range msgs {
		p, _ := pgxpool.New(ctx, m) // want `^pgxpool\.New creates a new connection pool on every iteration`
		kept[m] = p
	}
}
