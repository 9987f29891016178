package singlepool

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
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

// A sizeExpr is a pool's connection limit as the code states it.
type sizeExpr struct {
	N         int    // the limit; for a formula, its constant part
	PerCPU    int    // the limit is PerCPU×CPUs (go-redis's default)
	MaxCPU    bool   // the limit is max(N, CPUs) (pgxpool's default)
	Unbounded bool   // no limit at all
	Unknown   bool   // a limit that is not a constant
	Source    string // where it comes from: "MaxConns", "default", "no SetMaxOpenConns", ...
}

// conns evaluates the limit for a deployment with cpus CPUs (0: not
// known, when a formula gives its least value and exact is false).
func (z sizeExpr) conns(cpus int) (n int, exact bool) {
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
func (z sizeExpr) describe(cpus int) string {
	n, _ := z.conns(cpus)
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

// A sizeRule says how a constructor's pool is sized.
type sizeRule struct {
	system string // the database system; "" when the driver name says
	driver int    // the driver-name argument (sql.Open("pgx", ...)), or -1
	dsn    int    // the connection string, whose pool_max_conns sets the limit, or -1
	config int    // the argument whose field sets the limit (a pgxpool.Config, redis.Options), or -1
	field  string // that field
	setter string // the method that sets the limit, on the pool (SetMaxOpenConns) or in its options (SetMaxPoolSize)
	def    sizeExpr
}

var (
	unlimitedSQL = sizeExpr{Unbounded: true, Source: "no SetMaxOpenConns"}
	pgxDefault   = sizeExpr{N: 4, MaxCPU: true, Source: "default"}
	redisDefault = sizeExpr{PerCPU: 10, Source: "default PoolSize"}
	redisCluster = sizeExpr{PerCPU: 5, Source: "default PoolSize, per node"}
)

func sqlRule(driver int) sizeRule {
	return sizeRule{driver: driver, dsn: -1, config: -1, setter: "SetMaxOpenConns", def: unlimitedSQL}
}

func pgxRule(dsn, config int) sizeRule {
	return sizeRule{system: "postgres", driver: -1, dsn: dsn, config: config, field: "MaxConns", def: pgxDefault}
}

func redisRule(def sizeExpr) sizeRule {
	return sizeRule{system: "redis", driver: -1, dsn: -1, config: 0, field: "PoolSize", def: def}
}

var mongoRule = sizeRule{system: "mongodb", driver: -1, dsn: -1, config: -1, setter: "SetMaxPoolSize", def: sizeExpr{N: 100, Source: "default maxPoolSize"}}

// sizeRules maps constructors (FuncName.String) to their sizing. The
// constructors not listed have a system (systemOfPkg) and an unknown size.
var sizeRules = map[string]sizeRule{
	"database/sql.Open":                              sqlRule(0),
	"database/sql.OpenDB":                            sqlRule(-1),
	"github.com/jackc/pgx/v5/stdlib.OpenDB":          {system: "postgres", driver: -1, dsn: -1, config: -1, setter: "SetMaxOpenConns", def: unlimitedSQL},
	"github.com/jackc/pgx/v4/stdlib.OpenDB":          {system: "postgres", driver: -1, dsn: -1, config: -1, setter: "SetMaxOpenConns", def: unlimitedSQL},
	"github.com/jmoiron/sqlx.Open":                   sqlRule(0),
	"github.com/jmoiron/sqlx.MustOpen":               sqlRule(0),
	"github.com/jmoiron/sqlx.Connect":                sqlRule(0),
	"github.com/jmoiron/sqlx.MustConnect":            sqlRule(0),
	"github.com/jmoiron/sqlx.ConnectContext":         sqlRule(1),
	"gorm.io/gorm.Open":                              {driver: 0, dsn: -1, config: -1, setter: "SetMaxOpenConns", def: unlimitedSQL},
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

// systems names the database systems, for settings and messages.
var systems = map[string]string{
	"postgres": "PostgreSQL", "mysql": "MySQL", "redis": "Redis", "mongodb": "MongoDB",
	"sqlserver": "SQL Server", "sqlite": "SQLite", "clickhouse": "ClickHouse", "cassandra": "Cassandra",
	"elasticsearch": "Elasticsearch", "memcached": "memcached", "etcd": "etcd", "spanner": "Spanner",
	"unknown": "unknown-system",
}

// driverSystems maps database/sql driver names (and gorm dialector
// packages) to systems.
var driverSystems = map[string]string{
	"pgx": "postgres", "pgx/v5": "postgres", "pgx/v4": "postgres", "postgres": "postgres", "cloudsqlpostgres": "postgres",
	"mysql": "mysql", "sqlserver": "sqlserver", "mssql": "sqlserver", "sqlite3": "sqlite", "sqlite": "sqlite",
	"clickhouse":              "clickhouse",
	"gorm.io/driver/postgres": "postgres", "gorm.io/driver/mysql": "mysql", "gorm.io/driver/sqlite": "sqlite",
	"gorm.io/driver/sqlserver": "sqlserver", "github.com/glebarez/sqlite": "sqlite",
	"github.com/jackc/pgx/v5/stdlib": "postgres", "github.com/lib/pq": "postgres", "github.com/go-sql-driver/mysql": "mysql",
}

// systemOfPkg gives the system of the constructors without a size rule,
// by their package path's prefix.
var systemOfPkg = []struct{ prefix, system string }{
	{"github.com/ClickHouse/clickhouse-go", "clickhouse"},
	{"github.com/gocql/gocql", "cassandra"}, {"github.com/apache/cassandra-gocql-driver", "cassandra"},
	{"github.com/elastic/go-elasticsearch", "elasticsearch"}, {"github.com/bradfitz/gomemcache", "memcached"},
	{"go.etcd.io/etcd", "etcd"}, {"cloud.google.com/go/spanner", "spanner"},
	{"github.com/redis/", "redis"}, {"github.com/go-redis/", "redis"}, {"go.mongodb.org/", "mongodb"},
	{"github.com/jackc/", "postgres"}, {"entgo.io/", "unknown"},
}

var poolMaxConns = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`pool_max_conns=(\d+)`) })

// sizeOf finds the system and the limit of the pool a constructor site
// builds. path is innermost first, from the constructor's identifier; ctx
// is the site's use context (a pool per request or per iteration has no
// bound).
func sizeOf(pass *analysis.Pass, st site, path []ast.Node, ctx string) (string, sizeExpr) {
	name := funcNameOf(st.fn).String()
	rule, ok := sizeRules[name]
	system := rule.system
	if !ok {
		system = "unknown"
		for _, p := range systemOfPkg {
			if strings.HasPrefix(st.fn.Pkg().Path(), p.prefix) {
				system = p.system
			}
		}
	}
	call := siteCall(path)
	if call != nil && system == "" {
		system = callSystem(pass, call, rule)
	}
	if system == "" {
		system = "unknown" // a function value: the driver name is not at hand
	}
	if ctx != "" {
		how, _, _ := strings.Cut(ctx, " (")
		return system, sizeExpr{Unbounded: true, Source: "a pool per " + how}
	}
	if !ok {
		return system, sizeExpr{Unknown: true, Source: "size not known to singlepool"}
	}
	if call == nil {
		return system, rule.def // a function value
	}
	body := enclosingBody(path)
	if body == nil { // a package-level initializer: its file
		body = path[len(path)-1]
	}
	f := &sizeFinder{pass: pass, body: body}
	if rule.dsn >= 0 && rule.dsn < len(call.Args) {
		if z, ok := f.fromDSN(call.Args[rule.dsn]); ok {
			return system, z
		}
	}
	if rule.config >= 0 && rule.config < len(call.Args) {
		arg := call.Args[rule.config]
		if z, ok := f.fromConfig(arg, rule.field); ok {
			return system, z
		}
		// Options handed to a function that may set the field:
		// settings.ApplyTo(options); redis.NewClient(options).
		if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
			if callee := f.handedTo(call, f.pass.TypesInfo.Uses[id], nil); callee != "" {
				return system, sizeExpr{Unknown: true, Source: "options passed to " + callee + ", which may set " + rule.field}
			}
		}
	}
	switch rule.setter {
	case "SetMaxOpenConns":
		cpath := path
		for len(cpath) > 0 && cpath[0] != ast.Node(call) {
			cpath = cpath[1:]
		}
		target := poolTarget(pass, cpath)
		if target != nil {
			if z, ok := f.fromSetter(target, rule.setter); ok {
				return system, z
			}
		}
		if callee := f.handedTo(call, target, path); callee != "" {
			return system, sizeExpr{Unknown: true, Source: "passed to " + callee + ", which may limit it"}
		}
	case "SetMaxPoolSize":
		for _, a := range call.Args {
			if z, ok := f.fromOptionChain(a, rule.setter); ok {
				return system, z
			}
		}
	}
	return system, rule.def
}

// siteCall returns the call of the constructor on path, if it is called.
func siteCall(path []ast.Node) *ast.CallExpr {
	for i := 1; i < len(path) && i <= 2; i++ {
		if call, ok := path[i].(*ast.CallExpr); ok && ast.Unparen(call.Fun) == path[i-1] {
			return call
		}
	}
	return nil
}

// callSystem finds the system from the driver-name argument: a string
// constant (sql.Open("pgx", ...)), a gorm dialector (postgres.Open(dsn)),
// or a connector's constructor (stdlib.GetConnector(cfg)).
func callSystem(pass *analysis.Pass, call *ast.CallExpr, rule sizeRule) string {
	var arg ast.Expr
	switch {
	case rule.driver >= 0 && rule.driver < len(call.Args):
		arg = call.Args[rule.driver]
	case len(call.Args) > 0:
		arg = call.Args[0]
	default:
		return "unknown"
	}
	// A connector in a local: c, err := mysql.NewConnector(cfg); sql.OpenDB(c).
	if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
		if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok && isLocal(pass, v) {
			if file := fileOf(pass, v.Pos()); file != nil {
				if init, why := varInit(pass, file, v); why == "" {
					arg = init
				}
			}
		}
	}
	if tv, ok := pass.TypesInfo.Types[arg]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		if s, ok := driverSystems[constant.StringVal(tv.Value)]; ok {
			return s
		}
		return "unknown"
	}
	found := "unknown"
	ast.Inspect(arg, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id := calleeIdent(c); id != nil {
				if fn, ok := pass.TypesInfo.Uses[id].(*types.Func); ok && fn.Pkg() != nil {
					if s, ok := driverSystems[fn.Pkg().Path()]; ok {
						found = s
						return false
					}
				}
			}
		}
		return true
	})
	return found
}
