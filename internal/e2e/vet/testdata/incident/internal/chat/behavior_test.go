package chat

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorChat(t *testing.T) {
	dbtest.Want(t, "Publish", func() { Publish(httptest.NewRecorder(), httptest.NewRequest("POST", "/chat", strings.NewReader("hi"))) }, "REDIS_ADDR")
	dbtest.Want(t, "Hub.Subscribe", func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_ = (&Hub{Deliver: func(string) {}}).Subscribe(ctx)
	}, "REDIS_ADDR")
	dbtest.SharedOpen(t, "Publish and Subscribe")
}
