// Package orders opens three pools in one function from one DSN, and
// imports pgxpool under another name.
package orders

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	pg "github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
)

// Totals reads the same table through pgx, database/sql and sqlx.
func Totals(ctx context.Context) (string, error) {
	dsn := os.Getenv("DATABASE_URL")
	pool, err := pg.New(ctx, dsn)
	if err != nil {
		return "", err
	}
	defer pool.Close()
	sdb, err := sql.Open("pgx", dsn)
	if err != nil {
		return "", err
	}
	defer sdb.Close()
	xdb, err := sqlx.Connect("pgx", dsn)
	if err != nil {
		return "", err
	}
	defer xdb.Close()

	var a, b, c int
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM orders").Scan(&a); err != nil {
		return "", err
	}
	if err := sdb.QueryRowContext(ctx, "SELECT count(*) FROM orders").Scan(&b); err != nil {
		return "", err
	}
	if err := xdb.GetContext(ctx, &c, "SELECT count(*) FROM orders"); err != nil {
		return "", err
	}
	return fmt.Sprint(a, b, c), nil
}

// Recent uses a pool declared with var.
func Recent(ctx context.Context) ([]int64, error) {
	var pool, err = pg.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	var ids []int64
	rows, err := pool.Query(ctx, "SELECT id FROM orders ORDER BY id DESC LIMIT 10")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
