// Package matches serves /api/matches.
package matches

import (
	"database/sql"
	"net/http"
	"os"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"example.com/demo/internal/httpx"
)

// Match is one fight between two robots.
type Match struct {
	ID       int64     `json:"id"`
	RedID    int64     `json:"red_id"`
	BlueID   int64     `json:"blue_id"`
	PlayedAt time.Time `json:"played_at"`
}

// Recent returns the latest matches.
func Recent(w http.ResponseWriter, r *http.Request) {
	conn, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	defer conn.Close()

	rows, err := conn.QueryContext(r.Context(),
		`SELECT id, red_id, blue_id, played_at FROM matches, pg_sleep(0.05) ORDER BY played_at DESC LIMIT 20`)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	defer rows.Close()
	matches := []Match{}
	for rows.Next() {
		var m Match
		if err := rows.Scan(&m.ID, &m.RedID, &m.BlueID, &m.PlayedAt); err != nil {
			httpx.Error(w, r, err)
			return
		}
		matches = append(matches, m)
	}
	if err := rows.Err(); err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, matches)
}
