// Package singlepool defines an Analyzer that reports every call creating
// a database pool or pooled client outside the package that owns the
// shared one.
//
// # Analyzer singlepool
//
// singlepool: report pool and client constructors outside the package that owns the shared pool
//
// A program should open each database pool once, in one package, and share
// it. A backend whose routes, services and utilities each call pgxpool.New
// or sql.Open keeps one pool of about ten connections per call site, and
// PostgreSQL refuses it ("FATAL: sorry, too many clients already") long
// before the load justifies it.
//
// singlepool reports every use of a pool constructor (pgxpool.New,
// sql.Open, sqlx.Connect, gorm.Open, redis.NewClient, mongo.Connect, ...)
// outside the allowlisted packages. Matching is by type: renamed and dot
// imports and function values (var open = sql.Open) are reported; a local
// function or method that only shares a name is not.
//
//	pool, err := pgxpool.New(ctx, dsn) // pgxpool.New creates a new connection pool outside example.com/app/internal/db; use the shared pool
//
// Settings (flags; the same keys in .golangci.yml and .singlepool.yml):
//
//	-allow=example.com/app/internal/db,example.com/app/cmd/...
//		packages that own the shared pool; "path/..." is a tree
//	-constructors=example.com/x.NewPool,(*example.com/x.Config).Open
//		extra constructors
//	-singleton=github.com/jackc/pgx/v5/pgxpool.New=example.com/app/internal/db.Pool
//		the accessor a suggested fix calls instead of the constructor
//	-allow-tests      allow constructors in _test.go files
//	-single-conns     also report single connections (pgx.Connect, ...)
//	-check-generated  also check generated files
//
// With nothing allowlisted every use is reported. External test packages
// (x_test) are allowlisted with the package they test.
package singlepool
