package analytics

import (
	"testing"

	"example.com/incident/internal/dbtest"
)

// The analytics queries stay on the warehouse, not the shared pool's
// database.
func TestBehaviorAnalyticsStaysOnTheWarehouse(t *testing.T) {
	dbtest.Want(t, "DailyActive", func() { _, _ = DailyActive(dbtest.Ctx(t)) }, "ANALYTICS_URL")
	dbtest.Want(t, "Recent", func() { _, _ = Recent(dbtest.Ctx(t), 10) }, "ANALYTICS_URL")
	dbtest.SharedOpen(t, "the analytics queries")
}
