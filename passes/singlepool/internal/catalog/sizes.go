package catalog

import (
	"fmt"
	"regexp"
	"strconv"
	"sync"
)

// The size of a construction site's pool: how many server connections it
// may open, where that comes from, and the database system it talks to.
// Each rule below was checked against the library's source (docs/catalog.md):
//
//	pgxpool (pgx v5.12.0 pgxpool/pool.go:383, v4.18.3 :316)   MaxConns, or pool_max_conns in the
//	                                                           connection string; default max(4, NumCPU)
//	database/sql (Go 1.26 sql.go:1029), sqlx, gorm            SetMaxOpenConns; default unlimited
//	go-redis (v9.23.0 options.go:705, osscluster.go:249;      Options.PoolSize; default 10×GOMAXPROCS,
//	          v8.11.5 options.go:144, cluster.go:97)          5×GOMAXPROCS per node for a cluster
//	mongo-driver (v1.17.10, v2.10.0 mongo/client.go)          SetMaxPoolSize; default 100

// A Size is a pool's connection limit as the code states it.
type Size struct {
	N         int    // the limit; for a formula, its constant part
	PerCPU    int    // the limit is PerCPU×CPUs (go-redis's default)
	MaxCPU    bool   // the limit is max(N, CPUs) (pgxpool's default)
	Unbounded bool   // no limit at all
	Unknown   bool   // a limit that is not a constant
	Source    string // where it comes from: "MaxConns", "default", "no SetMaxOpenConns", ...
}

// A SizeRule says how a constructor's pool is sized.
type SizeRule struct {
	System string // the database system; "" when the driver name says
	Driver int    // the driver-name argument (sql.Open("pgx", ...)), or -1
	DSN    int    // the connection string, whose pool_max_conns sets the limit, or -1
	Config int    // the argument whose field sets the limit (a pgxpool.Config, redis.Options), or -1
	Field  string // that field
	Setter string // the method that sets the limit, on the pool (SetMaxOpenConns) or in its options (SetMaxPoolSize)
	// NoLimitFix says why unbounded-pool's fix cannot call Setter on the
	// constructor's result; "" when it can.
	NoLimitFix string
	Default    Size
}

// The setters of SizeRule.Setter: database/sql's (Go 1.26), on the pool,
// and mongo-driver's (v1.17.10, v2.10.0), in its options.
const (
	SetMaxOpenConns = "SetMaxOpenConns"
	SetMaxPoolSize  = "SetMaxPoolSize"
)

var (
	unlimitedSQL = Size{Unbounded: true, Source: "no SetMaxOpenConns"}
	pgxDefault   = Size{N: 4, MaxCPU: true, Source: "default"}
	redisDefault = Size{PerCPU: 10, Source: "default PoolSize"}
	redisCluster = Size{PerCPU: 5, Source: "default PoolSize, per node"}
)

func sqlRule(driver int) SizeRule {
	return SizeRule{Driver: driver, DSN: -1, Config: -1, Setter: SetMaxOpenConns, Default: unlimitedSQL}
}

func pgxRule(dsn, config int) SizeRule {
	return SizeRule{System: "postgres", Driver: -1, DSN: dsn, Config: config, Field: "MaxConns", Default: pgxDefault}
}

func redisRule(def Size) SizeRule {
	return SizeRule{System: "redis", Driver: -1, DSN: -1, Config: 0, Field: "PoolSize", Default: def}
}

var mongoRule = SizeRule{System: "mongodb", Driver: -1, DSN: -1, Config: -1, Setter: SetMaxPoolSize, Default: Size{N: 100, Source: "default maxPoolSize"}}

// SizeRules maps constructors (FuncName.String) to their sizing. The
// constructors not listed have a system (SystemOfPkg) and an unknown size.
var SizeRules = map[string]SizeRule{
	"database/sql.Open":                      sqlRule(0),
	"database/sql.OpenDB":                    sqlRule(-1),
	"github.com/jackc/pgx/v5/stdlib.OpenDB":  {System: "postgres", Driver: -1, DSN: -1, Config: -1, Setter: SetMaxOpenConns, Default: unlimitedSQL},
	"github.com/jackc/pgx/v4/stdlib.OpenDB":  {System: "postgres", Driver: -1, DSN: -1, Config: -1, Setter: SetMaxOpenConns, Default: unlimitedSQL},
	"github.com/jmoiron/sqlx.Open":           sqlRule(0),
	"github.com/jmoiron/sqlx.MustOpen":       sqlRule(0),
	"github.com/jmoiron/sqlx.Connect":        sqlRule(0),
	"github.com/jmoiron/sqlx.MustConnect":    sqlRule(0),
	"github.com/jmoiron/sqlx.ConnectContext": sqlRule(1),
	"gorm.io/gorm.Open": {Driver: 0, DSN: -1, Config: -1, Setter: SetMaxOpenConns, Default: unlimitedSQL,
		NoLimitFix: "gorm's limit is set on its DB(): sqlDB, err := gdb.DB(); sqlDB.SetMaxOpenConns(n)"},
	"github.com/jackc/pgx/v5/pgxpool.New":            pgxRule(1, -1),
	"github.com/jackc/pgx/v5/pgxpool.NewWithConfig":  pgxRule(-1, 1),
	"github.com/jackc/pgx/v4/pgxpool.Connect":        pgxRule(1, -1),
	"github.com/jackc/pgx/v4/pgxpool.ConnectConfig":  pgxRule(-1, 1),
	"github.com/redis/go-redis/v9.NewClient":         redisRule(redisDefault),
	"github.com/redis/go-redis/v9.NewFailoverClient": redisRule(redisDefault),
	"github.com/redis/go-redis/v9.NewClusterClient":  redisRule(redisCluster),
	"github.com/go-redis/redis/v8.NewClient":         redisRule(redisDefault),
	"github.com/go-redis/redis/v8.NewFailoverClient": redisRule(redisDefault),
	"github.com/go-redis/redis/v8.NewClusterClient":  redisRule(redisCluster),
	"go.mongodb.org/mongo-driver/mongo.Connect":      mongoRule,
	"go.mongodb.org/mongo-driver/mongo.NewClient":    mongoRule,
	"go.mongodb.org/mongo-driver/v2/mongo.Connect":   mongoRule,
}

// Systems names the database systems, for settings and messages.
var Systems = map[string]string{
	"postgres": "PostgreSQL", "mysql": "MySQL", "redis": "Redis", "mongodb": "MongoDB",
	"sqlserver": "SQL Server", "sqlite": "SQLite", "clickhouse": "ClickHouse", "cassandra": "Cassandra",
	"elasticsearch": "Elasticsearch", "memcached": "memcached", "etcd": "etcd", "spanner": "Spanner",
	"unknown": "unknown-system",
}

// DriverSystems maps database/sql driver names (and gorm dialector
// packages) to systems.
var DriverSystems = map[string]string{
	"pgx": "postgres", "pgx/v5": "postgres", "pgx/v4": "postgres", "postgres": "postgres", "cloudsqlpostgres": "postgres",
	"mysql": "mysql", "sqlserver": "sqlserver", "mssql": "sqlserver", "sqlite3": "sqlite", "sqlite": "sqlite",
	"clickhouse":              "clickhouse",
	"gorm.io/driver/postgres": "postgres", "gorm.io/driver/mysql": "mysql", "gorm.io/driver/sqlite": "sqlite",
	"gorm.io/driver/sqlserver": "sqlserver", "github.com/glebarez/sqlite": "sqlite",
	"github.com/jackc/pgx/v5/stdlib": "postgres", "github.com/lib/pq": "postgres", "github.com/go-sql-driver/mysql": "mysql",
}

// SystemOfPkg gives the system of the constructors without a size rule,
// by their package path's prefix.
var SystemOfPkg = []struct{ Prefix, System string }{
	{"github.com/ClickHouse/clickhouse-go", "clickhouse"},
	{"github.com/gocql/gocql", "cassandra"}, {"github.com/apache/cassandra-gocql-driver", "cassandra"},
	{"github.com/elastic/go-elasticsearch", "elasticsearch"}, {"github.com/bradfitz/gomemcache", "memcached"},
	{"go.etcd.io/etcd", "etcd"}, {"cloud.google.com/go/spanner", "spanner"},
	{"github.com/redis/", "redis"}, {"github.com/go-redis/", "redis"}, {"go.mongodb.org/", "mongodb"},
	{"github.com/jackc/", "postgres"}, {"entgo.io/", "unknown"},
}

var PoolMaxConns = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`pool_max_conns=(\d+)`) })

// conns evaluates the limit for a deployment with cpus CPUs (0: not
// known, when a formula gives its least value and exact is false).
func (z Size) Conns(cpus int) (n int, exact bool) {
	exact = cpus > 0 || (z.PerCPU == 0 && !z.MaxCPU)
	c := max(cpus, 1)
	switch {
	case z.Unbounded:
		return -1, true
	case z.Unknown:
		return 0, false
	case z.PerCPU > 0:
		return z.PerCPU * c, exact
	case z.MaxCPU:
		return max(z.N, c), exact
	}
	return z.N, true
}

// describe shows the limit for a message: "5 (MaxConns)", "max(4, CPUs)=8
// (default)", "unbounded (no SetMaxOpenConns)".
func (z Size) Describe(cpus int) string {
	n, _ := z.Conns(cpus)
	var v string
	switch {
	case z.Unbounded:
		v = "unbounded"
	case z.Unknown:
		v = "?"
	case z.PerCPU > 0 && cpus > 0:
		v = fmt.Sprintf("%d×CPUs=%d", z.PerCPU, n)
	case z.PerCPU > 0:
		v = fmt.Sprintf("%d×CPUs", z.PerCPU)
	case z.MaxCPU && cpus > 0:
		v = fmt.Sprintf("max(%d, CPUs)=%d", z.N, n)
	case z.MaxCPU:
		v = fmt.Sprintf("max(%d, CPUs)", z.N)
	default:
		v = strconv.Itoa(n)
	}
	return v + " (" + z.Source + ")"
}
