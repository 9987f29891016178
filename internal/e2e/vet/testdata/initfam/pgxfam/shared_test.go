package pgxfam

import (
	"context"
	"os"
	"testing"
)

// TestShared passes once the fix points both at the shared pool: one pool,
// on DATABASE_URL's database, still open.
func TestShared(t *testing.T) {
	ctx := context.Background()
	a, err := Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Orders(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Fatal("Users and Orders build two pools")
	}
	if got, want := a.Config().ConnConfig.Database, os.Getenv("WANT_DATABASE"); got != want {
		t.Errorf("the pool connects to database %q, want %q", got, want)
	}
}
