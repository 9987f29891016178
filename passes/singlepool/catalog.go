package singlepool

// kind classifies what a constructor creates.
type kind uint8

const (
	// kindPool: a pool, or a client that keeps a pool of connections.
	kindPool kind = iota
	// kindConn: exactly one connection. Reported only with single-conns,
	// because a short-lived connection (migrations, LISTEN) is often intended.
	kindConn
	// kindUser: a constructor added with the constructors setting.
	kindUser
)

// A ctor is one entry of the catalog. Name has the form printed by
// types.Func.FullName: "pkg/path.Func" or "(*pkg/path.Type).Method"
// (see FuncName).
type ctor struct {
	Name string
	Kind kind
}

// catalogNames holds the catalog's names, parsed once.
var catalogNames = func() []FuncName {
	names := make([]FuncName, len(catalog))
	for i, c := range catalog {
		n, err := ParseFuncName(c.Name)
		if err != nil {
			panic("singlepool: bad catalog entry: " + err.Error())
		}
		names[i] = n
	}
	return names
}()

// catalog is the built-in table of constructors. Every entry was checked
// against the library's source from the module proxy, at the version named
// in the comment; docs/catalog.md lists what each one creates and its
// signature.
//
// Not listed on purpose: functions that only wrap an existing pool
// or client (stdlib.OpenDBFromPool, sqlx.NewDb, bun.NewDB, entsql.OpenDB,
// elasticsearch NewTypedFrom) and functions that only build configuration
// (pgxpool.ParseConfig, gorm's postgres.Open dialector, mysql.NewConnector).
var catalog = []ctor{
	// Go standard library.
	{"database/sql.Open", kindPool},
	{"database/sql.OpenDB", kindPool},

	// github.com/jackc/pgx/v5 v5.12.0, github.com/jackc/pgx/v4 v4.18.3,
	// github.com/jackc/pgconn v1.14.3 (pgx v4's pgconn). pgx v4 has no
	// ConnectWithOptions, and its pgxpool no New or NewWithConfig.
	{"github.com/jackc/pgx/v5/pgxpool.New", kindPool},
	{"github.com/jackc/pgx/v5/pgxpool.NewWithConfig", kindPool},
	{"github.com/jackc/pgx/v4/pgxpool.Connect", kindPool},
	{"github.com/jackc/pgx/v4/pgxpool.ConnectConfig", kindPool},
	{"github.com/jackc/pgx/v5/stdlib.OpenDB", kindPool},
	{"github.com/jackc/pgx/v4/stdlib.OpenDB", kindPool},
	{"github.com/jackc/pgx/v5.Connect", kindConn},
	{"github.com/jackc/pgx/v5.ConnectConfig", kindConn},
	{"github.com/jackc/pgx/v5.ConnectWithOptions", kindConn},
	{"github.com/jackc/pgx/v5/pgconn.Connect", kindConn},
	{"github.com/jackc/pgx/v5/pgconn.ConnectConfig", kindConn},
	{"github.com/jackc/pgx/v5/pgconn.ConnectWithOptions", kindConn},
	{"github.com/jackc/pgx/v4.Connect", kindConn},
	{"github.com/jackc/pgx/v4.ConnectConfig", kindConn},
	{"github.com/jackc/pgconn.Connect", kindConn},
	{"github.com/jackc/pgconn.ConnectConfig", kindConn},
	{"github.com/jackc/pgconn.ConnectWithOptions", kindConn},

	// github.com/jmoiron/sqlx v1.4.0.
	{"github.com/jmoiron/sqlx.Open", kindPool},
	{"github.com/jmoiron/sqlx.MustOpen", kindPool},
	{"github.com/jmoiron/sqlx.Connect", kindPool},
	{"github.com/jmoiron/sqlx.MustConnect", kindPool},
	{"github.com/jmoiron/sqlx.ConnectContext", kindPool},

	// gorm.io/gorm v1.31.2, entgo.io/ent v0.14.5.
	{"gorm.io/gorm.Open", kindPool},
	{"entgo.io/ent/dialect/sql.Open", kindPool},

	// github.com/redis/go-redis/v9 v9.23.0, github.com/go-redis/redis/v8 v8.11.5.
	{"github.com/redis/go-redis/v9.NewClient", kindPool},
	{"github.com/redis/go-redis/v9.NewClusterClient", kindPool},
	{"github.com/redis/go-redis/v9.NewFailoverClient", kindPool},
	{"github.com/redis/go-redis/v9.NewFailoverClusterClient", kindPool},
	{"github.com/redis/go-redis/v9.NewRing", kindPool},
	{"github.com/redis/go-redis/v9.NewUniversalClient", kindPool},
	{"github.com/redis/go-redis/v9.NewSentinelClient", kindPool},
	{"github.com/go-redis/redis/v8.NewClient", kindPool},
	{"github.com/go-redis/redis/v8.NewClusterClient", kindPool},
	{"github.com/go-redis/redis/v8.NewFailoverClient", kindPool},
	{"github.com/go-redis/redis/v8.NewFailoverClusterClient", kindPool},
	{"github.com/go-redis/redis/v8.NewRing", kindPool},
	{"github.com/go-redis/redis/v8.NewUniversalClient", kindPool},
	{"github.com/go-redis/redis/v8.NewSentinelClient", kindPool},
	// github.com/redis/rueidis v1.0.79.
	{"github.com/redis/rueidis.NewClient", kindPool},

	// go.mongodb.org/mongo-driver v1.17.10, go.mongodb.org/mongo-driver/v2 v2.10.0
	// (v2 has no NewClient).
	{"go.mongodb.org/mongo-driver/mongo.Connect", kindPool},
	{"go.mongodb.org/mongo-driver/mongo.NewClient", kindPool},
	{"go.mongodb.org/mongo-driver/v2/mongo.Connect", kindPool},

	// github.com/ClickHouse/clickhouse-go/v2 v2.51.0.
	{"github.com/ClickHouse/clickhouse-go/v2.Open", kindPool},
	{"github.com/ClickHouse/clickhouse-go/v2.OpenDB", kindPool},

	// github.com/gocql/gocql v1.7.0 and its successor
	// github.com/apache/cassandra-gocql-driver/v2 v2.1.2.
	{"(*github.com/gocql/gocql.ClusterConfig).CreateSession", kindPool},
	{"github.com/gocql/gocql.NewSession", kindPool},
	{"(*github.com/apache/cassandra-gocql-driver/v2.ClusterConfig).CreateSession", kindPool},
	{"github.com/apache/cassandra-gocql-driver/v2.NewSession", kindPool},

	// github.com/elastic/go-elasticsearch v7.17.10, v8.19.7, v9.5.2. v7 has
	// only NewClient and NewDefaultClient; v8 and v9 also have NewBaseClient
	// and the functional-option New, NewBase and NewTyped. NewTypedFrom is
	// not listed: it reuses the transport of an existing client.
	{"github.com/elastic/go-elasticsearch/v7.NewClient", kindPool},
	{"github.com/elastic/go-elasticsearch/v7.NewDefaultClient", kindPool},
	{"github.com/elastic/go-elasticsearch/v8.NewClient", kindPool},
	{"github.com/elastic/go-elasticsearch/v8.NewDefaultClient", kindPool},
	{"github.com/elastic/go-elasticsearch/v8.NewTypedClient", kindPool},
	{"github.com/elastic/go-elasticsearch/v8.NewBaseClient", kindPool},
	{"github.com/elastic/go-elasticsearch/v8.New", kindPool},
	{"github.com/elastic/go-elasticsearch/v8.NewBase", kindPool},
	{"github.com/elastic/go-elasticsearch/v8.NewTyped", kindPool},
	{"github.com/elastic/go-elasticsearch/v9.NewClient", kindPool},
	{"github.com/elastic/go-elasticsearch/v9.NewDefaultClient", kindPool},
	{"github.com/elastic/go-elasticsearch/v9.NewTypedClient", kindPool},
	{"github.com/elastic/go-elasticsearch/v9.NewBaseClient", kindPool},
	{"github.com/elastic/go-elasticsearch/v9.New", kindPool},
	{"github.com/elastic/go-elasticsearch/v9.NewBase", kindPool},
	{"github.com/elastic/go-elasticsearch/v9.NewTyped", kindPool},

	// github.com/bradfitz/gomemcache v0.0.0-20260422231931-4d751bb6e37c
	// (untagged; the client keeps idle connections per server),
	// go.etcd.io/etcd/client/v3 v3.7.3, cloud.google.com/go/spanner v1.96.1
	// (the client keeps a session pool). etcd's NewCtxClient is not listed:
	// it makes no connection.
	{"github.com/bradfitz/gomemcache/memcache.New", kindPool},
	{"github.com/bradfitz/gomemcache/memcache.NewFromSelector", kindPool},
	{"go.etcd.io/etcd/client/v3.New", kindPool},
	{"go.etcd.io/etcd/client/v3.NewFromURL", kindPool},
	{"go.etcd.io/etcd/client/v3.NewFromURLs", kindPool},
	{"cloud.google.com/go/spanner.NewClient", kindPool},
	{"cloud.google.com/go/spanner.NewClientWithConfig", kindPool},

	// Single connections to message brokers: github.com/nats-io/nats.go
	// v1.55.0, github.com/rabbitmq/amqp091-go v1.16.0.
	{"github.com/nats-io/nats.go.Connect", kindConn},
	{"(github.com/nats-io/nats.go.Options).Connect", kindConn},
	{"github.com/rabbitmq/amqp091-go.Dial", kindConn},
	{"github.com/rabbitmq/amqp091-go.DialConfig", kindConn},
	{"github.com/rabbitmq/amqp091-go.DialTLS", kindConn},
	{"github.com/rabbitmq/amqp091-go.DialTLS_ExternalAuth", kindConn},
}
