// Package dbx holds the gorm and mongo accessors of the fixbuilders test.
package dbx

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo"
	"gorm.io/gorm"
)

// Gorm follows the shape rule for gorm.Open.
func Gorm() (*gorm.DB, error) { return nil, nil }

// Mongo follows the shape rule for mongo.Connect.
func Mongo(ctx context.Context) (*mongo.Client, error) { return nil, nil }
