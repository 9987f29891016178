package robots

import (
	"log"
	"net/http"
	"strconv"

	"github.com/jmoiron/sqlx"

	"example.com/incident/internal/config"
	"example.com/incident/internal/httpx"
)

// Handler serves /robots.
type Handler struct {
	Log *log.Logger
}

// List answers GET /robots?owner=N.
func (h *Handler) List(w http.ResponseWriter, r *http.Request) {
	owner, _ := strconv.ParseInt(r.URL.Query().Get("owner"), 10, 64)
	db, err := sqlx.Connect("pgx", config.DatabaseURL()) // site: fix
	if err != nil {
		h.Log.Printf("robots: %v", err)
		httpx.Fail(w, err)
		return
	}
	defer db.Close()
	var out []Robot
	if err := db.SelectContext(r.Context(), &out, "SELECT id, owner_id, name FROM robots WHERE owner_id = $1", owner); err != nil {
		httpx.Fail(w, err)
		return
	}
	httpx.JSON(w, out)
}
