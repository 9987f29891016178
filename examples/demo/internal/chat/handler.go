// Package chat serves /api/chat: the lobby's latest messages.
package chat

import (
	"net/http"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/demo/internal/httpx"
)

// Message is one chat line.
type Message struct {
	Author string    `json:"author"`
	Body   string    `json:"body"`
	SentAt time.Time `json:"sent_at"`
}

// Handler returns the lobby handler, which connects with DATABASE_URL.
func Handler() http.HandlerFunc {
	dsn := os.Getenv("DATABASE_URL")
	return func(w http.ResponseWriter, r *http.Request) {
		pool, err := pgxpool.New(r.Context(), dsn)
		if err != nil {
			httpx.Error(w, r, err)
			return
		}
		defer pool.Close()

		rows, err := pool.Query(r.Context(), `
			SELECT u.name AS author, c.body, c.sent_at
			FROM chat_messages c JOIN users u ON u.id = c.user_id, pg_sleep(0.05)
			ORDER BY c.sent_at DESC LIMIT 50`)
		if err != nil {
			httpx.Error(w, r, err)
			return
		}
		msgs, err := pgx.CollectRows(rows, pgx.RowToStructByName[Message])
		if err != nil {
			httpx.Error(w, r, err)
			return
		}
		httpx.JSON(w, msgs)
	}
}
