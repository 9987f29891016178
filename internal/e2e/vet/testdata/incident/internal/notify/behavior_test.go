package notify

import (
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorNotifier(t *testing.T) {
	n, err := NewNotifier(dbtest.Ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	dbtest.Want(t, "Notifier.Send", func() { _ = n.Send(dbtest.Ctx(t), 1, "hi") }, "DATABASE_URL")
	dbtest.Want(t, "Notifier's Redis", func() { _ = n.rdb.Ping(dbtest.Ctx(t)).Err() }, "REDIS_ADDR")
	n.Close()
	dbtest.SharedOpen(t, "Notifier.Close")
}
