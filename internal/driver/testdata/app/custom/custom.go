// Package custom declares a constructor named in .singlepool.yml.
package custom

// Client is a client with its own pool.
type Client struct{}

// Dial makes a client.
func Dial(addr string) *Client { return &Client{} }
