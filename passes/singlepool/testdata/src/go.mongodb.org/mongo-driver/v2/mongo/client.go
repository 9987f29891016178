// Package mongo is a stub of go.mongodb.org/mongo-driver/v2@v2.10.0 for singlepool's tests; signatures copied from the real source.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

type Client struct{}

func Connect(opts ...*options.ClientOptions) (*Client, error) { return &Client{}, nil }

func (c *Client) Disconnect(ctx context.Context) error { return nil }

type Database struct{ name string }

func (c *Client) Database(name string) *Database { return &Database{name: name} }
