package users // want package:"pools\\(factories=true, sites=0\\)"

import (
	"context"
	"database/sql"

	"fixcallers/legacy"
)

// Count closes the pool when it returns: the Close goes with the fix of
// legacy.Open.
func Count(ctx context.Context) (int, error) { // want Count:"opens-closes\\(sql\\.Open at legacy/legacy\\.go:15\\)"
	db, err := legacy.Open() // want `legacy\.Open creates a new connection pool on every call \(sql\.Open at legacy/legacy\.go:15\)`
	if err != nil {
		return 0, err
	}
	defer db.Close() // want `db\.Close closes a pool that becomes the shared pool \(db\.SQL\): legacy\.Open returns it after the fix at legacy/legacy\.go:15; this Close goes with that fix$`
	var n int
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}

// Ping closes the pool on its error path, then returns its Close's error.
func Ping(ctx context.Context) error { // want Ping:"opens-closes\\(sql\\.Open at legacy/legacy\\.go:15\\)"
	db, err := legacy.Open() // want `legacy\.Open creates a new connection pool on every call`
	if err != nil {
		return err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close() // want `db\.Close closes a pool that becomes the shared pool \(db\.SQL\): legacy\.Open returns it after the fix at legacy/legacy\.go:15; this Close goes with that fix$`
		return err
	}
	return db.Close() // want `db\.Close closes a pool that becomes the shared pool \(db\.SQL\): legacy\.Open returns it after the fix at legacy/legacy\.go:15; this Close goes with that fix$`
}

// Report tunes its pool.
func Report(ctx context.Context) error { // want Report:"helper\\(sql\\.Open at legacy/legacy\\.go:20\\)"
	db, err := legacy.OpenTuned() // want `legacy\.OpenTuned creates a new connection pool on every call`
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	_, err = db.ExecContext(ctx, "SELECT 1")
	return err
}

// Drain closes its pool, then uses it.
func Drain(ctx context.Context) error { // want Drain:"opens-closes\\(sql\\.Open at legacy/legacy\\.go:25\\)"
	db, err := legacy.OpenReopened() // want `legacy\.OpenReopened creates a new connection pool on every call`
	if err != nil {
		return err
	}
	db.Close()
	return db.PingContext(ctx)
}

// Handed returns the pool on.
func Handed() (*sql.DB, error) { // want Handed:"factory\\(sql\\.Open at legacy/legacy\\.go:30\\)"
	return legacy.OpenHanded() // want `legacy\.OpenHanded creates a new connection pool on every call`
}

// opener keeps the factory as a value.
var opener = legacy.OpenValue // want `legacy\.OpenValue creates a new connection pool on every call`
