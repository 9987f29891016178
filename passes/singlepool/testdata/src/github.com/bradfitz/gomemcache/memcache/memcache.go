// Package memcache is a stub of github.com/bradfitz/gomemcache@v0.0.0-20260422231931-4d751bb6e37c for singlepool's tests; signatures copied from the real source.
package memcache

import "net"

type ServerSelector interface {
	PickServer(key string) (net.Addr, error)
	Each(func(net.Addr) error) error
}

type ServerList struct{ addrs []net.Addr }

func (ss *ServerList) SetServers(servers ...string) error { return nil }

func (ss *ServerList) PickServer(key string) (net.Addr, error) { return nil, nil }

func (ss *ServerList) Each(f func(net.Addr) error) error { return nil }

type Item struct {
	Key   string
	Value []byte
}

type Client struct {
	MaxIdleConns int
	selector     ServerSelector
}

func New(server ...string) *Client { return &Client{} }

func NewFromSelector(ss ServerSelector) *Client { return &Client{selector: ss} }

func (c *Client) Get(key string) (item *Item, err error) { return nil, nil }

func (c *Client) Set(item *Item) error { return nil }

func (c *Client) Ping() error { return nil }

func (c *Client) Close() error { return nil }
