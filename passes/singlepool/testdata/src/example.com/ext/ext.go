// Package ext stands for a third-party package whose constructors are
// added with the constructors setting.
package ext

type Pool struct{}

func NewPool(dsn string) *Pool { return &Pool{} }
func Other(dsn string) *Pool   { return &Pool{} }

type Config struct{}

func (*Config) Open() *Pool { return &Pool{} }
func (*Config) Close()      {}

type Wrapper struct{}

func (Wrapper) NewPool() *Pool { return nil }

type Embeds struct{ *Config }
