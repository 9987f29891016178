package tournaments

import (
	"net/http/httptest"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorTournaments(t *testing.T) {
	dbtest.Want(t, "List", func() { List(httptest.NewRecorder(), httptest.NewRequest("GET", "/tournaments", nil)) }, "DATABASE_URL")
	dbtest.Want(t, "Bracket", func() {
		r := httptest.NewRequest("GET", "/tournaments/1/bracket", nil)
		r.SetPathValue("id", "1")
		Bracket(httptest.NewRecorder(), r)
	}, "DATABASE_URL")
	dbtest.SharedOpen(t, "List and Bracket")
}
