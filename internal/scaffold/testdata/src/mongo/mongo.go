package mongo // want package:"pools\\(factories=true, sites=0\\)"

// Package mongo connects mongo-driver clients: -init writes Mongo(ctx).

import (
	"context"
	"os"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

func A(ctx context.Context) (*mongo.Client, error) { // want A:"factory\\(mongo\\.Connect at mongo/mongo\\.go:14\\)"
	return mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGODB_URI"))) // want `mongo.Connect creates a new connection pool`
}

func B(ctx context.Context) (*mongo.Client, error) { // want B:"factory\\(mongo\\.Connect at mongo/mongo\\.go:18\\)"
	return mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGODB_URI"))) // want `mongo.Connect creates a new connection pool`
}
