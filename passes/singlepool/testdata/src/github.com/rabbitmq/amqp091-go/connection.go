// Package amqp091 is a stub of github.com/rabbitmq/amqp091-go@v1.16.0 for singlepool's tests; signatures copied from the real source.
package amqp091

import (
	"crypto/tls"
	"time"
)

type Config struct {
	Vhost           string
	ChannelMax      uint16
	Heartbeat       time.Duration
	TLSClientConfig *tls.Config
}

type Connection struct{}

type Channel struct{}

func Dial(url string) (*Connection, error) { return &Connection{}, nil }

func DialTLS(url string, amqps *tls.Config) (*Connection, error) { return &Connection{}, nil }

func DialTLS_ExternalAuth(url string, amqps *tls.Config) (*Connection, error) {
	return &Connection{}, nil
}

func DialConfig(url string, config Config) (*Connection, error) { return &Connection{}, nil }

func (c *Connection) Channel() (*Channel, error) { return &Channel{}, nil }

func (c *Connection) Close() error { return nil }

func (ch *Channel) Close() error { return nil }
