package pkglevel // want package:"pools\\(factories=false, sites=3\\)"

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Pools built in package-level initializers, sized there or in init.
var (
	DB, _   = sql.Open("pgx", "x")
	Pool, _ = pgxpool.New(context.Background(), "postgres://x?pool_max_conns=3")
)

func init() { DB.SetMaxOpenConns(4) }

var cfg, _ = pgxpool.ParseConfig("postgres://y")

// Tuned is sized through a package-level config.
var Tuned, _ = pgxpool.NewWithConfig(context.Background(), cfg)
