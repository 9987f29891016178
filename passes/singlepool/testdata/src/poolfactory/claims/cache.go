package claims // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"database/sql"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Per-key caches keep one pool per key for the process: not factories.

var dbs sync.Map

// DbGet keeps one pool per DSN in a sync.Map.
func DbGet(dsn string) *sql.DB {
	if v, ok := dbs.Load(dsn); ok {
		return v.(*sql.DB)
	}
	db, _ := sql.Open("pgx", dsn) // want `^sql\.Open creates a new connection pool outside`
	dbs.Store(dsn, db)
	return db
}

// DbFirst keeps the first pool stored for a DSN and closes the others.
func DbFirst(dsn string) *sql.DB {
	db, _ := sql.Open("pgx", dsn) // want `^sql\.Open creates a new connection pool outside`
	v, loaded := dbs.LoadOrStore(dsn, db)
	if loaded {
		_ = db.Close()
	}
	return v.(*sql.DB)
}

// Client builds its pool once per instance.
type Client struct {
	once sync.Once
	dsn  string
	pool *pgxpool.Pool
}

func (c *Client) Pool(ctx context.Context) *pgxpool.Pool {
	c.once.Do(func() {
		c.pool, _ = pgxpool.New(ctx, c.dsn) // want `^pgxpool\.New creates a new connection pool outside`
	})
	return c.pool
}

// Track stores every new pool without looking first: a factory.
func Track(dsn string) *sql.DB { // want Track:"factory\\(sql.Open at claims/cache.go:51\\)"
	db, _ := sql.Open("pgx", dsn) // want `^sql\.Open creates a new connection pool outside`
	dbs.Store(dsn, db)
	return db
}
