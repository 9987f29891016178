// Package admin serves /api/admin: server statistics for the operators.
package admin

import (
	"database/sql"
	"net/http"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"example.com/demo/internal/httpx"
)

// Stats counts what the game holds.
type Stats struct {
	Users   int64 `json:"users"`
	Robots  int64 `json:"robots"`
	Matches int64 `json:"matches"`
}

// GetStats returns the counts.
func GetStats(w http.ResponseWriter, r *http.Request) {
	conn, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	var s Stats
	err = conn.QueryRowContext(r.Context(), `
		SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM robots), (SELECT count(*) FROM matches)
		FROM pg_sleep(0.05)`).Scan(&s.Users, &s.Robots, &s.Matches)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, s)
}
