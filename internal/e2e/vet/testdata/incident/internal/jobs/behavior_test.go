package jobs

import (
	"context"
	"strings"
	"testing"
	"time"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorJobs(t *testing.T) {
	dbtest.Want(t, "Cleanup", func() { _ = Cleanup(dbtest.Ctx(t)) }, "DATABASE_URL")
	dbtest.Want(t, "Nightly", func() { _ = Nightly(dbtest.Ctx(t)) }, "DATABASE_URL")
	dbtest.Want(t, "Heartbeat", func() {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		Heartbeat(ctx, 100*time.Millisecond)
	}, "DATABASE_URL")
	dbtest.SharedOpen(t, "the jobs")
}

// Drain keeps its own pool: the late query must see it closed.
func TestBehaviorDrainSeesItsPoolClosed(t *testing.T) {
	var err error
	dbtest.Want(t, "Drain", func() { err = Drain(dbtest.Ctx(t)) })
	if err == nil || !strings.Contains(err.Error(), "closed pool") {
		t.Errorf("Drain = %v, want the closed pool's error", err)
	}
	dbtest.SharedOpen(t, "Drain")
}
