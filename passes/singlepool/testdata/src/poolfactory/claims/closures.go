package claims

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// Router keeps its handlers to run later.
type Router struct {
	routes map[string]func(context.Context) error
}

func (r *Router) Add(path string, h func(context.Context) error) { r.routes[path] = h }

// Startup only registers handlers: what they build is theirs, not
// Startup's on every call.
func Startup(r *Router, sqlDB *sql.DB) {
	r.Add("/users", func(ctx context.Context) error {
		cfg := postgres.Config{Conn: sqlDB}
		db, err := gorm.Open(postgres.New(cfg), &gorm.Config{}) // wraps sqlDB: no new pool
		_ = db
		return err
	})
	r.Add("/count", func(ctx context.Context) error {
		p, err := pgxpool.New(ctx, "x") // want `^pgxpool\.New creates a new connection pool outside`
		if err != nil {
			return err
		}
		defer p.Close()
		return p.Ping(ctx)
	})
}

func retryDo(attempts int, f func() error) error {
	var err error
	for range attempts {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}

// Connect builds its pool in a retry callback that runs before it
// returns: a factory.
func Connect(ctx context.Context, dsn string) (*pgxpool.Pool, error) { // want Connect:"factory\\(pgxpool.New at claims/closures.go:54\\)"
	var p *pgxpool.Pool
	err := retryDo(3, func() error {
		var err error
		p, err = pgxpool.New(ctx, dsn) // want `^pgxpool\.New creates a new connection pool outside`
		return err
	})
	return p, err
}
