package catalog

import (
	"context"
	"database/sql"

	entsql "entgo.io/ent/dialect/sql"
	es8 "github.com/elastic/go-elasticsearch/v8"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
	"go.etcd.io/etcd/client/v3"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// Functions that wrap an existing pool or client, or only build
// configuration, are not constructors: nothing here is reported.
func wrappers(ctx context.Context, pool *pgxpool.Pool, db *sql.DB, es *es8.Client) {
	sqlDB := stdlib.OpenDBFromPool(pool)
	defer sqlDB.Close()

	xdb := sqlx.NewDb(db, "pgx")
	_ = xdb.Ping()

	bdb := bun.NewDB(db, pgdialect.New())
	_ = bdb

	drv := entsql.OpenDB("postgres", db)
	_ = drv

	typed := es8.NewTypedFrom(es)
	_ = typed

	cfg, _ := pgxpool.ParseConfig(dsn)
	_ = cfg

	dialector := postgres.Open(dsn)
	_ = dialector

	local := clientv3.NewCtxClient(ctx)
	_ = local.Close()

	// Constructors given an existing pool open no connections of their own.
	gdb, _ := gorm.Open(postgres.New(postgres.Config{Conn: db}))
	_ = gdb
	viaConnector := sql.OpenDB(stdlib.GetPoolConnector(pool))
	_ = viaConnector
	connector := stdlib.GetPoolConnector(pool)
	viaLocal := sql.OpenDB(connector)
	_ = viaLocal
}

// The same constructors given a DSN or a nil Conn open a pool.
func notWrappers(dsn string) {
	gdb, _ := gorm.Open(postgres.New(postgres.Config{DSN: dsn})) // want `gorm\.Open creates a new connection pool`
	_ = gdb
	nilConn, _ := gorm.Open(postgres.New(postgres.Config{Conn: nil, DSN: dsn})) // want `gorm\.Open creates a new connection pool`
	_ = nilConn
}
