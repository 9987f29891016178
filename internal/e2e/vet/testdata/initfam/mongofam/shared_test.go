package mongofam

import (
	"context"
	"testing"
)

// TestShared passes once the fix points both at one client.
func TestShared(t *testing.T) {
	a, err := A(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, err := B(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Fatal("A and B connect two clients")
	}
}
