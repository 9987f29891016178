package robots

import (
	"log"
	"net/http/httptest"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorRobots(t *testing.T) {
	h := &Handler{Log: log.New(t.Output(), "", 0)}
	dbtest.Want(t, "Handler.List", func() { h.List(httptest.NewRecorder(), httptest.NewRequest("GET", "/robots?owner=1", nil)) }, "DATABASE_URL")
	dbtest.Want(t, "NewRepo", func() {
		if r, err := NewRepo(); err == nil {
			_, _ = r.ByOwner(1)
			r.Close()
		}
	}, "DATABASE_URL")
	dbtest.SharedOpen(t, "a request and Repo.Close")
}
