package more // want package:"pools\\(factories=true, sites=6\\)"

import (
	"context"
	"os"

	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// Open builds the pools of the other libraries once.
func Open(ctx context.Context) { // want Open:"helper\\(gorm.Open at more/more.go:16\\)"
	gdb, _ := gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")))
	sqlDB, _ := gdb.DB()
	sqlDB.SetMaxOpenConns(9) // 9 (SetMaxOpenConns), through gorm's DB()

	_ = redis.NewClusterClient(&redis.ClusterOptions{}) // 5×CPUs per node (default)

	opts := options.Client().SetMaxPoolSize(40)
	_, _ = mongo.Connect(ctx, opts) // 40 (SetMaxPoolSize), through a local
	_, _ = mongo.Connect(ctx)       // 100 (default maxPoolSize)
}

// Tuned hands its options to a function that may set PoolSize: not counted.
func Tuned() {
	opt := &redis.Options{Addr: "cache:6379"}
	apply(opt)
	_ = redis.NewClient(opt)
}

func apply(o *redis.Options) { o.PoolSize = 3 }

// Mongo sets the pool size on its options in a statement of its own.
func Mongo(ctx context.Context, n uint64) {
	opts := options.Client()
	if n > 0 {
		opts.SetMaxPoolSize(n)
	}
	_, _ = mongo.Connect(ctx, opts)
}
