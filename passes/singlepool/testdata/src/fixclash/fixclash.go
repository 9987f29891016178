package fixclash // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	db "database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// The name db is taken by an import; the accessor's package gets another.
func f(ctx context.Context) (*db.DB, error) { // want f:"factory\\(sql\\.Open at fixclash/fixclash\\.go:13\\)"
	return db.Open("pgx", os.Getenv("DATABASE_URL")) // want `db\.Open creates`
}

// A local variable named db shadows nothing at the other site, but must
// not capture the accessor's package here.
func g(ctx context.Context) error {
	dbpkg := 1
	_ = dbpkg
	p, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // want `pgxpool\.New creates`
	if err != nil {
		return err
	}
	return p.Ping(ctx)
}
