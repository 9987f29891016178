// Package pgconn is a stub of github.com/jackc/pgx/v5@v5.12.0 for singlepool's tests; signatures copied from the real source.
package pgconn

import "context"

type Config struct {
	Host     string
	Port     uint16
	Database string
	User     string
	Password string
}

type GetSSLPasswordFunc func(ctx context.Context) string

type ParseConfigOptions struct {
	GetSSLPassword GetSSLPasswordFunc
}

func ParseConfig(connString string) (*Config, error) { return &Config{}, nil }

type CommandTag struct{ s string }

func (ct CommandTag) RowsAffected() int64 { return 0 }

type MultiResultReader struct{}

func (mrr *MultiResultReader) Close() error { return nil }

type PgConn struct{}

func Connect(ctx context.Context, connString string) (*PgConn, error) { return &PgConn{}, nil }

func ConnectWithOptions(ctx context.Context, connString string, parseConfigOptions ParseConfigOptions) (*PgConn, error) {
	return &PgConn{}, nil
}

func ConnectConfig(ctx context.Context, config *Config) (*PgConn, error) { return &PgConn{}, nil }

func (pgConn *PgConn) Close(ctx context.Context) error { return nil }

func (pgConn *PgConn) Exec(ctx context.Context, sql string) *MultiResultReader {
	return &MultiResultReader{}
}

func (pgConn *PgConn) Ping(ctx context.Context) error { return nil }
