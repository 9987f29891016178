package caller

import (
	"context"
	"net/http"

	"poolfactory/helper"
	"poolfactory/iface"
	"poolfactory/once"
	"poolfactory/owner"
	"poolfactory/registry"
	"poolfactory/store"
	"poolfactory/wrap"
)

func f(ctx context.Context) {
	_, _ = store.New(ctx, "x")       // want `^store\.New creates a new connection pool on every call \(pgxpool\.New at store/store\.go:15\) outside`
	_, _ = wrap.OpenTwice(ctx)       // want `^wrap\.OpenTwice creates a new connection pool on every call \(pgxpool\.New at store/store\.go:15\)`
	_, _ = owner.NewPool(ctx)        // want `^owner\.NewPool creates a new connection pool on every call \(pgxpool\.New at owner/owner\.go:14\)`
	_ = (&store.Store{}).Reopen(ctx) // want `^\(\*store\.Store\)\.Reopen creates a new connection pool on every call`
	_ = store.Count(ctx)             // want `^store\.Count opens and closes a new connection pool on every call \(sql\.Open at store/store\.go:30\) outside`
	_, _ = once.Pool(ctx)            // a singleton accessor
	_, _ = once.SQL()                // a singleton accessor
	_ = once.Lazy()                  // lazily initialized once
	for range 3 {
		_, _ = store.New(ctx, "x") // want `^store\.New creates a new connection pool on every iteration \(pgxpool\.New at store/store\.go:15\)`
	}
}

func handle(w http.ResponseWriter, r *http.Request) {
	_, _ = helper.Count(r.Context(), "q") // want `^helper\.Count opens and closes a new connection pool on every request \(sql\.Open at helper/helper\.go:15\) outside`
	_ = helper.Leak(r.Context())          // want `^helper\.Leak creates a new connection pool on every request \(pgxpool\.New at helper/helper\.go:27\) outside`
	_, _ = helper.Connect(r.Context())    // want `^helper\.Connect creates a new connection pool on every request`
	_ = helper.Shared()                   // the shared pool
	helper.Background()                   // not on every call
}

func each(ctx context.Context, names []string) {
	for range names {
		_ = helper.Total(ctx) // want `^helper\.Total opens and closes a new connection pool on every iteration \(sql\.Open at helper/helper\.go:15\) outside`
	}
}

func viaRegistry() {
	_, _ = registry.Open("pgx", "x") // want `^registry\.Open creates a new connection pool on every call \(sql\.Open at registry/registry\.go:14\) outside`
	_, _ = registry.Mixed("fake", "x")
	_, _ = registry.Local("pg", "x")    // want `^registry\.Local creates a new connection pool on every call \(sql\.Open at registry/registry\.go:46\) outside`
	_, _ = registry.Lookup("pg", "x")   // want `^registry\.Lookup creates a new connection pool on every call \(\(registry\.pgOpener\)\.Open: sql\.Open at registry/registry\.go:58\) outside`
	_, _ = registry.WithFake("pg", "x") // a fake is registered too
	_, _ = registry.Registered("pg", "x")
}

func viaInterface() {
	_ = iface.NewClient(iface.ClientOpt{Addr: "x"}) // want `^iface\.NewClient creates a new connection pool on every call \(\(iface\.ClientOpt\)\.MakeClient: redis\.NewClient at iface/iface\.go:13\) outside`
	var opt iface.ConnOpt = &iface.FailoverOpt{}
	_ = opt.MakeClient() // want `^\(iface\.ConnOpt\)\.MakeClient creates a new connection pool on every call`
	_ = iface.Use(nil)
}
