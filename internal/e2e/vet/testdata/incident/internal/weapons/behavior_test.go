package weapons

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorNewServiceFailedPing(t *testing.T) {
	dbtest.Want(t, "NewService", func() {
		if _, err := NewService(dbtest.Ctx(t)); err == nil {
			t.Error("NewService: the fake server does not answer, want an error")
		}
	}, "DATABASE_URL")
	dbtest.SharedOpen(t, "NewService's failed Ping")
}

func TestBehaviorRoutes(t *testing.T) {
	mux := http.NewServeMux()
	Routes(mux)
	dbtest.Want(t, "GET /weapons", func() { mux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/weapons", nil)) }, "DATABASE_URL")
	dbtest.SharedOpen(t, "GET /weapons")
}
