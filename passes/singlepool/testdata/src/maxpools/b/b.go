package b // want package:"pools\\(factories=false, sites=2\\)"

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

func g(ctx context.Context) {
	db, _ := sql.Open("pgx", "x")
	p, _ := pgxpool.New(ctx, "x")
	_, _ = db, p
}
