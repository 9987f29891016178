package users

import (
	"net/http/httptest"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorHandlersReachTheAppDatabase(t *testing.T) {
	dbtest.Want(t, "List", func() { List(httptest.NewRecorder(), httptest.NewRequest("GET", "/users", nil)) }, "DATABASE_URL")
	dbtest.Want(t, "Get", func() {
		r := httptest.NewRequest("GET", "/users/1", nil)
		r.SetPathValue("id", "1")
		Get(httptest.NewRecorder(), r)
	}, "DATABASE_URL")
	dbtest.SharedOpen(t, "two requests")
}

func TestBehaviorUserServiceClose(t *testing.T) {
	s, err := NewUserService(dbtest.Ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	dbtest.Want(t, "Rename", func() { _ = s.Rename(dbtest.Ctx(t), 1, "ann") }, "DATABASE_URL")
	s.Close()
	dbtest.SharedOpen(t, "UserService.Close")
}
