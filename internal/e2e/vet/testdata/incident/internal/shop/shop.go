// Package shop sells items.
package shop

import (
	"database/sql"
	"net/http"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"example.com/incident/internal/config"
	"example.com/incident/internal/httpx"
	"example.com/incident/internal/legacy"
)

// Checkout answers POST /shop/checkout.
func Checkout(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d, err := sql.Open("pgx", config.DatabaseURL()) // site: fix
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	if err := d.PingContext(ctx); err != nil {
		d.Close()
		http.Error(w, "the shop is closed", http.StatusServiceUnavailable)
		return
	}
	defer d.Close()
	if _, err := d.ExecContext(ctx, "INSERT INTO orders (user_id, item_id) VALUES ($1, $2)", r.URL.Query().Get("user"), r.URL.Query().Get("item")); err != nil {
		httpx.Fail(w, err)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// Orders answers GET /shop/orders, through the legacy package.
func Orders(w http.ResponseWriter, r *http.Request) {
	d, err := legacy.Open()
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	defer d.Close()
	var n int
	if err := d.QueryRowContext(r.Context(), "SELECT count(*) FROM orders").Scan(&n); err != nil {
		httpx.Fail(w, err)
		return
	}
	httpx.JSON(w, map[string]int{"orders": n})
}
