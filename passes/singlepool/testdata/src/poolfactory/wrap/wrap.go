package wrap

import (
	"context"

	"poolfactory/store"
)

// Open wraps a factory: a factory too, naming the underlying site.
func Open(ctx context.Context) (*store.Store, error) { // want Open:"factory\\(pgxpool.New at store/store.go:15\\)"
	return store.New(ctx, "x") // want `^store\.New creates a new connection pool on every call \(pgxpool\.New at store/store\.go:15\) outside poolfactory/owner, poolfactory/store, poolfactory/once, poolfactory/helper, poolfactory/registry, poolfactory/iface; use the shared pool$`
}

// OpenTwice wraps a wrapper.
func OpenTwice(ctx context.Context) (*store.Store, error) { // want OpenTwice:"factory\\(pgxpool.New at store/store.go:15\\)"
	s, err := Open(ctx)
	return s, err
}
