package sqlfam

import (
	"fmt"
	"testing"
)

// TestShared passes once the fix points both at one pool on pgx's driver,
// limited by the size -init wrote.
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
		t.Fatal("A and B open two pools")
	}
	if d := fmt.Sprintf("%T", a.Driver()); d != "*stdlib.Driver" {
		t.Errorf("the pool's driver is %s, want pgx's *stdlib.Driver", d)
	}
	if n := a.Stats().MaxOpenConnections; n != 0 {
		t.Errorf("the pool is limited to %d connections; -init without max-conns keeps database/sql's default (no limit)", n)
	}
}
