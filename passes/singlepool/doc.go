// Package singlepool defines an Analyzer that reports every call creating
// a database pool or pooled client outside the package that owns the
// shared one.
//
// # Analyzer singlepool
//
// singlepool: report database pools and clients created outside the package that owns the shared pool
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
// Rules (each diagnostic's category, documented at
// https://github.com/singlepool/singlepool/blob/main/docs/rules.md#RULE):
//
//   - new-pool: a pool or pooled client created outside the allowlist
//   - new-conn: a single connection (with -single-conns)
//   - pool-factory: a call of a function that builds a new pool on every call
//   - pool-per-request: a pool built per request or RPC, even in the allowlist
//   - pool-per-iteration: a pool built in every iteration of a loop
//   - max-pools: a program linking more than -max-pools sites of one pool type
//   - max-conns: a program that can open more connections than -max-conns
//   - unbounded-pool: a *sql.DB pool with no connection limit (with -max-conns)
//   - close-shared: the shared pool closed outside its owner
//   - nolint: //nolint:singlepool without a reason, or silencing nothing
//   - bad-accessor: a -singleton accessor that does not fit or cannot be read
//   - bad-config: a settings file that is wrong
//
// Beyond direct calls:
//
//   - A function that builds and returns a new pool on every call (or stores
//     it in its receiver or a global) is a factory, and so is a wrapper of
//     one, across packages. Calls of factories are reported like
//     constructors: "store.New creates a new connection pool on every call
//     (pgxpool.New at store/store.go:12)". Construction inside sync.Once.Do,
//     sync.OnceValue(s), a package-level initializer, init, or into a
//     cache behind a check that it is empty ("if x == nil", an early
//     "if x != nil { return x }", a per-key map lookup) makes a singleton
//     accessor, not a factory, and is not a pool per request.
//   - A function that builds a pool on every call and keeps it (opens,
//     uses and closes it) is a helper; its calls are reported like a
//     factory's: "dbutil.Select opens and closes a new connection pool on
//     every request (sqlx.Connect at dbutil/dbutil.go:16)".
//   - A constructor or factory called inside a loop body or a handler
//     (net/http, gin, echo, fiber, gRPC methods, Lambda handlers, the
//     -handlers setting) is reported even in the allowlist: "... creates a
//     new connection pool on every request (gin handler)".
//   - With -singleton, a Close of the shared pool (an accessor's result,
//     the fields and functions that pass it on) outside the allowlist and
//     main's own function is reported: "p.Close closes the shared pool
//     (db.Pool): every later use of it fails; ...", with a fix that
//     removes it. So is the Close of a pool an exported factory returns
//     when its fix makes that pool the shared one: "db.Close closes a pool
//     that becomes the shared pool (db.SQL): legacy.Open returns it after
//     the fix at legacy/legacy.go:14; ...".
//   - With -max-pools=N, a main package whose program links more than N
//     construction sites of one pool type is reported on its package
//     clause, listing them.
//
// Suggested fixes: with -singleton=CONSTRUCTOR=ACCESSOR, the call is
// replaced by a call of the accessor that hands out the shared pool. The
// accessor must return the constructor's results and take a
// context.Context exactly when the constructor's first parameter is one:
//
//	pool, err := pgxpool.New(ctx, dsn)  =>  pool, err := db.Pool(ctx)
//	db, err := sql.Open("pgx", dsn)     =>  db, err := db2.SQL()
//
// The fix imports the accessor's package under a free name, removes the
// Close calls of the variable that held the private pool in that function,
// and removes the locals (dsn := os.Getenv(...)) and imports that only the
// dropped arguments used. A fix never changes what the program does: a
// site is fixed only when its arguments are the shared pool's (derived
// from the accessor's package, or stated with -shared-args), when it sets
// no pool settings of its own, and when every Close of its pool goes with
// the fix. The others are reported without a fix, saying why: another
// database (it connects with ($REPLICA_DATABASE_URL); the shared pool
// with ($DATABASE_URL)), a DSN from a parameter or a field, pool
// settings, a pool returned to callers that close it, function values,
// arguments that may have side effects, accessors that do not fit.
//
// With no shared package yet, the singlepool command writes one:
// singlepool -init=example.com/app/internal/db ./... groups the sites by
// what they connect to and writes the package (an accessor per
// constructor, one pool per database, sized from -max-conns and
// -replicas) and the .singlepool.yml that maps each constructor to its
// accessor, so that singlepool -fix ./... then needs no flags.
//
// Settings (flags; the same keys in .singlepool.yml and golangci-lint):
//
//	-allow=example.com/app/internal/db,example.com/app/cmd/...
//		packages that own the shared pool; "path/..." is a tree
//	-constructors=example.com/x.NewPool,(*example.com/x.Config).Open
//		extra constructors
//	-singleton=github.com/jackc/pgx/v5/pgxpool.New=example.com/app/internal/db.Pool
//		the accessor a suggested fix calls instead of the constructor
//	-shared-args=database/sql.Open=("pgx", os.Getenv("DATABASE_URL"))
//		the arguments the shared pool is built with, when singlepool
//		cannot derive them from the accessor's package
//	-allow-tests      allow constructors in _test.go files
//	-single-conns     also report single connections (pgx.Connect, ...)
//	-check-generated  also check generated files
//	-handlers=example.com/fw.HandlerFunc,example.com/fw.Handle
//		in-house handler types and registrars (per request)
//	-max-pools=N      report programs linking more than N sites of one pool type
//	-max-conns=postgres=100  report programs that can open more connections
//	-replicas=N, -cpus=N, -max-open-conns=N
//		instances per program, the deployment's CPUs, the limit unbounded-pool's fix sets
//	-require-reason   report //nolint directives silencing singlepool without a reason
//	-report-unused-nolint
//		report //nolint:singlepool directives that silence nothing
//	-config=FILE      read FILE instead of the nearest .singlepool.yml
//
// Without -config, settings are read from the nearest .singlepool.yml in
// the package's directory or its parents, up to the module root; flags
// given on the command line take precedence over the file, key by key.
// With nothing allowlisted every use is reported. External test packages
// (x_test) are allowlisted with the package they test.
//
// A finding is accepted with "//nolint:singlepool // reason" on its line,
// or above the declaration or statement that holds it (golangci-lint's
// semantics); the analyzer applies it under every driver but
// golangci-lint, which applies it itself.
//
// Full documentation: https://github.com/singlepool/singlepool (README.md,
// and the reference in docs/).
package singlepool
