package matches

import (
	"net/http/httptest"
	"strings"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorMatches(t *testing.T) {
	dbtest.Want(t, "Create", func() {
		Create(httptest.NewRecorder(), httptest.NewRequest("POST", "/matches", strings.NewReader(`{"Red":1,"Blue":2}`)))
	}, "DATABASE_URL")
	dbtest.Want(t, "RecordResult", func() { _ = RecordResult(dbtest.Ctx(t), 1, 2) }, "DATABASE_URL")
	dbtest.SharedOpen(t, "Create and RecordResult")
}
