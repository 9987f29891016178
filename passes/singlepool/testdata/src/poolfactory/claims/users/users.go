package users

import (
	"context"

	"poolfactory/claims"
	"poolfactory/claims/shared"
)

func use(ctx context.Context, r *claims.Router) {
	_ = claims.DbGet("x")
	_ = claims.DbFirst("x")
	_ = (&claims.Client{}).Pool(ctx)
	_ = claims.Track("x") // want `^claims\.Track creates a new connection pool on every call \(sql\.Open at claims/cache\.go:51\) outside`
	_ = claims.NewBroker([]string{"a"})
	_ = claims.NewLazy(ctx, "x", false)
	_, _ = claims.OpenStore(ctx, "x")            // want `^claims\.OpenStore creates a new connection pool on every call \(pgxpool\.New at claims/paths\.go:52\) outside`
	_ = (&claims.Store{}).Reconnect(ctx)         //
	_ = (&claims.Store{}).Redial(ctx)            // want `^\(\*claims\.Store\)\.Redial creates a new connection pool on every call`
	claims.Startup(r, nil)                       //
	_, _ = claims.Connect(ctx, "x")              // want `^claims\.Connect creates a new connection pool on every call \(pgxpool\.New at claims/closures\.go:54\) outside`
	_, _ = claims.OpenAll(ctx, nil)              // want `^claims\.OpenAll creates a new connection pool on every call`
	_ = claims.Shards(ctx, nil)                  // want `^claims\.Shards creates a new connection pool on every call`
	claims.PingAll(ctx, nil)                     // want `^claims\.PingAll opens and closes a new connection pool on every call`
	_, _ = claims.NewDatabase(ctx, "mysql", "x") // want `^claims\.NewDatabase creates a new connection pool on every call`
	_ = shared.Shards(ctx, 2)                    // want `^shared\.Shards creates a new connection pool on every call`
}
