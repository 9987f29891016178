// Package elasticsearch is a stub of github.com/elastic/go-elasticsearch/v8@v8.19.7 for singlepool's tests; signatures copied from the real source.
package elasticsearch

import (
	"context"
	"net/http"
)

type Config struct {
	Addresses []string
	Username  string
	Password  string
}

type clientOptions struct{ addresses []string }

type Option struct {
	apply func(*clientOptions) error
}

func WithAddresses(addrs ...string) Option {
	return Option{apply: func(o *clientOptions) error {
		o.addresses = append(o.addresses, addrs...)
		return nil
	}}
}

type BaseClient struct{}

func (c *BaseClient) Perform(req *http.Request) (*http.Response, error) { return nil, nil }

func (c *BaseClient) Close(ctx context.Context) error { return nil }

type Client struct {
	BaseClient
}

type TypedClient struct {
	BaseClient
}

func NewBaseClient(cfg Config) (*BaseClient, error) { return &BaseClient{}, nil }

func NewDefaultClient() (*Client, error) { return &Client{}, nil }

func NewClient(cfg Config) (*Client, error) { return &Client{}, nil }

func NewTypedClient(cfg Config) (*TypedClient, error) { return &TypedClient{}, nil }

func New(opts ...Option) (*Client, error) { return &Client{}, nil }

func NewBase(opts ...Option) (*BaseClient, error) { return &BaseClient{}, nil }

func NewTyped(opts ...Option) (*TypedClient, error) { return &TypedClient{}, nil }

// NewTypedFrom reuses the transport of c; it is not a constructor.
func NewTypedFrom(c *Client) *TypedClient { return &TypedClient{BaseClient: c.BaseClient} }
