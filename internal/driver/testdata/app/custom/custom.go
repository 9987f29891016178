// Package custom declares constructors named in .singlepool.yml.
package custom

// Client is a client with its own pool.
type Client struct{}

// Dial makes a client.
func Dial(addr string) *Client { return &Client{} }

// Config configures a client.
type Config struct{ Addr string }

// Connect makes a client.
func (c *Config) Connect() *Client { return &Client{} }
