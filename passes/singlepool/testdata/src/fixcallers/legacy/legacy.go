package legacy // want package:"pools\\(factories=true, sites=0, shares\\)"

// Package legacy holds exported factories: the pool each returns can
// become the shared pool only if no caller in another package relies on
// its own (users is the importer).

import (
	"database/sql"
	"os"
)

// Open's callers use the pool and close it: fixed, and their Close goes
// with close-shared's fix in their package.
func Open() (*sql.DB, error) { // want Open:"factory\\(sql\\.Open at legacy/legacy\\.go:15\\)" Open:"shared\\(db\\.SQL; legacy\\.Open returns it after the fix at legacy/legacy\\.go:15\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates a new connection pool outside example.com/pool/db; use the shared pool$`
}

// OpenTuned's caller tunes the pool it gets: no fix.
func OpenTuned() (*sql.DB, error) { // want OpenTuned:"factory\\(sql\\.Open at legacy/legacy\\.go:20\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `\(no suggested fix: OpenTuned returns the pool to a caller in another package that relies on its own pool \(users/users\.go:38\): it tunes its pool after getting it \(db\.SetMaxOpenConns\(1\)\)\)$`
}

// OpenReopened's caller uses the pool after closing it: no fix.
func OpenReopened() (*sql.DB, error) { // want OpenReopened:"factory\\(sql\\.Open at legacy/legacy\\.go:25\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `\(no suggested fix: OpenReopened returns the pool to a caller in another package that relies on its own pool \(users/users\.go:49\): it uses db after closing it \(line 53\): the code relies on closing it\)$`
}

// OpenHanded's caller returns the pool on to its own callers: no fix.
func OpenHanded() (*sql.DB, error) { // want OpenHanded:"factory\\(sql\\.Open at legacy/legacy\\.go:30\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `\(no suggested fix: OpenHanded returns the pool to a caller in another package that relies on its own pool \(users/users\.go:59\): it returns it to its own callers\)$`
}

// OpenValue is used as a function value: no fix.
func OpenValue() (*sql.DB, error) { // want OpenValue:"factory\\(sql\\.Open at legacy/legacy\\.go:35\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `\(no suggested fix: OpenValue returns the pool to a caller in another package that relies on its own pool \(users/users\.go:63\): it uses the function as a value, which singlepool does not follow\)$`
}

// OpenMain's caller is main, which closes the pool at exit: fixed, and
// that Close stays (main closes the shared pool at shutdown).
func OpenMain() (*sql.DB, error) { // want OpenMain:"factory\\(sql\\.Open at legacy/legacy\\.go:41\\)" OpenMain:"shared\\(db\\.SQL; legacy\\.OpenMain returns it after the fix at legacy/legacy\\.go:41\\)"
	return sql.Open("pgx", os.Getenv("DATABASE_URL")) // want `sql\.Open creates a new connection pool outside example.com/pool/db; use the shared pool$`
}
