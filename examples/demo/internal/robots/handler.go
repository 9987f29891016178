// Package robots serves /api/robots.
package robots

import (
	"net/http"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/demo/internal/httpx"
)

// Robot is a player's fighting robot.
type Robot struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	OwnerID int64  `json:"owner_id"`
}

// List returns the robots, optionally of one owner (?owner=ID).
func List(w http.ResponseWriter, r *http.Request) {
	pool, err := pgxpool.New(r.Context(), os.Getenv("DATABASE_URL"))
	if err != nil {
		httpx.Error(w, r, err)
		return
	}

	owner := r.URL.Query().Get("owner")
	rows, err := pool.Query(r.Context(),
		`SELECT id, name, owner_id FROM robots, pg_sleep(0.05)
		 WHERE $1 = '' OR owner_id::text = $1 ORDER BY id`, owner)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	defer rows.Close()
	robots := []Robot{}
	for rows.Next() {
		var b Robot
		if err := rows.Scan(&b.ID, &b.Name, &b.OwnerID); err != nil {
			httpx.Error(w, r, err)
			return
		}
		robots = append(robots, b)
	}
	if err := rows.Err(); err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, robots)
}
