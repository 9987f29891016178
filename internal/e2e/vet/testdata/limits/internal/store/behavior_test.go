package store

import "testing"

// After unbounded-pool's fix (max-open-conns=25) the pool has a limit: no
// server needed, sql.Open does not connect.
func TestBehaviorPoolLimited(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://app@127.0.0.1:1/app")
	db, err := Open()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := db.Stats().MaxOpenConnections; got != 25 {
		t.Errorf("MaxOpenConnections = %d, want 25 (0 means no limit)", got)
	}
}
