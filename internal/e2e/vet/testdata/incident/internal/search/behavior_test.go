package search

import (
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorSearch(t *testing.T) {
	for range 2 {
		dbtest.Want(t, "Find", func() { _, _ = Find(dbtest.Ctx(t), "r2") }, "DATABASE_URL")
	}
	dbtest.SharedOpen(t, "Find")
}
