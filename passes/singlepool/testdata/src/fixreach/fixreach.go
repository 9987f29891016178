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
// fix of openDB takes that Close with it (its only caller is in sight).
func newBoard() *board { // want newBoard:"factory\\(sql\\.Open at fixreach/fixreach\\.go:50\\)"
	return &board{db: openDB()} // the factory's call, not a site
}

func openDB() *sql.DB { // want openDB:"factory\\(sql\\.Open at fixreach/fixreach\\.go:50\\)"
	d, _ := sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates a new connection pool outside example.com/pool/db; use the shared pool$`
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
// closes what it returns: fixed, and the caller's Close goes.
var connect = func() (*sql.DB, error) {
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates a new connection pool outside example.com/pool/db; use the shared pool$`
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

// reopen's caller closes the pool and then uses it: it relies on a pool of
// its own, so no fix.
func reopen() (*sql.DB, error) { // want reopen:"factory\\(sql\\.Open at fixreach/fixreach\\.go:101\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates .*\(no suggested fix: reopen returns the pool to a caller that relies on its own pool \(fixreach/fixreach.go:\d+\): d is used after it is closed \(return d\.Ping\(\)\): the code relies on closing it\)`
}

func retry() error {
	d, err := reopen()
	if err != nil {
		return err
	}
	d.Close()
	return d.Ping()
}

// dial hands its pool to Dial, which returns it to other packages: no fix.
func dial() (*sql.DB, error) { // want dial:"factory\\(sql\\.Open at fixreach/fixreach\\.go:115\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates .*\(no suggested fix: dial returns the pool to a caller that relies on its own pool \(fixreach/fixreach.go:\d+\): it returns it to its own callers\)`
}

// Dial is exported.
func Dial() (*sql.DB, error) { return dial() } // want Dial:"factory\\(sql\\.Open at fixreach/fixreach\\.go:115\\)"
