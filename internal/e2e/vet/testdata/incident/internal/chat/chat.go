// Package chat relays the players' messages over Redis pub/sub.
package chat

import (
	"context"
	"io"
	"net/http"
	"os"

	"github.com/redis/go-redis/v9"

	"example.com/incident/internal/config"
	"example.com/incident/internal/httpx"
)

const channel = "chat"

// Publish answers POST /chat.
func Publish(w http.ResponseWriter, r *http.Request) {
	msg, err := io.ReadAll(io.LimitReader(r.Body, 4096))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv(config.EnvRedisAddr)}) // site: fix
	defer rdb.Close()
	if err := rdb.Publish(r.Context(), channel, msg).Err(); err != nil {
		httpx.Fail(w, err)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

// Hub fans messages out to the connected players.
type Hub struct {
	Deliver func(msg string)
}

// Subscribe delivers messages until ctx is done.
func (h *Hub) Subscribe(ctx context.Context) error {
	addr := config.RedisAddr()
	rdb := redis.NewClient(&redis.Options{Addr: addr}) // site: fix
	defer rdb.Close()
	sub := rdb.Subscribe(ctx, channel)
	defer sub.Close()
	if _, err := sub.Receive(ctx); err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case m, ok := <-sub.Channel():
			if !ok {
				return nil
			}
			h.Deliver(m.Payload)
		}
	}
}
