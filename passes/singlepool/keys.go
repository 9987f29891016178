package singlepool

import (
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/connid"
)

// The settings' keys: flag names, .singlepool.yml keys and golangci-lint
// settings keys alike (Config's json and yaml tags, which a test keeps
// equal to these).
const (
	keyAllow          = "allow"
	keyConstructors   = "constructors"
	keySingleton      = "singleton"
	keySharedArgs     = "shared-args"
	keyAllowTests     = "allow-tests"
	keySingleConns    = "single-conns"
	keyCheckGenerated = "check-generated"
	keyMaxPools       = "max-pools"
	keyHandlers       = "handlers"
	keyMaxConns       = "max-conns"
	keyReplicas       = "replicas"
	keyCPUs           = "cpus"
	keyMaxOpenConns   = "max-open-conns"
	keyRequireReason  = "require-reason"
	keyReportUnused   = "report-unused-nolint"
	keyConfig         = "config"
)

// A setting is one key of Config, for every place that handles settings
// by name: the flags (bindFlags), flags over a file (merge), New's Config
// over a file (isZeroSetting), the settings file's list of known keys.
type setting struct {
	key   string
	usage string
	// field returns a pointer to the setting's field of cfg: *[]string,
	// *bool, *int or *string.
	field func(cfg *Config) any
	// check validates one element of a list setting as its flag is set.
	check func(elem string) error
	// direct settings are given only as flags or in New's Config, never
	// in a settings file.
	direct bool
	// def and doc are the default and the meaning in docs/settings.md's
	// table (markdown), which TestSettingsDocumented writes from here;
	// name, how the table names the key when not `key`.
	def, doc, name string
}

// settingsTable lists the settings in the order of Config's fields.
var settingsTable = []setting{
	{
		key:   keyAllow,
		def:   "none",
		doc:   "packages that own the shared pool and may call constructors: an import path, or `path/...` for it and every package below. External test packages (`x_test`) belong to `x`. Relative paths and a bare `...` are rejected.",
		usage: "comma-separated packages that own the shared pool and may create pools: import paths, or path/... for a tree",
		field: func(c *Config) any { return &c.Allow },
		check: func(e string) error { _, err := parsePattern(e); return err },
	},
	{
		key:   keyConstructors,
		def:   "none",
		doc:   "extra constructors: `example.com/x.NewPool` or `(*example.com/x.Config).Open` (the `*` is optional).",
		usage: "comma-separated extra constructors: pkg/path.Func or (*pkg/path.Type).Method",
		field: func(c *Config) any { return &c.Constructors },
		check: func(e string) error { _, err := code.ParseFuncName(e); return err },
	},
	{
		key:   keySingleton,
		def:   "none",
		doc:   "`CONSTRUCTOR=ACCESSOR`: the function that hands out the shared pool, called by the fix instead of the constructor, e.g. `github.com/jackc/pgx/v5/pgxpool.New=example.com/app/internal/db.Pool`.",
		usage: "comma-separated CONSTRUCTOR=ACCESSOR pairs: the function returning the shared pool that a suggested fix calls instead",
		field: func(c *Config) any { return &c.Singleton },
		check: func(e string) error { _, _, err := parseSingleton(e); return err },
	},
	{
		key: keySharedArgs,
		def: "derived",
		doc: "`CONSTRUCTOR=(ARGS)`: the arguments, without the context, that the shared pool is built with, in Go syntax (string constants, `os.Getenv(\"NAME\")`, the standard library's pure functions), e.g. `database/sql.Open=(\"pgx\", os.Getenv(\"DATABASE_URL\"))`. Without it they are derived from the accessor's package. A site is fixed only if its own are the same. In flags, commas inside the parentheses do not split the list.",
		usage: "CONSTRUCTOR=(ARGS) pairs: the arguments, without the context, that the shared pool is built with, " +
			`e.g. database/sql.Open=("pgx", os.Getenv("DATABASE_URL")); a site is fixed only if its own are the same`,
		field: func(c *Config) any { return &c.SharedArgs },
		check: func(e string) error { _, _, err := connid.ParseSharedArgs(e); return err },
	},
	{
		key:   keyAllowTests,
		def:   "false",
		doc:   "constructors in `_test.go` files are allowed.",
		usage: "allow constructors in _test.go files",
		field: func(c *Config) any { return &c.AllowTests },
	},
	{
		key:   keySingleConns,
		def:   "false",
		doc:   "also report single-connection constructors (`pgx.Connect`, `pgconn.Connect`, `nats.Connect`, `amqp.Dial`, ...).",
		usage: "also report single-connection constructors (pgx.Connect, pgconn.Connect, ...)",
		field: func(c *Config) any { return &c.SingleConns },
	},
	{
		key:   keyCheckGenerated,
		def:   "false",
		doc:   "also check generated files (`// Code generated ... DO NOT EDIT.`).",
		usage: "also check generated files",
		field: func(c *Config) any { return &c.CheckGenerated },
	},
	{
		key:   keyMaxPools,
		def:   "0 (off)",
		doc:   "report each `main` package whose program links more than N construction sites of one pool type. With `max-pools` set and `allow` empty, only those counts are reported.",
		usage: "report main packages whose program links more than N construction sites of one pool type (0: off)",
		field: func(c *Config) any { return &c.MaxPools },
	},
	{
		key:   keyHandlers,
		def:   "none",
		doc:   "in-house handlers that run per request: function types (`example.com/fw.HandlerFunc`) or registrars whose function arguments do (`example.com/fw.Handle`), same syntax as `constructors`.",
		usage: "comma-separated in-house handlers: function types (example.com/fw.HandlerFunc) or registrars whose function arguments run per request (example.com/fw.Handle)",
		field: func(c *Config) any { return &c.Handlers },
		check: func(e string) error { _, err := code.ParseFuncName(e); return err },
	},
	{
		key:   keyMaxConns,
		def:   "none",
		doc:   "the servers' connection limits: `N` for every database system, or per system, `postgres=100,mysql=151` (systems: cassandra, clickhouse, elasticsearch, etcd, memcached, mongodb, mysql, postgres, redis, spanner, sqlite, sqlserver). Reports programs that can open more (see [max-conns](rules.md#max-conns)) and pools without a limit ([unbounded-pool](rules.md#unbounded-pool)).",
		usage: "comma-separated connection limits of the servers: N for every database system, or system=N (postgres=100,mysql=151); reports programs that can open more",
		field: func(c *Config) any { return &c.MaxConns },
		check: func(e string) error { _, _, err := parseMaxConns(e); return err },
	},
	{
		key:   keyReplicas,
		def:   "1",
		doc:   "instances of each program running at once, multiplying its connections for `max-conns`.",
		usage: "instances of each program that run at once, for max-conns (default 1)",
		field: func(c *Config) any { return &c.Replicas },
	},
	{
		key:   keyMaxOpenConns,
		def:   "0 (no fix)",
		doc:   "the limit [unbounded-pool](rules.md#unbounded-pool)'s suggested fix sets: `db.SetMaxOpenConns(N)` after the construction's error check.",
		usage: "the limit the unbounded-pool fix sets with SetMaxOpenConns(N) (0: no fix)",
		field: func(c *Config) any { return &c.MaxOpenConns },
	},
	{
		key:   keyCPUs,
		def:   "not known",
		doc:   "the deployment's CPU count, for the default pool sizes that depend on it (pgxpool `max(4, CPUs)`, go-redis `10×CPUs`); unknown, the least value is counted and the message says so.",
		usage: "the deployment's CPU count, for pool sizes that depend on it (pgxpool, go-redis defaults); 0: not known",
		field: func(c *Config) any { return &c.CPUs },
	},
	{
		key:   keyRequireReason,
		def:   "false",
		doc:   "report the `//nolint` directives that silence singlepool without a reason (see [nolint](rules.md#nolint)). Not under golangci-lint: use nolintlint's `require-explanation`.",
		usage: "report //nolint directives that silence singlepool without a reason (//nolint:singlepool // why)",
		field: func(c *Config) any { return &c.RequireReason },
	},
	{
		key:   keyReportUnused,
		def:   "false",
		doc:   "report the `//nolint:singlepool` directives that silence nothing. Not under golangci-lint: use nolintlint's `allow-unused: false`.",
		usage: "report //nolint:singlepool directives that silence nothing",
		field: func(c *Config) any { return &c.ReportUnusedNolint },
	},
	{
		key:  keyConfig,
		def:  "discovered",
		doc:  "the settings file to read instead of discovering one.",
		name: "`-config` (flag), `config` (golangci-lint)",
		usage: "settings file to use instead of the " + ConfigFileName + " found by walking up from each package's directory " +
			"to its module root (a relative path is relative to the module root)",
		field:  func(c *Config) any { return &c.ConfigFile },
		direct: true,
	},
}

// merge returns the file's settings with those given directly on top:
// each key that isSet, and the direct-only ones.
func merge(file, direct Config, isSet func(key string) bool) Config {
	out := file
	for _, st := range settingsTable {
		if st.direct || isSet(st.key) {
			copyField(st.field(&out), st.field(&direct))
		}
	}
	return out
}

func copyField(dst, src any) {
	switch d := dst.(type) {
	case *[]string:
		*d = *src.(*[]string)
	case *bool:
		*d = *src.(*bool)
	case *int:
		*d = *src.(*int)
	case *string:
		*d = *src.(*string)
	}
}

// isZeroSetting reports whether the setting with the key has its zero
// value in cfg: not given, for a Config passed to New.
func isZeroSetting(cfg Config, key string) bool {
	for _, st := range settingsTable {
		if st.key != key || st.direct {
			continue
		}
		switch v := st.field(&cfg).(type) {
		case *[]string:
			return len(*v) == 0
		case *bool:
			return !*v
		case *int:
			return *v == 0
		}
	}
	return true
}

// fileKeys lists the keys a settings file may hold, for its error
// messages.
func fileKeys() string {
	var keys []string
	for _, st := range settingsTable {
		if !st.direct {
			keys = append(keys, st.key)
		}
	}
	return strings.Join(keys, ", ")
}
