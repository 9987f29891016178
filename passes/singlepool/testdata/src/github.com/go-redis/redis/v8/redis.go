// Package redis is a stub of github.com/go-redis/redis/v8@v8.11.5 for singlepool's tests; signatures copied from the real source.
package redis

import "context"

type Options struct {
	Addr     string
	Password string
	DB       int
	PoolSize int
}

type ClusterOptions struct {
	Addrs    []string
	PoolSize int
}

type FailoverOptions struct {
	MasterName    string
	SentinelAddrs []string
}

type RingOptions struct {
	Addrs map[string]string
}

type UniversalOptions struct {
	Addrs      []string
	MasterName string
}

type StatusCmd struct{}

func (cmd *StatusCmd) Err() error { return nil }

func (cmd *StatusCmd) Result() (string, error) { return "", nil }

type StringCmd struct{}

func (cmd *StringCmd) Err() error { return nil }

func (cmd *StringCmd) Result() (string, error) { return "", nil }

type UniversalClient interface {
	Ping(ctx context.Context) *StatusCmd
	Get(ctx context.Context, key string) *StringCmd
	Close() error
}

type Client struct{}

func NewClient(opt *Options) *Client { return &Client{} }

func NewFailoverClient(failoverOpt *FailoverOptions) *Client { return &Client{} }

func (c *Client) Ping(ctx context.Context) *StatusCmd { return &StatusCmd{} }

func (c *Client) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }

func (c *Client) Close() error { return nil }

type ClusterClient struct{}

func NewClusterClient(opt *ClusterOptions) *ClusterClient { return &ClusterClient{} }

func NewFailoverClusterClient(failoverOpt *FailoverOptions) *ClusterClient {
	return &ClusterClient{}
}

func (c *ClusterClient) Ping(ctx context.Context) *StatusCmd { return &StatusCmd{} }

func (c *ClusterClient) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }

func (c *ClusterClient) Close() error { return nil }

type Ring struct{}

func NewRing(opt *RingOptions) *Ring { return &Ring{} }

func (c *Ring) Ping(ctx context.Context) *StatusCmd { return &StatusCmd{} }

func (c *Ring) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }

func (c *Ring) Close() error { return nil }

func NewUniversalClient(opts *UniversalOptions) UniversalClient { return &Client{} }

type SentinelClient struct{}

func NewSentinelClient(opt *Options) *SentinelClient { return &SentinelClient{} }

func (c *SentinelClient) Ping(ctx context.Context) *StringCmd { return &StringCmd{} }

func (c *SentinelClient) Close() error { return nil }
