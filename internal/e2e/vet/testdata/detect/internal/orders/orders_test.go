package orders

import (
	"database/sql"
	"testing"
)

func TestOpen(t *testing.T) {
	db, err := sql.Open("pgx", "postgres://localhost/test")
	if err != nil {
		t.Skip(err)
	}
	db.Close()
}
