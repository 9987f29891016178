package tenants

import (
	"os"
	"testing"

	"example.com/incident/internal/dbtest"
)

// A tenant's queries go to the tenant's database (here the replica's fake
// server stands in for one).
func TestBehaviorTenantStaysOnItsDatabase(t *testing.T) {
	dsn := os.Getenv("REPLICA_URL")
	dbtest.Want(t, "Plan", func() { _, _ = Plan(dbtest.Ctx(t), dsn) }, "REPLICA_URL")
	dbtest.SharedOpen(t, "Plan")
}
