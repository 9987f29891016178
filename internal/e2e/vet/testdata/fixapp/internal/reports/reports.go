// Package reports has a local variable named db at its sites: the fix must
// import the accessor's package under another name.
package reports

import (
	"context"
	"database/sql"
	"os"

	"github.com/jmoiron/sqlx"
)

// Monthly queries through database/sql.
func Monthly(ctx context.Context) (int, error) {
	var db *sql.DB
	var err error
	db, err = sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		return 0, err
	}
	var n int
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM reports").Scan(&n)
	return n, err
}

// Yearly queries through sqlx.
func Yearly(ctx context.Context) (int, error) {
	db, err := sqlx.Connect("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	err = db.GetContext(ctx, &n, "SELECT count(*) FROM reports")
	return n, err
}
