package replica

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

// After -fix, the replica's reads still go to the replica. The test sets
// both URLs to unreachable addresses: the error names the host it tried.
func TestBehaviorReplicaStaysTheReplica(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://app@127.0.0.1:1/app?connect_timeout=1")
	t.Setenv("REPLICA_DATABASE_URL", "postgres://app@127.0.0.4:1/app?connect_timeout=1")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := Count(ctx)
	if err == nil {
		t.Fatal("Count reached a database at an unreachable address")
	}
	if !strings.Contains(err.Error(), "127.0.0.4") {
		t.Errorf("Count's error does not name the replica's host 127.0.0.4 (REPLICA_DATABASE_URL=%s): %v", os.Getenv("REPLICA_DATABASE_URL"), err)
	}
}
