// Package spanner is a stub of cloud.google.com/go/spanner@v1.96.1 for singlepool's tests; signatures copied from the real source.
package spanner

import (
	"context"

	"google.golang.org/api/option"
)

type SessionPoolConfig struct {
	MinOpened uint64
	MaxOpened uint64
}

type ClientConfig struct {
	NumChannels int
	SessionPoolConfig
}

type Client struct{}

func NewClient(ctx context.Context, database string, opts ...option.ClientOption) (*Client, error) {
	return &Client{}, nil
}

func NewClientWithConfig(ctx context.Context, database string, config ClientConfig, opts ...option.ClientOption) (c *Client, err error) {
	return &Client{}, nil
}

type ReadOnlyTransaction struct{}

func (c *Client) Single() *ReadOnlyTransaction { return &ReadOnlyTransaction{} }

func (c *Client) Close() {}
