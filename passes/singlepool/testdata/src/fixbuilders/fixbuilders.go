// Package fixbuilders builds gorm and mongo clients through the libraries'
// builders (postgres.Open, options.Client().ApplyURI), which a fix may
// drop: sites with the shared pool's arguments are fixed, others not.
package fixbuilders

import (
	"context"
	"os"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

func orders() error {
	db, err := gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{}) // want `gorm\.Open creates a new connection pool outside example.com/pool/db, example.com/pool/dbx; use the shared pool$`
	if err != nil {
		return err
	}
	_ = db
	return nil
}

func analytics() error {
	db, err := gorm.Open(postgres.Open(os.Getenv("ANALYTICS_URL")), &gorm.Config{}) // want `gorm\.Open creates .*\(no suggested fix: it connects with \(\$ANALYTICS_URL\); the shared pool with \(\$DATABASE_URL\)\)`
	if err != nil {
		return err
	}
	_ = db
	return nil
}

func events(ctx context.Context) error {
	c, err := mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGO_URL"))) // want `mongo\.Connect creates a new connection pool outside example.com/pool/db, example.com/pool/dbx; use the shared pool$`
	if err != nil {
		return err
	}
	_ = c
	return nil
}

func bulk(ctx context.Context) error {
	c, err := mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGO_URL")).SetMaxPoolSize(50)) // want `mongo\.Connect creates .*\(no suggested fix: it configures its own pool \(SetMaxPoolSize\); the fix would use the shared pool's settings instead\)`
	if err != nil {
		return err
	}
	_ = c
	return nil
}

// sessions disconnects its client when done: the fix removes the
// Disconnect, which would disconnect the shared client.
func sessions(ctx context.Context) error {
	c, err := mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGO_URL"))) // want `mongo\.Connect creates a new connection pool outside example.com/pool/db, example.com/pool/dbx; use the shared pool$`
	if err != nil {
		return err
	}
	defer c.Disconnect(ctx)
	_ = c.Database("sessions")
	return nil
}

// audit returns what Disconnect returns: the fix returns nil instead.
func audit(ctx context.Context) error {
	c, err := mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGO_URL"))) // want `mongo\.Connect creates a new connection pool outside example.com/pool/db, example.com/pool/dbx; use the shared pool$`
	if err != nil {
		return err
	}
	_ = c.Database("audit")
	return c.Disconnect(ctx)
}

// purge disconnects with a context it builds in the call: dropping the
// call could drop what building it does.
func purge(ctx context.Context) error {
	c, err := mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGO_URL"))) // want `mongo\.Connect creates .*\(no suggested fix: dropping newContext\(\) could drop side effects\)`
	if err != nil {
		return err
	}
	defer c.Disconnect(newContext())
	_ = c.Database("purge")
	return nil
}

func newContext() context.Context {
	println("new context")
	return context.Background()
}

// report closes gorm's pool through its *sql.DB (DB()), gorm's own way:
// the fix removes that Close and the view left unused.
func report() error {
	gdb, err := gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{}) // want `gorm\.Open creates a new connection pool outside example.com/pool/db, example.com/pool/dbx; use the shared pool$`
	if err != nil {
		return err
	}
	sqlDB, err := gdb.DB()
	if err != nil {
		return err
	}
	defer sqlDB.Close()
	return gdb.Exec("SELECT 1").Error
}

// tuned limits gorm's pool through the same view: the fix would limit
// the shared pool, so none.
func tuned() error {
	gdb, err := gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{}) // want `gorm\.Open creates .*\(no suggested fix: it tunes its pool after building it \(sqlDB\.SetMaxOpenConns\(2\)\); the fix would tune the shared pool\)`
	if err != nil {
		return err
	}
	sqlDB, _ := gdb.DB()
	sqlDB.SetMaxOpenConns(2)
	return gdb.Exec("SELECT 1").Error
}
