// Package search finds robots and players by name.
package search

import (
	"context"
	"net/http"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
	"github.com/jmoiron/sqlx"

	"example.com/incident/internal/httpx"
)

// connect opens the search database connection.
var connect = func() (*sqlx.DB, error) {
	return sqlx.Connect("pgx", os.Getenv("DATABASE_URL")) // site: fix (its caller Find closes the pool: that Close goes with the fix)
}

// Result is one match.
type Result struct {
	Kind string `db:"kind" json:"kind"`
	Name string `db:"name" json:"name"`
}

// Find returns the names matching q.
func Find(ctx context.Context, q string) ([]Result, error) {
	db, err := connect()
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var out []Result
	err = db.SelectContext(ctx, &out, "SELECT 'robot' AS kind, name FROM robots WHERE name ILIKE $1 UNION ALL SELECT 'user', name FROM users WHERE name ILIKE $1", "%"+q+"%")
	return out, err
}

// Handler answers GET /search?q=.
func Handler(w http.ResponseWriter, r *http.Request) {
	out, err := Find(r.Context(), r.URL.Query().Get("q"))
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	httpx.JSON(w, out)
}
