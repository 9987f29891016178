// Command app calls factories once, at startup: each pool is reported
// where it is built, not again here.
package main

import (
	"context"
	"net/http"

	"poolfactory/claims"
	"poolfactory/claims/shared"
)

func main() {
	if err := run(context.Background()); err != nil {
		panic(err)
	}
}

// run is the whole program.
func run(ctx context.Context) error {
	shards := shared.Shards(ctx, 4)
	_ = shards
	pools, err := claims.OpenAll(ctx, nil)
	if err != nil {
		return err
	}
	_ = pools
	for range 3 {
		_ = claims.Track("x") // want `^claims\.Track creates a new connection pool on every iteration`
	}
	http.HandleFunc("/", serve)
	go once(ctx)
	return nil
}

// serve runs per request: its factory calls are reported.
func serve(w http.ResponseWriter, r *http.Request) {
	_, _ = claims.Connect(r.Context(), "x") // want `^claims\.Connect creates a new connection pool on every request`
}

// once is started once, on its own goroutine.
func once(ctx context.Context) {
	_, _ = claims.Connect(ctx, "x")
}

func helperUsedTwice(ctx context.Context) {
	_, _ = claims.OpenStore(ctx, "x") // want `^claims\.OpenStore creates a new connection pool on every call`
}

func init() {
	helperUsedTwice(context.Background())
	helperUsedTwice(context.Background())
}
