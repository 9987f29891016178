// Package sqlxfam opens sqlx pools.
package sqlxfam

import (
	"os"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"
)

func A() (*sqlx.DB, error) { return sqlx.Open("pgx", os.Getenv("DATABASE_URL")) }

func B() (*sqlx.DB, error) { return sqlx.Connect("pgx", os.Getenv("DATABASE_URL")) }

func C() *sqlx.DB { return sqlx.MustConnect("pgx", os.Getenv("DATABASE_URL")) }
