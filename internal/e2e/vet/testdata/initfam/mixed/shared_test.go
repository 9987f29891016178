package mixed

import (
	"context"
	"testing"
)

// TestOnePool passes once every handle is built over the one pgx pool:
// database/sql's pool keeps no idle connections of its own
// (stdlib.OpenDBFromPool), sqlx and gorm wrap that *sql.DB.
func TestOnePool(t *testing.T) {
	p, err := Pool(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if q, _ := Pool(context.Background()); q != p {
		t.Fatal("Pool builds a pool per call")
	}
	d, err := SQL()
	if err != nil {
		t.Fatal(err)
	}
	x, err := SQLX()
	if err != nil {
		t.Fatal(err)
	}
	if x.DB != d {
		t.Error("sqlx wraps another *sql.DB than SQL's")
	}
	g, err := Gorm()
	if err != nil {
		t.Fatal(err)
	}
	if gd, err := g.DB(); err != nil || gd != d {
		t.Errorf("gorm's pool is not SQL's (%v)", err)
	}
	// 25 = max-conns=postgres=50 over replicas=2.
	if n := p.Config().MaxConns; n != 25 {
		t.Errorf("the pgx pool's MaxConns is %d, want 25", n)
	}
}
