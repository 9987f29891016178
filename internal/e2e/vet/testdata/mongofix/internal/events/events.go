// Package events opens its own MongoDB client per call and disconnects it
// when done. singlepool's fix calls db.Mongo instead and must remove the
// Disconnect calls: left in, each call would disconnect the shared client.
package events

import (
	"context"
	"os"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// Count counts the events of a kind.
func Count(ctx context.Context, kind string) (int64, error) {
	c, err := mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGO_URL")))
	if err != nil {
		return 0, err
	}
	defer c.Disconnect(ctx)
	return c.Database("app").Collection("events").CountDocuments(ctx, map[string]string{"kind": kind})
}

// Names lists the collections, and returns what Disconnect returns.
func Names(ctx context.Context) ([]string, error) {
	c, err := mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGO_URL")))
	if err != nil {
		return nil, err
	}
	names, err := c.Database("app").ListCollectionNames(ctx, map[string]string{})
	if err != nil {
		_ = c.Disconnect(ctx)
		return nil, err
	}
	return names, c.Disconnect(ctx)
}
