package sessions

import (
	"testing"
	"time"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorSessions(t *testing.T) {
	s := NewStore(time.Hour)
	dbtest.Want(t, "Store.Load", func() { _, _ = s.Load(dbtest.Ctx(t), "x") }, "REDIS_ADDR")
	s.Close()
	dbtest.SharedOpen(t, "Store.Close")
}
