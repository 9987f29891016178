// Package mongo is a stub of go.mongodb.org/mongo-driver@v1.17.10 for singlepool's tests; signatures copied from the real source.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo/options"
)

type Client struct{}

func Connect(ctx context.Context, opts ...*options.ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// Deprecated: use Connect.
func NewClient(opts ...*options.ClientOptions) (*Client, error) { return &Client{}, nil }

func (c *Client) Connect(ctx context.Context) error { return nil }

func (c *Client) Disconnect(ctx context.Context) error { return nil }

type Database struct{ name string }

func (c *Client) Database(name string) *Database { return &Database{name: name} }
