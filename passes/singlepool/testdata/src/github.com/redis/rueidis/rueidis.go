// Package rueidis is a stub of github.com/redis/rueidis@v1.0.79 for singlepool's tests; signatures copied from the real source.
// Client is cut down to Close.
package rueidis

type ClientOption struct {
	InitAddress []string
	Username    string
	Password    string
}

type Client interface {
	Close()
}

func NewClient(option ClientOption) (client Client, err error) { return nil, nil }
