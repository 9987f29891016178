package inventory

import (
	"net/http/httptest"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorInventory(t *testing.T) {
	dbtest.Want(t, "Items", func() { Items(httptest.NewRecorder(), httptest.NewRequest("GET", "/inventory?user=1", nil)) }, "DATABASE_URL")
	dbtest.Want(t, "Restock", func() { Restock(httptest.NewRecorder(), httptest.NewRequest("POST", "/inventory/restock", nil)) }, "DATABASE_URL")
	r, err := NewRepository()
	if err != nil {
		t.Fatal(err)
	}
	dbtest.Want(t, "Repository.Count", func() { _, _ = r.Count(dbtest.Ctx(t), 1) }, "DATABASE_URL")
	r.Close()
	dbtest.SharedOpen(t, "the gorm pages and Repository.Close")
}
