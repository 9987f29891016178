// Package leagues serves the leagues and their standings.
package leagues

import (
	"net/http"

	"example.com/incident/internal/httpx"
	"example.com/incident/internal/util/dbutil"
)

// League is one league.
type League struct {
	ID   int64  `db:"id" json:"id"`
	Name string `db:"name" json:"name"`
}

// List answers GET /leagues.
func List(w http.ResponseWriter, r *http.Request) {
	var out []League
	if err := dbutil.Select(r.Context(), &out, "SELECT id, name FROM leagues ORDER BY name"); err != nil {
		httpx.Fail(w, err)
		return
	}
	httpx.JSON(w, out)
}

// Join answers POST /leagues/{id}/join.
func Join(w http.ResponseWriter, r *http.Request) {
	if err := dbutil.Exec(r.Context(), "INSERT INTO members (league_id, user_id) VALUES ($1, $2)", r.PathValue("id"), r.URL.Query().Get("user")); err != nil {
		httpx.Fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
