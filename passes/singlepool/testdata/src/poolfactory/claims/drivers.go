package claims

import (
	"context"
	"fmt"

	"poolfactory/claims/my"
	"poolfactory/claims/pg"
)

// Database is what each driver's NewDB returns.
type Database interface{ Name() string }

// NewDatabase returns one of the drivers' NewDB results, or fails: every
// successful path builds a pool, a factory.
func NewDatabase(ctx context.Context, driver, dsn string) (Database, error) { // want NewDatabase:"factory\\(sql.Open at my/my.go:10\\)"
	switch driver {
	case "postgres":
		return pg.NewDB(ctx, dsn) // want `^pg\.NewDB creates a new connection pool on every call`
	case "mysql":
		return my.NewDB(dsn) // want `^my\.NewDB creates a new connection pool on every call`
	default:
		return nil, fmt.Errorf("unknown driver %q", driver)
	}
}
