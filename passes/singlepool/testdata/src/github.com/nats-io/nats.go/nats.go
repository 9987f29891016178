// Package nats is a stub of github.com/nats-io/nats.go@v1.55.0 for singlepool's tests; signatures copied from the real source.
package nats

const DefaultURL = "nats://127.0.0.1:4222"

type Options struct {
	Url     string
	Servers []string
	Name    string
}

type Option func(*Options) error

func Name(name string) Option {
	return func(o *Options) error {
		o.Name = name
		return nil
	}
}

func GetDefaultOptions() Options { return Options{Url: DefaultURL} }

type Conn struct{}

func Connect(url string, options ...Option) (*Conn, error) { return &Conn{}, nil }

func (o Options) Connect() (*Conn, error) { return &Conn{}, nil }

func (nc *Conn) Publish(subj string, data []byte) error { return nil }

func (nc *Conn) Drain() error { return nil }

func (nc *Conn) Close() {}

type Msg struct{ Data []byte }

type MsgHandler func(msg *Msg)

type Subscription struct{}

func (nc *Conn) Subscribe(subj string, cb MsgHandler) (*Subscription, error) {
	return &Subscription{}, nil
}
