package connid

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
)

// config is a module package the accessors read their settings from.
const configSrc = `package config
import "os"
const EnvDatabaseURL = "DATABASE_URL"
func DatabaseURL() string { return os.Getenv(EnvDatabaseURL) }
func AnalyticsURL() string { return os.Getenv("ANALYTICS_URL") }
func RedisAddr() string { return os.Getenv("REDIS_ADDR") }
`

// poolSrc is the shape of the incident's shared package: a sync.Once over
// ParseConfig + settings + NewWithConfig, a second database in the same
// package, a retry helper taking a dsn, and accessors over the pool.
const poolSrc = `package db
import (
	"context"
	"database/sql"
	"sync"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"example.com/app/internal/config"
)
var (
	poolOnce sync.Once
	pool     *pgxpool.Pool
	poolErr  error
)
func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	poolOnce.Do(func() {
		cfg, err := pgxpool.ParseConfig(config.DatabaseURL())
		if err != nil {
			poolErr = err
			return
		}
		cfg.MaxConns = 10
		cfg.MinConns = 2
		pool, poolErr = pgxpool.NewWithConfig(ctx, cfg)
	})
	return pool, poolErr
}
var analytics *pgxpool.Pool
func Analytics(ctx context.Context) (*pgxpool.Pool, error) {
	if analytics != nil {
		return analytics, nil
	}
	p, err := retry(ctx, config.AnalyticsURL())
	if err != nil {
		return nil, err
	}
	analytics = p
	return analytics, nil
}
func retry(ctx context.Context, dsn string) (*pgxpool.Pool, error) { return pgxpool.New(ctx, dsn) }
var (
	sqlOnce sync.Once
	sqlDB   *sql.DB
)
func SQL() (*sql.DB, error) {
	sqlOnce.Do(func() {
		p, err := Pool(context.Background())
		if err != nil {
			return
		}
		sqlDB = stdlib.OpenDBFromPool(p)
	})
	return sqlDB, nil
}
func SQLX() (*sqlx.DB, error) {
	d, err := SQL()
	if err != nil {
		return nil, err
	}
	return sqlx.NewDb(d, "pgx"), nil
}
var gormDB = sync.OnceValues(func() (*gorm.DB, error) {
	d, err := SQL()
	if err != nil {
		return nil, err
	}
	return gorm.Open(postgres.New(postgres.Config{Conn: d}), &gorm.Config{DisableAutomaticPing: true})
})
func Gorm() (*gorm.DB, error) { return gormDB() }
func Close() {
	if pool != nil {
		pool.Close()
		pool = nil
	}
}
`

func TestAccessorIdentity(t *testing.T) {
	pg := Identity{Driver: "pgx", Where: "$DATABASE_URL"}
	for _, tc := range []struct {
		name, src, acc string
		want           Identity
		why            string // a part of the reason, when there is no identity
	}{
		{"once over ParseConfig, another database beside", poolSrc, "Pool", pg, ""},
		{"database/sql over the pool", poolSrc, "SQL", pg, ""},
		{"sqlx over SQL", poolSrc, "SQLX", pg, ""},
		{"gorm over SQL", poolSrc, "Gorm", Identity{Driver: "pgx", Where: "$DATABASE_URL", Handle: "&gorm.io/gorm.Config{}"}, ""},
		{"the other database: a parameter of the helper", poolSrc, "Analytics", Identity{}, "dsn, a name singlepool cannot follow"},
		{"OnceValues", `package db
import ("database/sql"; "os"; "sync")
var open = sync.OnceValues(func() (*sql.DB, error) { return sql.Open("pgx", os.Getenv("DATABASE_URL")) })
func SQL() (*sql.DB, error) { return open() }`, "SQL", pg, ""},
		{"a function variable", `package db
import ("database/sql"; "os"; "sync")
var SQL = sync.OnceValues(func() (*sql.DB, error) { return sql.Open("pgx/v5", os.Getenv("DATABASE_URL")) })`, "SQL", pg, ""},
		{"lazy nil check and init", `package db
import ("context"; "os"; "github.com/jackc/pgx/v5/pgxpool")
var p *pgxpool.Pool
func init() { p, _ = pgxpool.New(context.Background(), os.Getenv("DATABASE_URL")) }
func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	if p == nil {
		var err error
		p, err = pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
		return p, err
	}
	return p, nil
}`, "Pool", pg, ""},
		{"redis: its pool size is a setting", `package db
import ("sync"; "github.com/redis/go-redis/v9"; "example.com/app/internal/config")
var once sync.Once
var rdb *redis.Client
func Redis() *redis.Client {
	once.Do(func() { rdb = redis.NewClient(&redis.Options{Addr: config.RedisAddr(), PoolSize: 20}) })
	return rdb
}`, "Redis", Identity{Driver: "go-redis", Where: "&github.com/redis/go-redis/v9.Options{Addr: $REDIS_ADDR}"}, ""},
		{"a config changed where it connects", `package db
import ("context"; "os"; "github.com/jackc/pgx/v5/pgxpool")
func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	cfg.ConnConfig.Database = "analytics"
	return pgxpool.NewWithConfig(ctx, cfg)
}`, "Pool", Identity{}, "cfg, changed after it is set (cfg.ConnConfig.Database)"},
		{"two databases on two paths", `package db
import ("database/sql"; "os")
func SQL() (*sql.DB, error) {
	if os.Getenv("TEST") != "" {
		return sql.Open("pgx", os.Getenv("TEST_URL"))
	}
	return sql.Open("pgx", os.Getenv("DATABASE_URL"))
}`, "SQL", Identity{}, "different databases"},
		{"a DSN rewritten by a helper", `package db
import ("database/sql"; "os")
func dsn() string { u := os.Getenv("DATABASE_URL"); return withTimeout(u) }
func withTimeout(u string) string { return u + "&connect_timeout=5" }
func SQL() (*sql.DB, error) { return sql.Open("pgx", dsn()) }`, "SQL", Identity{}, "dsn, a name singlepool cannot follow"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			for name, data := range map[string]string{
				"go.mod":                    "module example.com/app\n\ngo 1.26\n",
				"internal/config/config.go": configSrc,
				"internal/db/db.go":         tc.src,
			} {
				if err := os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(root, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, why := Accessor(filepath.Join(root, "internal/db"), code.FuncName{Pkg: "example.com/app/internal/db", Name: tc.acc}, catalogCtors)
			if tc.why != "" {
				if why == "" || !strings.Contains(why, tc.why) {
					t.Errorf("Accessor(%s) = %+v, %q; want a reason containing %q", tc.acc, got, why, tc.why)
				}
				return
			}
			if why != "" || got != tc.want {
				t.Errorf("Accessor(%s) = %+v, %q; want %+v", tc.acc, got, why, tc.want)
			}
		})
	}
}

// catalogCtors is the catalog's constructors, as the analyzer's settings
// give them by default.
func catalogCtors(name string) (bool, bool) {
	for _, c := range catalog.Constructors {
		if c.Name == name {
			return true, catalog.ContextFirst[name]
		}
	}
	return false, false
}

// The same identity from a site's arguments stated in shared-args.
func TestStatedIdentity(t *testing.T) {
	for entry, want := range map[string]Identity{
		`database/sql.Open=("pgx", os.Getenv("DATABASE_URL"))`:                            {Driver: "pgx", Where: "$DATABASE_URL"},
		`github.com/jackc/pgx/v5/pgxpool.New=(os.Getenv("DATABASE_URL"))`:                 {Driver: "pgx", Where: "$DATABASE_URL"},
		`gorm.io/gorm.Open=(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{})`:    {Driver: "pgx", Where: "$DATABASE_URL", Handle: "&gorm.io/gorm.Config{}"},
		`database/sql.Open=("postgres", os.Getenv("DATABASE_URL"))`:                       {Driver: "postgres", Where: "$DATABASE_URL"},
		`github.com/redis/go-redis/v9.NewClient=(&redis.Options{Addr: "localhost:6379"})`: {Driver: "go-redis", Where: `&github.com/redis/go-redis/v9.Options{Addr: "localhost:6379"}`},
	} {
		_, got, err := ParseSharedArgs(entry)
		if err != nil || got != want {
			t.Errorf("ParseSharedArgs(%s) = %+v, %v; want %+v", entry, got, err, want)
		}
	}
	if d := Differs(Identity{Driver: "postgres", Where: "$DATABASE_URL"}, Identity{Driver: "pgx", Where: "$DATABASE_URL"}); !strings.Contains(d, "github.com/lib/pq") {
		t.Errorf("Differs on drivers = %q, want it to name lib/pq", d)
	}
}
