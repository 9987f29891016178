package iface // want package:"pools\\(factories=true, sites=0\\)"

import "github.com/redis/go-redis/v9"

// ConnOpt is asynq's RedisConnOpt: every implementation builds a client.
type ConnOpt interface {
	MakeClient() *redis.Client // want MakeClient:"factory\\(\\(iface.ClientOpt\\).MakeClient: redis.NewClient at iface/iface.go:13\\)"
}

type ClientOpt struct{ Addr string }

func (o ClientOpt) MakeClient() *redis.Client { // want MakeClient:"factory\\(redis.NewClient at iface/iface.go:13\\)"
	return redis.NewClient(&redis.Options{Addr: o.Addr})
}

type FailoverOpt struct{ Master string }

func (o *FailoverOpt) MakeClient() *redis.Client { // want MakeClient:"factory\\(redis.NewFailoverClient at iface/iface.go:19\\)"
	return redis.NewFailoverClient(&redis.FailoverOptions{MasterName: o.Master})
}

type Client struct{ rdb *redis.Client }

// NewClient builds a client through the interface: a factory.
func NewClient(opt ConnOpt) *Client { // want NewClient:"factory\\(\\(iface.ClientOpt\\).MakeClient: redis.NewClient at iface/iface.go:13\\)"
	return &Client{rdb: opt.MakeClient()}
}

// Source has an implementation that hands out a kept client: calling it
// does not always build one.
type Source interface {
	Client() *redis.Client
}

type fresh struct{}

func (fresh) Client() *redis.Client { return redis.NewClient(&redis.Options{}) } // want Client:"factory\\(redis.NewClient at iface/iface.go:37\\)"

type kept struct{ c *redis.Client }

func (k kept) Client() *redis.Client { return k.c }

// Use is not a factory.
func Use(s Source) *redis.Client { return s.Client() }
