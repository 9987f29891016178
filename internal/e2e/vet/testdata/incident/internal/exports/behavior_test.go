package exports

import (
	"io"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorExports(t *testing.T) {
	dbtest.Want(t, "Matches", func() { _ = Matches(dbtest.Ctx(t), io.Discard) }, "DATABASE_URL")
	dbtest.SharedOpen(t, "Matches")
}
