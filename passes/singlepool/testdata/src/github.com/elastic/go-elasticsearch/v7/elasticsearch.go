// Package elasticsearch is a stub of github.com/elastic/go-elasticsearch/v7@v7.17.10 for singlepool's tests; signatures copied from the real source.
package elasticsearch

import "net/http"

type Config struct {
	Addresses []string
	Username  string
	Password  string
}

type Client struct{}

func NewDefaultClient() (*Client, error) { return &Client{}, nil }

func NewClient(cfg Config) (*Client, error) { return &Client{}, nil }

func (c *Client) Perform(req *http.Request) (*http.Response, error) { return nil, nil }
