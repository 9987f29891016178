package catalog

import (
	"strings"
)

// PureFuncs are calls that a fix may drop: they compute a value and have
// no effect that the program could depend on.
var PureFuncs = map[string]bool{
	"os.Getenv": true, "os.ExpandEnv": true,
	"fmt.Sprintf": true, "fmt.Sprint": true,
	"net.JoinHostPort": true, "path.Join": true, "path/filepath.Join": true,
	"strconv.Itoa": true, "strconv.Quote": true, "net/url.QueryEscape": true,
	"net/url.PathEscape": true, "strings.TrimSpace": true, "strings.Join": true,
	"strings.ReplaceAll": true, "strings.TrimPrefix": true, "strings.TrimSuffix": true,
	"strings.ToLower": true, "strings.Repeat": true,

	// Builders of the catalog's libraries: they only build a value from
	// their arguments (checked against each library's source; see
	// docs/catalog.md). gorm.io/driver/postgres v1.6.3, mysql v1.6.0
	// (ParseDSN may panic on a bad DSN), sqlite v1.6.0, sqlserver v1.6.3,
	// github.com/glebarez/sqlite v1.11.0.
	"gorm.io/driver/postgres.Open": true, "gorm.io/driver/postgres.New": true,
	"gorm.io/driver/mysql.Open": true, "gorm.io/driver/mysql.New": true,
	"gorm.io/driver/sqlite.Open": true, "gorm.io/driver/sqlite.New": true,
	"gorm.io/driver/sqlserver.Open": true, "gorm.io/driver/sqlserver.New": true,
	"github.com/glebarez/sqlite.Open": true,
	// pgx v5.13.0's ParseConfig reads PG* variables and ~/.pgpass, and
	// writes nothing; v4 v4.18.3 alike.
	"github.com/jackc/pgx/v5/pgxpool.ParseConfig": true, "github.com/jackc/pgx/v4/pgxpool.ParseConfig": true,
	"github.com/jackc/pgx/v5.ParseConfig": true,
	// go-redis v9.23.0, v8.11.5.
	"github.com/redis/go-redis/v9.ParseURL": true, "github.com/go-redis/redis/v8.ParseURL": true,
	// mongo-driver v1.17.10 and v2.10.0: options.Client and its setters
	// only set fields; ApplyURI parses (a mongodb+srv:// URI is also looked
	// up in DNS, which dropping does not make unsafe).
	"go.mongodb.org/mongo-driver/mongo/options.Client": true, "go.mongodb.org/mongo-driver/v2/mongo/options.Client": true,
	"(*go.mongodb.org/mongo-driver/mongo/options.ClientOptions).ApplyURI":    true,
	"(*go.mongodb.org/mongo-driver/v2/mongo/options.ClientOptions).ApplyURI": true,
}

// IsBuilderMethod reports whether a method of a value canon could follow
// (a pure builder's result) only configures that value: mongo's
// ApplyURI and Set* options, and the like.
func IsBuilderMethod(name string) bool {
	return strings.HasPrefix(name, "Set") || strings.HasPrefix(name, "Apply")
}

// StatedPackages are the package names a shared-args entry may use: the
// standard library's pure functions and the catalog libraries' builders
// and option types (PureFuncs), by their usual names.
var StatedPackages = map[string]string{
	"os": "os", "fmt": "fmt", "strings": "strings", "net": "net", "strconv": "strconv",
	"url": "net/url", "path": "path", "filepath": "path/filepath",
	"postgres": "gorm.io/driver/postgres", "mysql": "gorm.io/driver/mysql",
	"sqlserver": "gorm.io/driver/sqlserver", "sqlite": "gorm.io/driver/sqlite", "gorm": "gorm.io/gorm",
	"pgxpool": "github.com/jackc/pgx/v5/pgxpool", "pgx": "github.com/jackc/pgx/v5",
	"redis": "github.com/redis/go-redis/v9", "options": "go.mongodb.org/mongo-driver/mongo/options",
}

// PoolSettings are the names that configure a pool rather than say where
// it connects: pgxpool.Config fields and DSN parameters (pgx v5.13.0),
// go-redis Options fields (v9.23.0; v8.11.5's older names), mongo
// ClientOptions setters and URI options (v1.17.10, v2.10.0). See
// docs/catalog.md.
var PoolSettings = []string{
	// pgxpool.Config and its connection-string parameters.
	"MaxConns", "MinConns", "MinIdleConns", "MaxConnLifetime", "MaxConnLifetimeJitter", "MaxConnIdleTime",
	"HealthCheckPeriod", "PingTimeout", "BeforeConnect", "AfterConnect", "BeforeAcquire", "PrepareConn",
	"AfterRelease", "BeforeClose", "ShouldPing",
	"pool_max_conns", "pool_min_conns", "pool_min_idle_conns", "pool_max_conn_lifetime",
	"pool_max_conn_idle_time", "pool_health_check_period", "pool_max_conn_lifetime_jitter", "pool_ping_timeout",
	// go-redis Options (v9; v8's PoolFIFO, MaxConnAge, IdleTimeout, IdleCheckFrequency).
	"PoolSize", "PoolFIFO", "PoolTimeout", "MaxIdleConns", "MaxActiveConns", "ConnMaxIdleTime", "ConnMaxLifetime",
	"ConnMaxLifetimeJitter", "MaxConcurrentDials", "MaxConnAge", "IdleTimeout", "IdleCheckFrequency",
	// mongo ClientOptions and URI options.
	"SetMaxPoolSize", "SetMinPoolSize", "SetMaxConnIdleTime", "SetMaxConnecting",
	"maxPoolSize", "minPoolSize", "maxIdleTimeMS", "maxConnecting",
}

// SQLPoolSetters are the methods of *database/sql.DB (Go 1.26) that tune
// a pool after it is built; sqlx.DB and gorm's DB().* reach the same.
var SQLPoolSetters = map[string]bool{
	"SetMaxOpenConns": true, "SetMaxIdleConns": true, "SetConnMaxLifetime": true, "SetConnMaxIdleTime": true,
}

// PoolSettingIn returns the pool setting named in text, the longest if
// several match (SetMaxPoolSize, not PoolSize), or "".
func PoolSettingIn(text string) string {
	lower := strings.ToLower(text)
	found := ""
	for _, name := range PoolSettings {
		if len(name) > len(found) && strings.Contains(lower, strings.ToLower(name)) {
			found = name
		}
	}
	return found
}
