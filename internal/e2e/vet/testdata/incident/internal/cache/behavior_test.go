package cache

import (
	"testing"

	"example.com/incident/internal/dbtest"
)

// The page cache stays on Redis database 2.
func TestBehaviorPagesOnDB2(t *testing.T) {
	p := NewPages()
	if db := p.rdb.Options().DB; db != 2 {
		t.Errorf("the page cache uses Redis database %d, want 2", db)
	}
	dbtest.Want(t, "Pages.Get", func() { _, _ = p.Get(dbtest.Ctx(t), "home") }, "REDIS_ADDR")
	p.Close()
	dbtest.SharedOpen(t, "Pages.Close")
}
