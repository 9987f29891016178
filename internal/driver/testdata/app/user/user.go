// Package user opens pools through wrap and directly.
package user

import (
	"database/sql"
	"net/http"

	"example.com/app/wrap"
)

// Handler opens a pool per request.
func Handler(w http.ResponseWriter, r *http.Request) {
	db, err := wrap.Open("dsn")
	if err != nil {
		return
	}
	defer db.Close()
}

// Direct opens a pool once.
func Direct() (*sql.DB, error) { return sql.Open("postgres", "") }
