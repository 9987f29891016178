package gormfam

import "testing"

// TestShared passes once the fix points both at one handle, whose pool is
// limited as -init wrote (max-conns=postgres=40: 40 connections).
func TestShared(t *testing.T) {
	a, err := A()
	if err != nil {
		t.Fatal(err)
	}
	b, err := B()
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Fatal("A and B open two handles")
	}
	db, err := a.DB()
	if err != nil {
		t.Fatal(err)
	}
	if n := db.Stats().MaxOpenConnections; n != 40 {
		t.Errorf("the pool is limited to %d connections, want 40 (max-conns=postgres=40)", n)
	}
}
