// Package driver is a stub of github.com/ClickHouse/clickhouse-go/v2@v2.51.0 for singlepool's tests; signatures copied from the real source.
// Conn is cut down to a few of its methods.
package driver

import "context"

type Conn interface {
	Exec(ctx context.Context, query string, args ...any) error
	Ping(context.Context) error
	Close() error
}
