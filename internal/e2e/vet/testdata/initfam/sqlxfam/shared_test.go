package sqlxfam

import "testing"

// TestShared passes once the fix points all three at one pool (before it,
// B and C ping a server there is none of).
func TestShared(t *testing.T) {
	a, err := A()
	if err != nil {
		t.Fatal(err)
	}
	b, err := B()
	if err != nil {
		t.Fatal(err)
	}
	c := C()
	if a != b || b != c {
		t.Fatal("A, B and C open more than one pool")
	}
	if a.DriverName() != "pgx" {
		t.Errorf("driver %q, want pgx", a.DriverName())
	}
}
