// Package shop serves /api/shop: the items for sale.
package shop

import (
	"net/http"

	"example.com/demo/internal/httpx"
	"example.com/demo/internal/util/dbutil"
)

// Offer is an item for sale.
type Offer struct {
	ID    int64  `json:"id" db:"id"`
	Item  string `json:"item" db:"item"`
	Price int64  `json:"price" db:"price"`
}

// List returns the offers, cheapest first.
func List(w http.ResponseWriter, r *http.Request) {
	offers := []Offer{}
	err := dbutil.Select(r.Context(), &offers,
		`SELECT id, item, price FROM shop_offers, pg_sleep(0.05) ORDER BY price, id`)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, offers)
}
