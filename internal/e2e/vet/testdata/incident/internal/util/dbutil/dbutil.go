// Package dbutil has the query helpers every handler used to call.
package dbutil

import (
	"context"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
	"github.com/jmoiron/sqlx"

	"example.com/incident/internal/config"
)

// Select runs a query into dest.
func Select(ctx context.Context, dest any, query string, args ...any) error {
	db, err := sqlx.Connect("pgx", os.Getenv("DATABASE_URL")) // site: fix
	if err != nil {
		return err
	}
	defer db.Close()
	return db.SelectContext(ctx, dest, query, args...)
}

// Exec runs a statement.
func Exec(ctx context.Context, query string, args ...any) error {
	db, err := sqlx.Open("pgx", config.DatabaseURL()) // site: fix
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, query, args...)
	return err
}
