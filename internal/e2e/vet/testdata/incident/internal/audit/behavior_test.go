package audit

import (
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorAuditKeepsItsSmallPool(t *testing.T) {
	l, err := NewLog(dbtest.Ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	if n := l.MaxConns(); n != 2 {
		t.Errorf("the audit pool has MaxConns %d, want 2", n)
	}
	dbtest.Want(t, "Log.Write", func() { _ = l.Write(dbtest.Ctx(t), 1, "ban") }, "DATABASE_URL")
	l.Close()
	dbtest.SharedOpen(t, "Log.Close")
}
