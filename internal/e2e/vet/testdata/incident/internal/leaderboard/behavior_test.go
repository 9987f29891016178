package leaderboard

import (
	"net/http/httptest"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorLeaderboard(t *testing.T) {
	dbtest.Want(t, "Top", func() { Top(httptest.NewRecorder(), httptest.NewRequest("GET", "/leaderboard", nil)) }, "REDIS_ADDR")
	b := NewBoard()
	dbtest.Want(t, "Board.Add", func() { _ = b.Add(dbtest.Ctx(t), "r2d2", 3) }, "REDIS_ADDR")
	dbtest.Want(t, "Board.Refresh", func() { _ = b.Refresh(dbtest.Ctx(t)) }, "DATABASE_URL")
	b.Close()
	dbtest.SharedOpen(t, "Top and Board.Close")
}

// Import keeps its own client of two connections.
func TestBehaviorImportKeepsItsClient(t *testing.T) {
	dbtest.Want(t, "Import", func() { _ = Import(dbtest.Ctx(t), map[string]float64{"r2d2": 1}) }, "REDIS_ADDR")
	dbtest.SharedOpen(t, "Import")
}
