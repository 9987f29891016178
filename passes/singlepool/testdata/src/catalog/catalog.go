// Package catalog uses every constructor of singlepool's built-in catalog
// once, through the stubs under testdata/src. Run with single-conns and
// allow=example.com/app/internal/db.
package catalog

import (
	"context"
	"crypto/tls"
	"database/sql"
	"database/sql/driver"
	"time"

	"cloud.google.com/go/spanner"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/ClickHouse/clickhouse-go/v2"
	gocql2 "github.com/apache/cassandra-gocql-driver/v2"
	"github.com/bradfitz/gomemcache/memcache"
	es7 "github.com/elastic/go-elasticsearch/v7"
	es8 "github.com/elastic/go-elasticsearch/v8"
	es9 "github.com/elastic/go-elasticsearch/v9"
	redis8 "github.com/go-redis/redis/v8"
	"github.com/gocql/gocql"
	pgconn1 "github.com/jackc/pgconn"
	pgx4 "github.com/jackc/pgx/v4"
	pgxpool4 "github.com/jackc/pgx/v4/pgxpool"
	stdlib4 "github.com/jackc/pgx/v4/stdlib"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"
	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/redis/go-redis/v9"
	"github.com/redis/rueidis"
	"go.etcd.io/etcd/client/v3"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	mongo2 "go.mongodb.org/mongo-driver/v2/mongo"
	options2 "go.mongodb.org/mongo-driver/v2/mongo/options"
	"google.golang.org/api/option"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

const (
	dsn       = "postgres://localhost/app"
	uri       = "amqp://localhost"
	addr      = "localhost:6379"
	spannerDB = "projects/p/instances/i/databases/d"
)

var addrs = []string{addr}

func all(ctx context.Context, connector driver.Connector, poolCfg *pgxpool.Config, poolCfg4 *pgxpool4.Config, connCfg *pgx.ConnConfig, connCfg4 *pgx4.ConnConfig) {
	cluster := gocql.NewCluster(addrs...)
	cluster2 := gocql2.NewCluster(addrs...)

	// Go standard library.
	db1, _ := sql.Open("pgx", dsn) // want `^sql\.Open creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	db2 := sql.OpenDB(connector)   // want `^sql\.OpenDB creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`

	// github.com/jackc/pgx/v5 and v4.
	p1, _ := pgxpool.New(ctx, dsn)                                               // want `^pgxpool\.New creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	p2, _ := pgxpool.NewWithConfig(ctx, poolCfg)                                 // want `^pgxpool\.NewWithConfig creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	p3, _ := pgxpool4.Connect(ctx, dsn)                                          // want `^pgxpool4\.Connect creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	p4, _ := pgxpool4.ConnectConfig(ctx, poolCfg4)                               // want `^pgxpool4\.ConnectConfig creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	db3 := stdlib.OpenDB(*connCfg)                                               // want `^stdlib\.OpenDB creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	db4 := stdlib4.OpenDB(*connCfg4)                                             // want `^stdlib4\.OpenDB creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	c1, _ := pgx.Connect(ctx, dsn)                                               // want `^pgx\.Connect opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	c2, _ := pgx.ConnectConfig(ctx, connCfg)                                     // want `^pgx\.ConnectConfig opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	c3, _ := pgx.ConnectWithOptions(ctx, dsn, pgx.ParseConfigOptions{})          // want `^pgx\.ConnectWithOptions opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	c4, _ := pgconn.Connect(ctx, dsn)                                            // want `^pgconn\.Connect opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	c5, _ := pgconn.ConnectConfig(ctx, &connCfg.Config)                          // want `^pgconn\.ConnectConfig opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	c6, _ := pgconn.ConnectWithOptions(ctx, dsn, pgconn.ParseConfigOptions{})    // want `^pgconn\.ConnectWithOptions opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	c7, _ := pgx4.Connect(ctx, dsn)                                              // want `^pgx4\.Connect opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	c8, _ := pgx4.ConnectConfig(ctx, connCfg4)                                   // want `^pgx4\.ConnectConfig opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	c9, _ := pgconn1.Connect(ctx, dsn)                                           // want `^pgconn1\.Connect opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	c10, _ := pgconn1.ConnectConfig(ctx, &connCfg4.Config)                       // want `^pgconn1\.ConnectConfig opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	c11, _ := pgconn1.ConnectWithOptions(ctx, dsn, pgconn1.ParseConfigOptions{}) // want `^pgconn1\.ConnectWithOptions opens a new database connection outside example\.com/app/internal/db; use the shared pool$`

	// github.com/jmoiron/sqlx.
	x1, _ := sqlx.Open("pgx", dsn)                // want `^sqlx\.Open creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	x2 := sqlx.MustOpen("pgx", dsn)               // want `^sqlx\.MustOpen creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	x3, _ := sqlx.Connect("pgx", dsn)             // want `^sqlx\.Connect creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	x4 := sqlx.MustConnect("pgx", dsn)            // want `^sqlx\.MustConnect creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	x5, _ := sqlx.ConnectContext(ctx, "pgx", dsn) // want `^sqlx\.ConnectContext creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`

	// gorm.io/gorm (postgres.Open only builds a dialector), entgo.io/ent.
	g1, _ := gorm.Open(postgres.Open(dsn), &gorm.Config{}) // want `^gorm\.Open creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	e1, _ := entsql.Open("postgres", dsn)                  // want `^entsql\.Open creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`

	// github.com/redis/go-redis/v9, github.com/go-redis/redis/v8, github.com/redis/rueidis.
	r1 := redis.NewClient(&redis.Options{Addr: addr})                                                      // want `^redis\.NewClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r2 := redis.NewClusterClient(&redis.ClusterOptions{Addrs: addrs})                                      // want `^redis\.NewClusterClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r3 := redis.NewFailoverClient(&redis.FailoverOptions{MasterName: "m", SentinelAddrs: addrs})           // want `^redis\.NewFailoverClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r4 := redis.NewFailoverClusterClient(&redis.FailoverOptions{MasterName: "m", SentinelAddrs: addrs})    // want `^redis\.NewFailoverClusterClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r5 := redis.NewRing(&redis.RingOptions{Addrs: map[string]string{"a": addr}})                           // want `^redis\.NewRing creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r6 := redis.NewUniversalClient(&redis.UniversalOptions{Addrs: addrs})                                  // want `^redis\.NewUniversalClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r7 := redis.NewSentinelClient(&redis.Options{Addr: addr})                                              // want `^redis\.NewSentinelClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r8 := redis8.NewClient(&redis8.Options{Addr: addr})                                                    // want `^redis8\.NewClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r9 := redis8.NewClusterClient(&redis8.ClusterOptions{Addrs: addrs})                                    // want `^redis8\.NewClusterClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r10 := redis8.NewFailoverClient(&redis8.FailoverOptions{MasterName: "m", SentinelAddrs: addrs})        // want `^redis8\.NewFailoverClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r11 := redis8.NewFailoverClusterClient(&redis8.FailoverOptions{MasterName: "m", SentinelAddrs: addrs}) // want `^redis8\.NewFailoverClusterClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r12 := redis8.NewRing(&redis8.RingOptions{Addrs: map[string]string{"a": addr}})                        // want `^redis8\.NewRing creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r13 := redis8.NewUniversalClient(&redis8.UniversalOptions{Addrs: addrs})                               // want `^redis8\.NewUniversalClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r14 := redis8.NewSentinelClient(&redis8.Options{Addr: addr})                                           // want `^redis8\.NewSentinelClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	r15, _ := rueidis.NewClient(rueidis.ClientOption{InitAddress: addrs})                                  // want `^rueidis\.NewClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`

	// go.mongodb.org/mongo-driver v1 and v2.
	m1, _ := mongo.Connect(ctx, options.Client().ApplyURI(uri)) // want `^mongo\.Connect creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	m2, _ := mongo.NewClient(options.Client().ApplyURI(uri))    // want `^mongo\.NewClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	m3, _ := mongo2.Connect(options2.Client().ApplyURI(uri))    // want `^mongo2\.Connect creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`

	// github.com/ClickHouse/clickhouse-go/v2.
	ch1, _ := clickhouse.Open(&clickhouse.Options{Addr: addrs}) // want `^clickhouse\.Open creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	db5 := clickhouse.OpenDB(&clickhouse.Options{Addr: addrs})  // want `^clickhouse\.OpenDB creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`

	// github.com/gocql/gocql, github.com/apache/cassandra-gocql-driver/v2.
	s1, _ := cluster.CreateSession()      // want `^\(\*gocql\.ClusterConfig\)\.CreateSession creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	s2, _ := gocql.NewSession(*cluster)   // want `^gocql\.NewSession creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	s3, _ := cluster2.CreateSession()     // want `^\(\*gocql\.ClusterConfig\)\.CreateSession creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	s4, _ := gocql2.NewSession(*cluster2) // want `^gocql2\.NewSession creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`

	// github.com/elastic/go-elasticsearch v7, v8, v9.
	es1, _ := es7.NewClient(es7.Config{Addresses: addrs})       // want `^es7\.NewClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es2, _ := es7.NewDefaultClient()                            // want `^es7\.NewDefaultClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es3, _ := es8.NewClient(es8.Config{Addresses: addrs})       // want `^es8\.NewClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es4, _ := es8.NewDefaultClient()                            // want `^es8\.NewDefaultClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es5, _ := es8.NewTypedClient(es8.Config{Addresses: addrs})  // want `^es8\.NewTypedClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es6, _ := es8.NewBaseClient(es8.Config{Addresses: addrs})   // want `^es8\.NewBaseClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es7c, _ := es8.New(es8.WithAddresses(addrs...))             // want `^es8\.New creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es8c, _ := es8.NewBase(es8.WithAddresses(addrs...))         // want `^es8\.NewBase creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es9c, _ := es8.NewTyped(es8.WithAddresses(addrs...))        // want `^es8\.NewTyped creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es10, _ := es9.NewClient(es9.Config{Addresses: addrs})      // want `^es9\.NewClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es11, _ := es9.NewDefaultClient()                           // want `^es9\.NewDefaultClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es12, _ := es9.NewTypedClient(es9.Config{Addresses: addrs}) // want `^es9\.NewTypedClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es13, _ := es9.NewBaseClient(es9.Config{Addresses: addrs})  // want `^es9\.NewBaseClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es14, _ := es9.New(es9.WithAddresses(addrs...))             // want `^es9\.New creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es15, _ := es9.NewBase(es9.WithAddresses(addrs...))         // want `^es9\.NewBase creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	es16, _ := es9.NewTyped(es9.WithAddresses(addrs...))        // want `^es9\.NewTyped creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`

	// github.com/bradfitz/gomemcache, go.etcd.io/etcd/client/v3, cloud.google.com/go/spanner.
	mc1 := memcache.New(addrs...)                                                                                          // want `^memcache\.New creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	mc2 := memcache.NewFromSelector(&memcache.ServerList{})                                                                // want `^memcache\.NewFromSelector creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	et1, _ := clientv3.New(clientv3.Config{Endpoints: addrs, DialTimeout: 5 * time.Second})                                // want `^clientv3\.New creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	et2, _ := clientv3.NewFromURL(addr)                                                                                    // want `^clientv3\.NewFromURL creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	et3, _ := clientv3.NewFromURLs(addrs)                                                                                  // want `^clientv3\.NewFromURLs creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	sp1, _ := spanner.NewClient(ctx, spannerDB)                                                                            // want `^spanner\.NewClient creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`
	sp2, _ := spanner.NewClientWithConfig(ctx, spannerDB, spanner.ClientConfig{NumChannels: 4}, option.WithEndpoint(addr)) // want `^spanner\.NewClientWithConfig creates a new connection pool outside example\.com/app/internal/db; use the shared pool$`

	// Message brokers: github.com/nats-io/nats.go, github.com/rabbitmq/amqp091-go.
	n1, _ := nats.Connect(nats.DefaultURL, nats.Name("app")) // want `^nats\.Connect opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	n2, _ := nats.GetDefaultOptions().Connect()              // want `^\(nats\.Options\)\.Connect opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	a1, _ := amqp.Dial(uri)                                  // want `^amqp\.Dial opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	a2, _ := amqp.DialConfig(uri, amqp.Config{Vhost: "/"})   // want `^amqp\.DialConfig opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	a3, _ := amqp.DialTLS(uri, &tls.Config{})                // want `^amqp\.DialTLS opens a new database connection outside example\.com/app/internal/db; use the shared pool$`
	a4, _ := amqp.DialTLS_ExternalAuth(uri, &tls.Config{})   // want `^amqp\.DialTLS_ExternalAuth opens a new database connection outside example\.com/app/internal/db; use the shared pool$`

	_ = []any{db1, db2, p1, p2, p3, p4, db3, db4, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, x1, x2, x3, x4, x5, g1, e1, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15, m1, m2, m3, ch1, db5, s1, s2, s3, s4, es1, es2, es3, es4, es5, es6, es7c, es8c, es9c, es10, es11, es12, es13, es14, es15, es16, mc1, mc2, et1, et2, et3, sp1, sp2, n1, n2, a1, a2, a3, a4}
}
