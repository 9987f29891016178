package redisfam

import (
	"os"
	"testing"
)

// TestShared passes once the fix points both at one client on REDIS_ADDR.
func TestShared(t *testing.T) {
	a, b := A(), B()
	if a != b {
		t.Fatal("A and B build two clients")
	}
	if got := a.Options().Addr; got != os.Getenv("REDIS_ADDR") {
		t.Errorf("the client connects to %q, want $REDIS_ADDR (%q)", got, os.Getenv("REDIS_ADDR"))
	}
}
