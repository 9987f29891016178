package shop

import (
	"net/http/httptest"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorShop(t *testing.T) {
	for range 2 {
		dbtest.Want(t, "Checkout (its failed Ping closes the pool)", func() {
			w := httptest.NewRecorder()
			Checkout(w, httptest.NewRequest("POST", "/shop/checkout?user=1&item=2", nil))
			if w.Code != 503 {
				t.Errorf("Checkout answered %d, want 503 (the fake server does not answer)", w.Code)
			}
		}, "DATABASE_URL")
		dbtest.Want(t, "Orders (legacy.Open, closed by the caller)", func() {
			Orders(httptest.NewRecorder(), httptest.NewRequest("GET", "/shop/orders", nil))
		}, "DATABASE_URL")
	}
	dbtest.SharedOpen(t, "Checkout and Orders")
}
