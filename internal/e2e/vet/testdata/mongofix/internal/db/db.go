// Package db owns the application's shared MongoDB client; every other
// package calls Mongo.
package db

import (
	"context"
	"os"
	"sync"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

var client = sync.OnceValues(func() (*mongo.Client, error) {
	return mongo.Connect(context.Background(), options.Client().ApplyURI(os.Getenv("MONGO_URL")))
})

// Mongo returns the shared client; mongo.Connect's replacement.
func Mongo(ctx context.Context) (*mongo.Client, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return client()
}
