// Package clientv3 is a stub of go.etcd.io/etcd/client/v3@v3.7.3 for singlepool's tests; signatures copied from the real source.
// The embedded KV, Lease, Watcher, ... interfaces are left out.
package clientv3

import (
	"context"
	"time"
)

type Config struct {
	Endpoints   []string
	DialTimeout time.Duration
}

type Client struct{ ctx context.Context }

func New(cfg Config) (*Client, error) { return &Client{}, nil }

func NewFromURL(url string) (*Client, error) { return New(Config{Endpoints: []string{url}}) }

func NewFromURLs(urls []string) (*Client, error) { return New(Config{Endpoints: urls}) }

type Option func(*Client)

// NewCtxClient makes no connection; it is not a constructor.
func NewCtxClient(ctx context.Context, opts ...Option) *Client { return &Client{ctx: ctx} }

func (c *Client) Close() error { return nil }

func (c *Client) Ctx() context.Context { return c.ctx }
