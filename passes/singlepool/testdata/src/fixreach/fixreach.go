package fixreach // want package:"pools\\(factories=true, sites=0\\)"

// Package fixreach holds the shapes a fix reaches since the fix-reach
// work, and their unsafe neighbours, which keep their pool.

import (
	"context"
	"database/sql"
	"os"
)

type service struct{ db *sql.DB }

// newService closes its pool only on the path that returns the error: the
// pool it returns is not closed. Fixed, and that Close goes.
func newService(ctx context.Context) (*service, error) { // want newService:"factory\\(sql\\.Open at fixreach/fixreach\\.go:17\\)"
	d, err := sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates a new connection pool outside example.com/pool/db; use the shared pool$`
	if err != nil {
		return nil, err
	}
	if err := d.PingContext(ctx); err != nil {
		d.Close()
		return nil, err
	}
	return &service{db: d}, nil
}

// drain closes its pool and then uses it, on one path: no fix.
func drain(ctx context.Context) error {
	d, err := sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates .*\(no suggested fix: d is used after it is closed \(_, err = d\.ExecContext\(ctx, "SELECT 1"\)\): the code relies on closing it\)`
	if err != nil {
		return err
	}
	if ctx.Err() == nil {
		d.Close()
	}
	_, err = d.ExecContext(ctx, "SELECT 1")
	return err
}

type board struct{ db *sql.DB }

// newBoard keeps openDB's pool in a field that board.Close closes: the
// fix of openDB would leave that Close on the shared pool, so none.
func newBoard() *board { // want newBoard:"factory\\(sql\\.Open at fixreach/fixreach\\.go:50\\)"
	return &board{db: openDB()} // the factory's call, not a site
}

func openDB() *sql.DB { // want openDB:"factory\\(sql\\.Open at fixreach/fixreach\\.go:50\\)"
	d, _ := sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates .*\(no suggested fix: openDB returns the pool to a caller that closes or tunes it \(fixreach/fixreach.go:\d+\)\)`
	return d
}

type cache struct{ db *sql.DB }

func newCache() *cache { // want newCache:"factory\\(sql\\.Open at fixreach/fixreach\\.go:57\\)"
	return &cache{db: must(sql.Open("pgx", os.Getenv("DATABASE_URL")))} // want `sql\.Open creates a new connection pool outside example.com/pool/db; use the shared pool$`
}

func must(d *sql.DB, err error) *sql.DB { return d }

func (b *board) Close() error { return b.db.Close() }

// legacy is another driver on the same DSN: lib/pq's errors and scanned
// types are not pgx's, so it keeps its pool.
func legacy() (*sql.DB, error) { // want legacy:"factory\\(sql\\.Open at fixreach/fixreach\\.go:67\\)"
	return sql.Open("postgres", os.Getenv("DATABASE_URL")) // want `sql\.Open creates .*\(no suggested fix: it uses the "postgres" \(github.com/lib/pq\) driver; the shared pool the "pgx" \(github.com/jackc/pgx/v5/stdlib\) driver, whose errors and scanned types differ\)`
}

// connect keeps a constructor call in a function literal; its caller
// closes what it returns, so no fix.
var connect = func() (*sql.DB, error) {
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates .*\(no suggested fix: connect returns the pool to a caller that closes or tunes it \(fixreach/fixreach.go:\d+\)\)`
}

func find() error {
	d, err := connect()
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Ping()
}

// openOnce is a literal no caller closes: fixed.
var openOnce = func() (*sql.DB, error) {
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates a new connection pool outside example.com/pool/db; use the shared pool$`
}

func use() error {
	d, err := openOnce()
	if err != nil {
		return err
	}
	return d.Ping()
}
