package caller

import (
	"context"

	"facts/once"
	"facts/owner"
	"facts/store"
	"facts/wrap"
)

func f(ctx context.Context) {
	_, _ = store.New(ctx, "x")       // want `^store\.New creates a new connection pool on every call \(pgxpool\.New at store/store\.go:15\) outside`
	_, _ = wrap.OpenTwice(ctx)       // want `^wrap\.OpenTwice creates a new connection pool on every call \(pgxpool\.New at store/store\.go:15\)`
	_, _ = owner.NewPool(ctx)        // want `^owner\.NewPool creates a new connection pool on every call \(pgxpool\.New at owner/owner\.go:14\)`
	_ = (&store.Store{}).Reopen(ctx) // want `^\(\*store\.Store\)\.Reopen creates a new connection pool on every call`
	_ = store.Count(ctx)             // not a factory
	_, _ = once.Pool(ctx)            // a singleton accessor
	_, _ = once.SQL()                // a singleton accessor
	_ = once.Lazy()                  // lazily initialized once
	for range 3 {
		_, _ = store.New(ctx, "x") // want `^store\.New creates a new connection pool on every iteration \(pgxpool\.New at store/store\.go:15\)`
	}
}
