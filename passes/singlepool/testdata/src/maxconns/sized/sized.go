package sized // want package:"pools\\(factories=true, sites=10\\)"

import (
	"context"
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

const reportsDSN = "postgres://reports/db?pool_max_conns=7"

// Open builds every pool once.
func Open(ctx context.Context) { // want Open:"helper\\(sql.Open at sized/sized.go:26\\)"
	cfg, _ := pgxpool.ParseConfig(os.Getenv("DATABASE_URL"))
	cfg.MaxConns = 5
	_, _ = pgxpool.NewWithConfig(ctx, cfg) // 5 (MaxConns)

	_, _ = pgxpool.New(ctx, "postgres://analytics/db?pool_max_conns=20") // 20 (pool_max_conns)
	_, _ = pgxpool.New(ctx, reportsDSN+"&sslmode=disable")               // 7 (pool_max_conns)
	_, _ = pgxpool.New(ctx, os.Getenv("DATABASE_URL"))                   // max(4, CPUs) (default)

	d, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	d.SetMaxOpenConns(15) // 15 (SetMaxOpenConns)

	_ = redis.NewClient(&redis.Options{PoolSize: 8}) // 8 (PoolSize)
	opt := &redis.Options{Addr: "cache:6379"}
	_ = redis.NewClient(opt) // 10×CPUs (default PoolSize)

	_, _ = mongo.Connect(ctx, options.Client().SetMaxPoolSize(20)) // 20 (SetMaxPoolSize)
}

// Legacy is the MySQL pool, sized where it is tuned.
var Legacy *sql.DB

func OpenLegacy() { // want OpenLegacy:"factory\\(sql.Open at sized/sized.go:40\\)"
	Legacy, _ = sql.Open("mysql", os.Getenv("LEGACY_DSN"))
}

func TuneLegacy() { Legacy.SetMaxOpenConns(30) }

// Store keeps its pool in a field, sized by a method.
type Store struct{ db *sql.DB }

func NewStore() *Store { // want NewStore:"factory\\(sql.Open at sized/sized.go:50\\)"
	s := &Store{}
	s.db, _ = sql.Open("pgx", os.Getenv("DATABASE_URL"))
	return s
}

func (s *Store) Tune() { s.db.SetMaxOpenConns(12) }
