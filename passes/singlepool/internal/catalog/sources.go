package catalog

// Connection sources: which argument of a constructor says where its pool
// connects, and which driver it speaks, so that a site and the shared pool
// are compared by what they connect to, not by how each is tuned (checked
// against each library's source; see docs/catalog.md, "Connection
// sources").

// A Source says where a constructor's pool connects. Argument indexes
// count after a first context.Context argument.
type Source struct {
	Driver    string // the driver its pool speaks; "" when DriverArg names it
	DriverArg int    // the database/sql driver-name argument, or -1
	Arg       int    // the argument that says where it connects
	// Parse is the function whose result Arg may be (a config parsed from
	// a connection string: pgxpool.ParseConfig(dsn)); the string is then
	// where it connects, and the fields set on the config after it are
	// settings.
	Parse string
	// Handle is the argument that configures the handle rather than the
	// pool (gorm's *gorm.Config), which must equal the shared one's; -1
	// if none.
	Handle int
	// Variadic: every argument from Arg on says where (mongo-driver merges
	// its options, a later one overriding an earlier one's fields).
	Variadic bool
}

// sqlOpen is database/sql's shape, which sqlx's openers share: the driver
// name, then the DSN.
var sqlOpen = Source{DriverArg: 0, Arg: 1, Handle: -1}

func pgxSource(driver, parse string) Source {
	return Source{Driver: driver, DriverArg: -1, Arg: 0, Parse: parse, Handle: -1}
}

func redisSource(driver string) Source {
	return Source{Driver: driver, DriverArg: -1, Arg: 0, Parse: "github.com/redis/go-redis/v9.ParseURL", Handle: -1}
}

// Sources maps constructors (FuncName.String) to their connection source:
// database/sql (Go 1.26), sqlx v1.4.0, pgx v5.12.0 and v4.18.3, gorm
// v1.31.2, go-redis v9.23.0 and v8.11.5, mongo-driver v1.17.10 and v2.10.0.
// A constructor not listed is compared by the canonical text of all its
// arguments.
var Sources = map[string]Source{
	"database/sql.Open":                      sqlOpen,
	"github.com/jmoiron/sqlx.Open":           sqlOpen,
	"github.com/jmoiron/sqlx.MustOpen":       sqlOpen,
	"github.com/jmoiron/sqlx.Connect":        sqlOpen,
	"github.com/jmoiron/sqlx.MustConnect":    sqlOpen,
	"github.com/jmoiron/sqlx.ConnectContext": sqlOpen,
	// pgx v4 and v5 are different drivers (their pgconn, errors and pool
	// types differ).
	"github.com/jackc/pgx/v5/pgxpool.New":           pgxSource("pgx", ""),
	"github.com/jackc/pgx/v5/pgxpool.NewWithConfig": pgxSource("pgx", "github.com/jackc/pgx/v5/pgxpool.ParseConfig"),
	"github.com/jackc/pgx/v4/pgxpool.Connect":       pgxSource("pgx/v4", ""),
	"github.com/jackc/pgx/v4/pgxpool.ConnectConfig": pgxSource("pgx/v4", "github.com/jackc/pgx/v4/pgxpool.ParseConfig"),
	// gorm.Open(dialector, opts...): the dialector says where (Dialectors).
	"gorm.io/gorm.Open":                             {DriverArg: -1, Arg: 0, Handle: 1},
	"github.com/redis/go-redis/v9.NewClient":        redisSource("go-redis"),
	"github.com/redis/go-redis/v9.NewClusterClient": {Driver: "go-redis cluster", DriverArg: -1, Arg: 0, Parse: "github.com/redis/go-redis/v9.ParseClusterURL", Handle: -1},
	"github.com/go-redis/redis/v8.NewClient":        {Driver: "go-redis v8", DriverArg: -1, Arg: 0, Parse: "github.com/go-redis/redis/v8.ParseURL", Handle: -1},
	"go.mongodb.org/mongo-driver/mongo.Connect":     {Driver: "mongo-driver", DriverArg: -1, Arg: 0, Handle: -1, Variadic: true},
	"go.mongodb.org/mongo-driver/v2/mongo.Connect":  {Driver: "mongo-driver/v2", DriverArg: -1, Arg: 0, Handle: -1, Variadic: true},
}

// ContextFirst are the constructors of Sources that take a context.Context
// first, for reading the shared pool's construction from syntax alone.
var ContextFirst = map[string]bool{
	"github.com/jackc/pgx/v5/pgxpool.New": true, "github.com/jackc/pgx/v5/pgxpool.NewWithConfig": true,
	"github.com/jackc/pgx/v4/pgxpool.Connect": true, "github.com/jackc/pgx/v4/pgxpool.ConnectConfig": true,
	"github.com/jmoiron/sqlx.ConnectContext":    true,
	"go.mongodb.org/mongo-driver/mongo.Connect": true, "go.mongodb.org/mongo-driver/v2/mongo.Connect": true,
}

// DriverAliases are database/sql driver names registered by the same
// driver: pgx v5.12.0's stdlib registers "pgx/v5", and "pgx" unless a
// driver of that name exists (stdlib/sql.go:115-118; v4.18.3 registers
// "pgx/v4" and "pgx" alike, so "pgx" is v5's only without v4 linked).
var DriverAliases = map[string]string{"pgx/v5": "pgx"}

// DriverPackages name the driver behind a database/sql driver name, for
// messages: a site on another driver than the shared pool's keeps its
// pool, since errors and scanned types differ (*pq.Error, *pgconn.PgError).
var DriverPackages = map[string]string{
	"pgx": "github.com/jackc/pgx/v5/stdlib", "postgres": "github.com/lib/pq",
	"mysql": "github.com/go-sql-driver/mysql", "sqlite3": "github.com/mattn/go-sqlite3",
	"pgx/v4": "github.com/jackc/pgx/v4/stdlib", "sqlserver": "github.com/microsoft/go-mssqldb",
	"mssql": "github.com/microsoft/go-mssqldb",
}

// A Dialector is a gorm dialector constructor: the driver it opens with
// by default (gorm.io/driver/postgres v1.6.3 opens with pgx's stdlib
// unless its Config's DriverName names another, postgres.go:93), and its
// config's fields that say where it connects (DSN, mysql's DSNConfig) or
// hand it an existing pool (Conn).
type Dialector struct {
	Driver    string
	ConfigDSN []string // the fields of New's config that say where
}

// Dialectors maps gorm dialector constructors to their driver. Open takes
// the DSN, New a config with DSN or Conn fields.
var Dialectors = map[string]Dialector{
	"gorm.io/driver/postgres.Open":  {Driver: "pgx", ConfigDSN: []string{"DSN"}},
	"gorm.io/driver/postgres.New":   {Driver: "pgx", ConfigDSN: []string{"DSN"}},
	"gorm.io/driver/mysql.Open":     {Driver: "mysql", ConfigDSN: []string{"DSN", "DSNConfig"}},
	"gorm.io/driver/mysql.New":      {Driver: "mysql", ConfigDSN: []string{"DSN", "DSNConfig"}},
	"gorm.io/driver/sqlserver.Open": {Driver: "sqlserver", ConfigDSN: []string{"DSN"}},
	"gorm.io/driver/sqlserver.New":  {Driver: "sqlserver", ConfigDSN: []string{"DSN"}},
	"gorm.io/driver/sqlite.Open":    {Driver: "sqlite3", ConfigDSN: []string{"DSN"}},
	"gorm.io/driver/sqlite.New":     {Driver: "sqlite3", ConfigDSN: []string{"DSN"}},
}

// HandleOpenOnly are the fields of a handle's config that act only while
// it is opened (gorm v1.31.2 gorm.go: DisableAutomaticPing, read by Open),
// so that they may differ between a site and the shared handle.
var HandleOpenOnly = map[string]bool{"DisableAutomaticPing": true}

// A Wrapper builds a pool over one that exists: where it connects is where
// the pool it is given connects (pgx v5.12.0 stdlib/sql.go:227,250; sqlx
// v1.4.0 sqlx.go:254; database/sql.OpenDB connects where its connector
// does, which is followed only when it is a wrapper too:
// stdlib.GetPoolConnector).
type Wrapper struct {
	Of     int    // the argument holding the existing pool
	Driver string // the driver it speaks over it; "" for the wrapped pool's
}

// Wrappers maps the functions that build a pool over another to it.
var Wrappers = map[string]Wrapper{
	"github.com/jackc/pgx/v5/stdlib.OpenDBFromPool":   {Of: 0, Driver: "pgx"},
	"github.com/jackc/pgx/v5/stdlib.GetPoolConnector": {Of: 0, Driver: "pgx"},
	"database/sql.OpenDB":                             {Of: 0},
	"github.com/jmoiron/sqlx.NewDb":                   {Of: 0},
}
