package leagues

import (
	"net/http/httptest"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorLeagues(t *testing.T) {
	dbtest.Want(t, "List (dbutil.Select)", func() { List(httptest.NewRecorder(), httptest.NewRequest("GET", "/leagues", nil)) }, "DATABASE_URL")
	dbtest.Want(t, "Join (dbutil.Exec)", func() {
		r := httptest.NewRequest("POST", "/leagues/1/join?user=2", nil)
		r.SetPathValue("id", "1")
		Join(httptest.NewRecorder(), r)
	}, "DATABASE_URL")
	dbtest.Want(t, "Standings.Compute", func() { _, _ = Standings{League: 1}.Compute(dbtest.Ctx(t)) }, "DATABASE_URL")
	dbtest.SharedOpen(t, "the leagues' queries")
}
