// An external test package is allowlisted with the package it tests.
package db_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

func TestPool(t *testing.T) {
	pool, err := pgxpool.New(context.Background(), "postgres://localhost/test")
	if err != nil {
		t.Skip(err)
	}
	pool.Close()
}
