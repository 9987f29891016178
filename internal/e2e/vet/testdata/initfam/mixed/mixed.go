// Package mixed reaches one database through pgx, database/sql, sqlx and
// gorm: after -init and -fix, through one pool.
package mixed

import (
	"context"
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
}

func SQL() (*sql.DB, error) { return sql.Open("pgx", os.Getenv("DATABASE_URL")) }

func SQLX() (*sqlx.DB, error) { return sqlx.Open("pgx", os.Getenv("DATABASE_URL")) }

func Gorm() (*gorm.DB, error) {
	return gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{})
}
