package claims

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

// Factories that build a pool only on some paths do not build one on
// every call.

type Broker struct {
	cluster *redis.ClusterClient
	addrs   []string
}

// NewBroker builds a cluster client only for several hosts.
func NewBroker(addrs []string) *Broker {
	if len(addrs) > 1 {
		return &Broker{cluster: redis.NewClusterClient(&redis.ClusterOptions{Addrs: addrs})} // want `^redis\.NewClusterClient creates a new connection pool outside`
	}
	return &Broker{addrs: addrs}
}

type Store struct {
	dsn  string
	pool *pgxpool.Pool
}

// NewLazy opens at once only when asked to.
func NewLazy(ctx context.Context, dsn string, eager bool) *Store {
	s := &Store{dsn: dsn}
	if eager {
		s.pool, _ = pgxpool.New(ctx, dsn) // want `^pgxpool\.New creates a new connection pool outside`
	}
	return s
}

// OpenStore fails without a DSN and builds a pool on every other path:
// a factory.
func OpenStore(ctx context.Context, dsn string) (*Store, error) { // want OpenStore:"factory\\(pgxpool.New at claims/paths.go:52\\)"
	if dsn == "" {
		return nil, errors.New("no dsn")
	}
	if len(dsn) > 1000 {
		log.Fatal("dsn too long")
	}
	p, err := pgxpool.New(ctx, dsn) // want `^pgxpool\.New creates a new connection pool outside`
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	return &Store{dsn: dsn, pool: p}, nil
}

// Reconnect stores a new pool in its receiver only when it has none.
func (s *Store) Reconnect(ctx context.Context) error {
	if s.dsn == "" {
		return nil
	}
	if s.pool != nil {
		return nil
	}
	var err error
	s.pool, err = pgxpool.New(ctx, s.dsn) // want `^pgxpool\.New creates a new connection pool outside`
	return err
}

// Redial always replaces its receiver's pool: a factory.
func (s *Store) Redial(ctx context.Context) error { // want Redial:"factory\\(pgxpool.New at claims/paths.go:75\\)"
	var err error
	s.pool, err = pgxpool.New(ctx, s.dsn) // want `^pgxpool\.New creates a new connection pool outside`
	return err
}
