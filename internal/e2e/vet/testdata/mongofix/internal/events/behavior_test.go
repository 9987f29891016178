package events

import (
	"context"
	"errors"
	"testing"
	"time"

	"example.com/mongofix/internal/db"
	"go.mongodb.org/mongo-driver/mongo"
)

// After Count and Names the shared client is still connected. No server is
// needed: a disconnected client's Ping fails at once with
// ErrClientDisconnected, a connected one looks for a server until the
// timeout.
func TestBehaviorSharedClientStaysConnected(t *testing.T) {
	t.Setenv("MONGO_URL", "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200&connectTimeoutMS=200")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, _ = Count(ctx, "signup") // no server: the query fails
	_, _ = Names(ctx)
	c, err := db.Mongo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Ping(ctx, nil); errors.Is(err, mongo.ErrClientDisconnected) {
		t.Errorf("after Count and Names, the shared client is disconnected: %v", err)
	}
}
