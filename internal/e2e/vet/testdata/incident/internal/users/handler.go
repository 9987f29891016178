// Package users serves /users.
package users

import (
	"net/http"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/incident/internal/config"
	"example.com/incident/internal/httpx"
)

// List answers GET /users.
func List(w http.ResponseWriter, r *http.Request) {
	pool, err := pgxpool.New(r.Context(), os.Getenv("DATABASE_URL")) // site: fix
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	defer pool.Close()
	rows, err := pool.Query(r.Context(), "SELECT id, name FROM users ORDER BY id")
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	defer rows.Close()
	type user struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	}
	var out []user
	for rows.Next() {
		var u user
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			httpx.Fail(w, err)
			return
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		httpx.Fail(w, err)
		return
	}
	httpx.JSON(w, out)
}

// Get answers GET /users/{id}.
func Get(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	pool, err := pgxpool.New(ctx, config.DatabaseURL()) // site: fix
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	defer pool.Close()
	var name string
	if err := pool.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", r.PathValue("id")).Scan(&name); err != nil {
		httpx.Fail(w, err)
		return
	}
	httpx.JSON(w, map[string]string{"name": name})
}
