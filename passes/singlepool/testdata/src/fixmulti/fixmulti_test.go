package fixmulti

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

func TestPool(t *testing.T) {
	pool, err := pgxpool.New(context.Background(), "postgres://localhost/test") // want `pgxpool\.New creates`
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	_ = pool.Ping(context.Background())
}
