// Package tournaments serves /api/tournaments.
package tournaments

import (
	"context"
	"net/http"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
	"github.com/jmoiron/sqlx"

	"example.com/demo/internal/httpx"
)

type repo struct {
	conn *sqlx.DB
}

func newRepo() (*repo, error) {
	conn, err := sqlx.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	return &repo{conn: conn}, nil
}

func (r *repo) open(ctx context.Context) ([]httpx.Item, error) {
	items := []httpx.Item{}
	err := r.conn.SelectContext(ctx, &items,
		`SELECT id, name FROM tournaments, pg_sleep(0.05) WHERE starts_at > now() ORDER BY starts_at`)
	return items, err
}

// Open returns the tournaments still open for registration.
func Open(w http.ResponseWriter, r *http.Request) {
	rp, err := newRepo()
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	items, err := rp.open(r.Context())
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, items)
}
