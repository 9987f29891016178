package reports

import (
	"testing"
	"time"

	"example.com/incident/internal/dbtest"
)

// Monthly tunes and closes the pool reporting.Open returns: the shared
// pool must stay open and untuned.
func TestBehaviorMonthly(t *testing.T) {
	dbtest.Want(t, "Monthly", func() { _, _ = Monthly(dbtest.Ctx(t), time.Now()) }, "DATABASE_URL")
	dbtest.SharedOpen(t, "Monthly")
}
