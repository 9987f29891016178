package ratelimit

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorMiddleware(t *testing.T) {
	h := Middleware(10, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	for range 2 {
		dbtest.Want(t, "Middleware", func() { h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil)) }, "REDIS_ADDR")
	}
	dbtest.SharedOpen(t, "two requests")
}
