package audit

import (
	"testing"

	"example.com/app/internal/db"
)

// After -fix, the audit pool keeps its limit, and the shared pool is not
// given it.
func TestBehaviorSettingsHold(t *testing.T) {
	if err := Init(); err != nil {
		t.Fatal(err)
	}
	if got := MaxOpen(); got != 2 {
		t.Errorf("audit pool: MaxOpenConnections = %d, want 2", got)
	}
	shared, err := db.SQL()
	if err != nil {
		t.Fatal(err)
	}
	if got := shared.Stats().MaxOpenConnections; got != 0 {
		t.Errorf("shared pool: MaxOpenConnections = %d, want 0 (database/sql's default): the audit limit moved to it", got)
	}
}
