// Package routers uses chi and gorilla/mux, whose handlers are net/http's.
package routers

import (
	"database/sql"
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	_ "github.com/jackc/pgx/v5/stdlib"
)

// Routes registers the same handler twice.
func Routes() (http.Handler, http.Handler) {
	r := chi.NewRouter()
	r.Get("/users", func(w http.ResponseWriter, req *http.Request) {
		db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
		if err == nil {
			db.Close()
		}
	})
	m := mux.NewRouter()
	m.HandleFunc("/users", func(w http.ResponseWriter, req *http.Request) {
		db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
		if err == nil {
			db.Close()
		}
	})
	return r, m
}
