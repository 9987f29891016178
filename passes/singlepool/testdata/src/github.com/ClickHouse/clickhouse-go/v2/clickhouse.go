// Package clickhouse is a stub of github.com/ClickHouse/clickhouse-go/v2@v2.51.0 for singlepool's tests; signatures copied from the real source.
package clickhouse

import (
	"database/sql"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

type Auth struct {
	Database string
	Username string
	Password string
}

type Options struct {
	Addr         []string
	Auth         Auth
	MaxOpenConns int
}

func Open(opt *Options) (driver.Conn, error) { return nil, nil }

func OpenDB(opt *Options) *sql.DB { return nil }
