// Package sqlfam opens a database/sql pool per call.
package sqlfam

import (
	"database/sql"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func A() (*sql.DB, error) { return sql.Open("pgx", os.Getenv("DATABASE_URL")) }

func B() (*sql.DB, error) { return sql.Open("pgx", os.Getenv("DATABASE_URL")) }
