package connid

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

// TestStated proposes shared-args from a site: as written where that
// states the site's identity, rebuilt from the identity where the site
// uses a local or a config function, none where neither does.
func TestStated(t *testing.T) {
	for _, tc := range []struct {
		ctor, written string
		id            Identity
		want          string
	}{
		// As written.
		{"database/sql.Open", `"pgx", os.Getenv("DATABASE_URL")`,
			Identity{Driver: "pgx", Where: "$DATABASE_URL"}, `("pgx", os.Getenv("DATABASE_URL"))`},
		{"github.com/jackc/pgx/v5/pgxpool.New", `os.Getenv("DATABASE_URL")`,
			Identity{Driver: "pgx", Where: "$DATABASE_URL"}, `(os.Getenv("DATABASE_URL"))`},
		// A local: rebuilt from the identity.
		{"github.com/jackc/pgx/v5/pgxpool.New", `dsn`,
			Identity{Driver: "pgx", Where: "$DATABASE_URL"}, `(os.Getenv("DATABASE_URL"))`},
		{"github.com/jmoiron/sqlx.Connect", `"pgx/v5", config.DSN()`,
			Identity{Driver: "pgx", Where: `$DATABASE_URL + "?sslmode=disable"`}, `("pgx", os.Getenv("DATABASE_URL") + "?sslmode=disable")`},
		// Options: the package by its name in shared-args.
		{"github.com/redis/go-redis/v9.NewClient", `opts`,
			Identity{Driver: "go-redis", Where: `&github.com/redis/go-redis/v9.Options{Addr: $REDIS_ADDR}`}, `(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})`},
		// A "$" inside a string stays.
		{"database/sql.Open", `"pgx", dsn`,
			Identity{Driver: "pgx", Where: `"postgres://u:p$x@h/db"`}, `("pgx", "postgres://u:p$x@h/db")`},
		// A package shared-args cannot name: nothing to propose.
		{"github.com/jackc/pgx/v5/pgxpool.New", `dsn`,
			Identity{Driver: "pgx", Where: `example.com/app/config.Build($X)`}, ""},
		// Another identity than the written arguments give, rebuilt
		// wrongly: nothing.
		{"database/sql.Open", `"pgx", dsn`,
			Identity{Driver: "pgx", Where: "$X", Handle: "h"}, ""},
	} {
		fset := token.NewFileSet()
		x, err := parser.ParseExprFrom(fset, "", "f("+tc.written+")", 0)
		if err != nil {
			t.Fatal(err)
		}
		got := Stated(fset, tc.ctor, x.(*ast.CallExpr).Args, tc.id)
		if got != tc.want {
			t.Errorf("Stated(%s, %s, %+v) = %q, want %q", tc.ctor, tc.written, tc.id, got, tc.want)
		}
	}
}
