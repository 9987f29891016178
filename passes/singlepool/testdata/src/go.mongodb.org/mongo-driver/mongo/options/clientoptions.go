// Package options is a stub of go.mongodb.org/mongo-driver@v1.17.10 for singlepool's tests; signatures copied from the real source.
package options

type ClientOptions struct {
	Hosts   []string
	AppName *string
}

func Client() *ClientOptions { return &ClientOptions{} }

func (c *ClientOptions) ApplyURI(uri string) *ClientOptions { return c }

func (c *ClientOptions) SetMaxPoolSize(u uint64) *ClientOptions { return c }
