// Package newconn opens single connections: reported (new-conn) only with
// single-conns, because a short-lived connection (a migration, LISTEN) is
// often intended; without it, only pools are reported.
package newconn

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func listen(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, os.Getenv("DATABASE_URL")) // want `^pgx\.Connect opens a new database connection outside example.com/pool/db; use the shared pool$`
	if err != nil {
		return err
	}
	return conn.Close(ctx)
}

func pool(ctx context.Context) error {
	p, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // want `^pgxpool\.New creates a new connection pool outside example.com/pool/db; use the shared pool$`
	if err != nil {
		return err
	}
	p.Close()
	return nil
}
