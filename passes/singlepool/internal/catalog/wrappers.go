package catalog

// MayWrap are the constructors whose first argument can hand them a pool
// that exists (a gorm dialector's Conn, a pool's connector), which
// wrapsExistingPool looks for.
var MayWrap = map[string]bool{"gorm.io/gorm.Open": true, "database/sql.OpenDB": true}

// GormDrivers are the gorm dialector packages whose Initialize uses an
// existing Conn instead of opening one: gorm.io/driver/postgres v1.6.3
// (postgres.go:91), mysql v1.6.0 (mysql.go:119), sqlite v1.6.0
// (sqlite.go:50), sqlserver v1.6.3 (sqlserver.go:57),
// github.com/glebarez/sqlite v1.11.0 (sqlite.go:42).
var GormDrivers = map[string]bool{
	"gorm.io/driver/postgres": true, "gorm.io/driver/mysql": true, "gorm.io/driver/sqlite": true,
	"gorm.io/driver/sqlserver": true, "github.com/glebarez/sqlite": true,
}

// PoolConnectors are functions returning a driver.Connector over an
// existing pool: pgx v5.12.0 stdlib/sql.go:227.
var PoolConnectors = map[string]bool{
	"github.com/jackc/pgx/v5/stdlib.GetPoolConnector": true,
}

// PoolViews are methods that return the pool a value wraps, by package and
// name: gorm's DB() is its *sql.DB.
var PoolViews = map[[2]string]bool{
	{"gorm.io/gorm", "DB"}: true,
}
