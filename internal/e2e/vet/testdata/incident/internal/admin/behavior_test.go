package admin

import (
	"net/http/httptest"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorAdmin(t *testing.T) {
	dbtest.Want(t, "Stats", func() { Stats(httptest.NewRecorder(), httptest.NewRequest("GET", "/admin/stats", nil)) }, "DATABASE_URL")
	dbtest.Want(t, "Ban", func() { Ban(httptest.NewRecorder(), httptest.NewRequest("POST", "/admin/ban?user=1", nil)) }, "DATABASE_URL")
	for range 2 {
		dbtest.Want(t, "ExportUsers (legacy.Open, closed by the caller)", func() {
			ExportUsers(httptest.NewRecorder(), httptest.NewRequest("GET", "/admin/users.csv", nil))
		}, "DATABASE_URL")
	}
	dbtest.SharedOpen(t, "the admin pages")
}
