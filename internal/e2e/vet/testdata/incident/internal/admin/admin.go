// Package admin is the back office.
package admin

import (
	"database/sql"
	"net/http"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"example.com/incident/internal/config"
	"example.com/incident/internal/httpx"
)

// Stats answers GET /admin/stats.
func Stats(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL")) // site: fix
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	defer db.Close()
	var users, robots int
	if err := db.QueryRowContext(r.Context(), "SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM robots)").Scan(&users, &robots); err != nil {
		httpx.Fail(w, err)
		return
	}
	httpx.JSON(w, map[string]int{"users": users, "robots": robots})
}

// Ban answers POST /admin/ban.
func Ban(w http.ResponseWriter, r *http.Request) {
	dsn := config.DatabaseURL()
	pool, err := pgxpool.New(r.Context(), dsn) // site: fix
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	defer pool.Close()
	if _, err := pool.Exec(r.Context(), "UPDATE users SET banned = true WHERE id = $1", r.URL.Query().Get("user")); err != nil {
		httpx.Fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
