// Package gocql is a stub of github.com/apache/cassandra-gocql-driver/v2@v2.1.2 for singlepool's tests; signatures copied from the real source.
package gocql

import "context"

type ClusterConfig struct {
	Hosts    []string
	Keyspace string
	NumConns int
}

func NewCluster(hosts ...string) *ClusterConfig { return &ClusterConfig{Hosts: hosts} }

func (cfg *ClusterConfig) CreateSession() (*Session, error) { return &Session{}, nil }

type Session struct{}

func NewSession(cfg ClusterConfig) (*Session, error) { return &Session{}, nil }

func (s *Session) Query(stmt string, values ...interface{}) *Query { return &Query{} }

func (s *Session) Close() {}

type Query struct{}

func (q *Query) WithContext(ctx context.Context) *Query { return q }

func (q *Query) Exec() error { return nil }
