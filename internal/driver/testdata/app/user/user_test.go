package user_test

import (
	"database/sql"
	"testing"

	"example.com/app/plain"
)

func TestDirect(t *testing.T) {
	db, _ := sql.Open("postgres", plain.Name())
	_ = db
}
