// Package matches runs and records matches.
package matches

import (
	"context"
	"encoding/json"
	"net/http"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/incident/internal/config"
	"example.com/incident/internal/httpx"
)

// Create answers POST /matches.
func Create(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Red, Blue int64
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	dsn := os.Getenv("DATABASE_URL")
	pool, err := pgxpool.New(r.Context(), dsn) // site: fix
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	defer pool.Close()
	var id int64
	if err := pool.QueryRow(r.Context(), "INSERT INTO matches (red, blue) VALUES ($1, $2) RETURNING id", in.Red, in.Blue).Scan(&id); err != nil {
		httpx.Fail(w, err)
		return
	}
	httpx.JSON(w, map[string]int64{"id": id})
}

// RecordResult stores a match's winner.
func RecordResult(ctx context.Context, match, winner int64) error {
	pool, err := pgxpool.New(ctx, os.Getenv(config.EnvDatabaseURL)) // site: fix
	if err != nil {
		return err
	}
	defer pool.Close()
	_, err = pool.Exec(ctx, "UPDATE matches SET winner = $1 WHERE id = $2", winner, match)
	return err
}
