package catalog

import (
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
)

// Kind classifies what a constructor creates.
type Kind uint8

const (
	// KindPool: a pool, or a client that keeps a pool of connections.
	KindPool Kind = iota
	// KindConn: exactly one connection. Reported only with single-conns,
	// because a short-lived connection (migrations, LISTEN) is often intended.
	KindConn
	// KindUser: a constructor added with the constructors setting.
	KindUser
)

// A Ctor is one entry of the catalog. Name has the form printed by
// types.Func.FullName: "pkg/path.Func" or "(*pkg/path.Type).Method"
// (see FuncName).
type Ctor struct {
	Name string
	Kind Kind
}

// Names holds the catalog's names, parsed once.
var Names = func() []code.FuncName {
	names := make([]code.FuncName, len(Constructors))
	for i, c := range Constructors {
		n, err := code.ParseFuncName(c.Name)
		if err != nil {
			panic("singlepool: bad catalog entry: " + err.Error())
		}
		names[i] = n
	}
	return names
}()

// Constructors is the built-in table of constructors. Every entry was checked
// against the library's source from the module proxy, at the version named
// in the comment; docs/catalog.md lists what each one creates and its
// signature.
//
// Not listed on purpose: functions that only wrap an existing pool
// or client (stdlib.OpenDBFromPool, sqlx.NewDb, bun.NewDB, entsql.OpenDB,
// elasticsearch NewTypedFrom) and functions that only build configuration
// (pgxpool.ParseConfig, gorm's postgres.Open dialector, mysql.NewConnector).
var Constructors = []Ctor{
	// Go standard library.
	{"database/sql.Open", KindPool},
	{"database/sql.OpenDB", KindPool},

	// github.com/jackc/pgx/v5 v5.12.0, github.com/jackc/pgx/v4 v4.18.3,
	// github.com/jackc/pgconn v1.14.3 (pgx v4's pgconn). pgx v4 has no
	// ConnectWithOptions, and its pgxpool no New or NewWithConfig.
	{"github.com/jackc/pgx/v5/pgxpool.New", KindPool},
	{"github.com/jackc/pgx/v5/pgxpool.NewWithConfig", KindPool},
	{"github.com/jackc/pgx/v4/pgxpool.Connect", KindPool},
	{"github.com/jackc/pgx/v4/pgxpool.ConnectConfig", KindPool},
	{"github.com/jackc/pgx/v5/stdlib.OpenDB", KindPool},
	{"github.com/jackc/pgx/v4/stdlib.OpenDB", KindPool},
	{"github.com/jackc/pgx/v5.Connect", KindConn},
	{"github.com/jackc/pgx/v5.ConnectConfig", KindConn},
	{"github.com/jackc/pgx/v5.ConnectWithOptions", KindConn},
	{"github.com/jackc/pgx/v5/pgconn.Connect", KindConn},
	{"github.com/jackc/pgx/v5/pgconn.ConnectConfig", KindConn},
	{"github.com/jackc/pgx/v5/pgconn.ConnectWithOptions", KindConn},
	{"github.com/jackc/pgx/v4.Connect", KindConn},
	{"github.com/jackc/pgx/v4.ConnectConfig", KindConn},
	{"github.com/jackc/pgconn.Connect", KindConn},
	{"github.com/jackc/pgconn.ConnectConfig", KindConn},
	{"github.com/jackc/pgconn.ConnectWithOptions", KindConn},

	// github.com/jmoiron/sqlx v1.4.0.
	{"github.com/jmoiron/sqlx.Open", KindPool},
	{"github.com/jmoiron/sqlx.MustOpen", KindPool},
	{"github.com/jmoiron/sqlx.Connect", KindPool},
	{"github.com/jmoiron/sqlx.MustConnect", KindPool},
	{"github.com/jmoiron/sqlx.ConnectContext", KindPool},

	// gorm.io/gorm v1.31.2, entgo.io/ent v0.14.5.
	{"gorm.io/gorm.Open", KindPool},
	{"entgo.io/ent/dialect/sql.Open", KindPool},

	// github.com/redis/go-redis/v9 v9.23.0, github.com/go-redis/redis/v8 v8.11.5.
	{"github.com/redis/go-redis/v9.NewClient", KindPool},
	{"github.com/redis/go-redis/v9.NewClusterClient", KindPool},
	{"github.com/redis/go-redis/v9.NewFailoverClient", KindPool},
	{"github.com/redis/go-redis/v9.NewFailoverClusterClient", KindPool},
	{"github.com/redis/go-redis/v9.NewRing", KindPool},
	{"github.com/redis/go-redis/v9.NewUniversalClient", KindPool},
	{"github.com/redis/go-redis/v9.NewSentinelClient", KindPool},
	{"github.com/go-redis/redis/v8.NewClient", KindPool},
	{"github.com/go-redis/redis/v8.NewClusterClient", KindPool},
	{"github.com/go-redis/redis/v8.NewFailoverClient", KindPool},
	{"github.com/go-redis/redis/v8.NewFailoverClusterClient", KindPool},
	{"github.com/go-redis/redis/v8.NewRing", KindPool},
	{"github.com/go-redis/redis/v8.NewUniversalClient", KindPool},
	{"github.com/go-redis/redis/v8.NewSentinelClient", KindPool},
	// github.com/redis/rueidis v1.0.79.
	{"github.com/redis/rueidis.NewClient", KindPool},

	// go.mongodb.org/mongo-driver v1.17.10, go.mongodb.org/mongo-driver/v2 v2.10.0
	// (v2 has no NewClient).
	{"go.mongodb.org/mongo-driver/mongo.Connect", KindPool},
	{"go.mongodb.org/mongo-driver/mongo.NewClient", KindPool},
	{"go.mongodb.org/mongo-driver/v2/mongo.Connect", KindPool},

	// github.com/ClickHouse/clickhouse-go/v2 v2.51.0.
	{"github.com/ClickHouse/clickhouse-go/v2.Open", KindPool},
	{"github.com/ClickHouse/clickhouse-go/v2.OpenDB", KindPool},

	// github.com/gocql/gocql v1.7.0 and its successor
	// github.com/apache/cassandra-gocql-driver/v2 v2.1.2.
	{"(*github.com/gocql/gocql.ClusterConfig).CreateSession", KindPool},
	{"github.com/gocql/gocql.NewSession", KindPool},
	{"(*github.com/apache/cassandra-gocql-driver/v2.ClusterConfig).CreateSession", KindPool},
	{"github.com/apache/cassandra-gocql-driver/v2.NewSession", KindPool},

	// github.com/elastic/go-elasticsearch v7.17.10, v8.19.7, v9.5.2. v7 has
	// only NewClient and NewDefaultClient; v8 and v9 also have NewBaseClient
	// and the functional-option New, NewBase and NewTyped. NewTypedFrom is
	// not listed: it reuses the transport of an existing client.
	{"github.com/elastic/go-elasticsearch/v7.NewClient", KindPool},
	{"github.com/elastic/go-elasticsearch/v7.NewDefaultClient", KindPool},
	{"github.com/elastic/go-elasticsearch/v8.NewClient", KindPool},
	{"github.com/elastic/go-elasticsearch/v8.NewDefaultClient", KindPool},
	{"github.com/elastic/go-elasticsearch/v8.NewTypedClient", KindPool},
	{"github.com/elastic/go-elasticsearch/v8.NewBaseClient", KindPool},
	{"github.com/elastic/go-elasticsearch/v8.New", KindPool},
	{"github.com/elastic/go-elasticsearch/v8.NewBase", KindPool},
	{"github.com/elastic/go-elasticsearch/v8.NewTyped", KindPool},
	{"github.com/elastic/go-elasticsearch/v9.NewClient", KindPool},
	{"github.com/elastic/go-elasticsearch/v9.NewDefaultClient", KindPool},
	{"github.com/elastic/go-elasticsearch/v9.NewTypedClient", KindPool},
	{"github.com/elastic/go-elasticsearch/v9.NewBaseClient", KindPool},
	{"github.com/elastic/go-elasticsearch/v9.New", KindPool},
	{"github.com/elastic/go-elasticsearch/v9.NewBase", KindPool},
	{"github.com/elastic/go-elasticsearch/v9.NewTyped", KindPool},

	// github.com/bradfitz/gomemcache v0.0.0-20260422231931-4d751bb6e37c
	// (untagged; the client keeps idle connections per server),
	// go.etcd.io/etcd/client/v3 v3.7.3, cloud.google.com/go/spanner v1.96.1
	// (the client keeps a session pool). etcd's NewCtxClient is not listed:
	// it makes no connection.
	{"github.com/bradfitz/gomemcache/memcache.New", KindPool},
	{"github.com/bradfitz/gomemcache/memcache.NewFromSelector", KindPool},
	{"go.etcd.io/etcd/client/v3.New", KindPool},
	{"go.etcd.io/etcd/client/v3.NewFromURL", KindPool},
	{"go.etcd.io/etcd/client/v3.NewFromURLs", KindPool},
	{"cloud.google.com/go/spanner.NewClient", KindPool},
	{"cloud.google.com/go/spanner.NewClientWithConfig", KindPool},

	// Single connections to message brokers: github.com/nats-io/nats.go
	// v1.55.0, github.com/rabbitmq/amqp091-go v1.16.0.
	{"github.com/nats-io/nats.go.Connect", KindConn},
	{"(github.com/nats-io/nats.go.Options).Connect", KindConn},
	{"github.com/rabbitmq/amqp091-go.Dial", KindConn},
	{"github.com/rabbitmq/amqp091-go.DialConfig", KindConn},
	{"github.com/rabbitmq/amqp091-go.DialTLS", KindConn},
	{"github.com/rabbitmq/amqp091-go.DialTLS_ExternalAuth", KindConn},
}
