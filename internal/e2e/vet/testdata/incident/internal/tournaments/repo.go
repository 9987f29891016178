// Package tournaments runs tournaments.
package tournaments

import (
	"context"
	"database/sql"
	"net/http"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"example.com/incident/internal/config"
	"example.com/incident/internal/httpx"
)

type repo struct {
	db *sql.DB
}

func newRepo() (*repo, error) {
	d, err := sql.Open("pgx", config.DatabaseURL()) // site: fix
	if err != nil {
		return nil, err
	}
	return &repo{db: d}, nil
}

func (r *repo) close() error { return r.db.Close() }

func (r *repo) names(ctx context.Context) ([]string, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT name FROM tournaments ORDER BY starts_at")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// List answers GET /tournaments.
func List(w http.ResponseWriter, r *http.Request) {
	rp, err := newRepo()
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	defer rp.close()
	names, err := rp.names(r.Context())
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	httpx.JSON(w, names)
}

// Bracket answers GET /tournaments/{id}/bracket.
func Bracket(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL")) // site: fix
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	defer db.Close()
	var bracket []byte
	if err := db.QueryRowContext(r.Context(), "SELECT bracket FROM tournaments WHERE id = $1", r.PathValue("id")).Scan(&bracket); err != nil {
		httpx.Fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(bracket)
}
