// Package dbtest runs behaviour tests without a database: each database
// and Redis server the application knows is a local listener that counts
// the connections it gets and closes them at once, so a test can tell
// which server a piece of code reaches, before and after singlepool -fix.
package dbtest

import (
	"fmt"
	"maps"
	"net"
	"os"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"example.com/incident/internal/config"
)

// A Server is a fake server: it accepts connections, counts them and
// closes them.
type Server struct {
	Env string // the environment variable that names it
	ln  net.Listener
	n   atomic.Int64
}

func listen(env string) *Server {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	s := &Server{Env: env, ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.n.Add(1)
			c.Close()
		}
	}()
	return s
}

// Addr is the server's host:port.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Conns is how many connections the server has accepted.
func (s *Server) Conns() int64 { return s.n.Load() }

// The fake servers, set by Run.
var (
	Main      *Server // DATABASE_URL
	Analytics *Server // ANALYTICS_URL
	Replica   *Server // REPLICA_URL
	Redis     *Server // REDIS_ADDR
)

func servers() []*Server { return []*Server{Main, Analytics, Replica, Redis} }

// Run starts the fake servers, points the environment at them and runs
// the package's tests: call it from TestMain, before anything builds a
// pool (the shared pools read the environment once).
func Run(m *testing.M) int {
	Main = listen(config.EnvDatabaseURL)
	Analytics = listen(config.EnvAnalyticsURL)
	Replica = listen(config.EnvReplicaURL)
	Redis = listen(config.EnvRedisAddr)
	pg := func(s *Server, db string) string {
		return fmt.Sprintf("postgres://app@%s/%s?sslmode=disable&connect_timeout=2", s.Addr(), db)
	}
	os.Setenv(config.EnvDatabaseURL, pg(Main, "app"))
	os.Setenv(config.EnvAnalyticsURL, pg(Analytics, "warehouse"))
	os.Setenv(config.EnvReplicaURL, pg(Replica, "app"))
	os.Setenv(config.EnvRedisAddr, Redis.Addr())
	return m.Run()
}

// counts is every server's count of connections.
func counts() map[*Server]int64 {
	m := make(map[*Server]int64)
	for _, s := range servers() {
		m[s] = s.Conns()
	}
	return m
}

// settle waits until no server has got a connection for a while, and
// returns the counts: pgxpool makes one more attempt in the background
// shortly after a failed one, which must not be charged to the next call.
func settle() map[*Server]int64 {
	last := counts()
	for range 20 {
		time.Sleep(150 * time.Millisecond)
		now := counts()
		if maps.Equal(now, last) {
			return now
		}
		last = now
	}
	return last
}

// Reached runs f and returns the environment variables of the servers it
// connected to (also in the background, shortly after), sorted.
func Reached(f func()) []string {
	before := settle()
	f()
	after := settle()
	var out []string
	for _, s := range servers() {
		if after[s] > before[s] {
			out = append(out, s.Env)
		}
	}
	slices.Sort(out)
	return out
}

// Want fails the test unless f reaches exactly the servers named by envs.
func Want(t *testing.T, what string, f func(), envs ...string) {
	t.Helper()
	got := Reached(f)
	want := slices.Clone(envs)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s reached %v, want %v", what, got, want)
	}
}

// Within fails the test if f reaches a server other than those named by
// envs (it may reach none: a shared pool that cached an error).
func Within(t *testing.T, what string, f func(), envs ...string) {
	t.Helper()
	for _, env := range Reached(f) {
		if !slices.Contains(envs, env) {
			t.Errorf("%s reached %s, want only %v", what, env, envs)
		}
	}
}
