// Package demo is the end-to-end test of the demo in examples/demo: on a
// throwaway PostgreSQL cluster (max_connections=100) it runs the game
// backend as committed, which builds a pool per route, per request and per
// helper call, under concurrent load and sees PostgreSQL refuse connections
// ("FATAL: sorry, too many clients already"); then it applies
// `singlepool -fix` to a copy, runs the same load again and sees no failed
// request, with the connections bounded by the shared pools' sizes.
//
// It needs PostgreSQL's server binaries (/usr/lib/postgresql/*/bin, or
// PG_BIN; scripts/ci-postgres.sh installs them): without them it skips, and
// fails under CI=true. SINGLEPOOL_BIN names a singlepool binary to use
// instead of building cmd/singlepool. The before/after table goes to the test log and to
// .build/demo-results.md.
package demo

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

const (
	dbName         = "demo"
	maxConnections = 100 // the cluster's max_connections

	// The shared pools' maxima: examples/demo/internal/db's constants
	// (DefaultPgxMaxConns + DefaultSQLMaxConns; SQL and SQLX share a pool).
	pgxMaxConns = 10
	sqlMaxConns = 5
	poolBudget  = pgxMaxConns + sqlMaxConns

	clients = 40 // concurrent HTTP clients
	rounds  = 3  // each client requests every route this many times, in a shuffled order

	tooManyClients = "too many clients already"
)

// A phase is one run of the demo under load.
type phase struct {
	name       string
	findings   int // singlepool findings: the pools the code builds
	requests   int
	failed     int
	tooMany    int // failed requests whose error says "too many clients already"
	tooManyLog int // lines of the server log that say it
	peakConns  int // highest count(*) from pg_stat_activity for the demo database
	p50, p99   time.Duration
	wall       time.Duration
	errors     map[string]int // error text (shortened) -> count
	log        string         // the server's output
	ran        bool
}

func TestDemo(t *testing.T) {
	root := e2eutil.RepoRoot(t)
	demoSrc := filepath.Join(root, "examples", "demo")
	pg := startPostgres(t)
	sp := singlepoolBin(t)
	flags := demoFlags(t, demoSrc)
	routes := demoRoutes(t, demoSrc)
	t.Logf("routes: %s", strings.Join(routes, " "))
	t.Logf("singlepool flags (from .singlepool.yml): %s", strings.Join(flags, " "))

	before := &phase{name: "before"}
	after := &phase{name: "after `singlepool -fix`"}
	scratch := &phase{name: "from scratch: `-init`, then `-fix`"}
	t.Cleanup(func() { writeResults(t, before, after, scratch) })

	t.Run("before", func(t *testing.T) {
		res := e2eutil.Run(t, demoSrc, nil, sp, append(flags, "./...")...)
		before.findings = countFindings(res)
		if res.Code != 3 || before.findings == 0 {
			t.Fatalf("singlepool on the demo: exit %d with %d findings, want exit 3 with findings\n%s%s",
				res.Code, before.findings, res.Stdout, res.Stderr)
		}
		t.Logf("singlepool: %d pool constructors outside internal/db\n%s", before.findings, res.Stderr)
		// The connection budget: no bound at all (pools per request).
		if b, _ := budget(t, sp, demoSrc, flags, maxConnections); b >= 0 {
			t.Errorf("singlepool -max-conns on the demo: a bound of %d connections, want none (pools per request)", b)
		}

		runLoad(t, pg, demoSrc, routes, before)
		if before.failed == 0 {
			t.Errorf("no request failed: the unfixed demo should exhaust max_connections=%d", maxConnections)
		}
		if before.tooMany == 0 && before.tooManyLog == 0 {
			t.Errorf("%q was never seen, in %d responses or in the server log; errors: %v",
				tooManyClients, before.requests, before.errors)
		}
	})

	t.Run("after", func(t *testing.T) {
		fixed := filepath.Join(t.TempDir(), "demo")
		e2eutil.CopyDir(t, demoSrc, fixed)
		os.RemoveAll(filepath.Join(fixed, "bin"))

		res := e2eutil.Run(t, fixed, nil, sp, append(append([]string{"-fix"}, flags...), "./...")...)
		t.Logf("singlepool -fix: exit %d\n%s%s", res.Code, res.Stdout, res.Stderr)
		if res.Code != 0 && res.Code != 3 {
			t.Fatalf("singlepool -fix failed (exit %d)", res.Code)
		}
		switch d := e2eutil.Run(t, "/", nil, "diff", "-ru", demoSrc, fixed); d.Code {
		case 0:
			t.Logf("singlepool -fix changed nothing")
		case 1:
			t.Logf("the fix:\n%s", d.Stdout)
		}
		if b := e2eutil.Run(t, fixed, nil, "go", "vet", "./..."); b.Code != 0 {
			t.Fatalf("the fixed demo does not build or vet:\n%s%s", b.Stdout, b.Stderr)
		}
		res = e2eutil.Run(t, fixed, nil, sp, append(flags, "./...")...)
		after.findings = countFindings(res)
		if res.Code != 0 || after.findings != 0 {
			t.Fatalf("singlepool on the fixed demo: exit %d with %d findings, want exit 0 and none "+
				"(did -fix apply a suggested fix to every finding?)\n%s%s", res.Code, after.findings, res.Stdout, res.Stderr)
		}

		// The connection budget singlepool computes for the fixed demo
		// (max-conns=1 makes it report the program's count) is the
		// shared pools' sizes, and the measured peak must stay under it.
		bound, msg := budget(t, sp, fixed, flags, 1)
		if bound != poolBudget {
			t.Errorf("singlepool's bound for the fixed demo: %d (%s), want %d (pgx %d + database/sql %d)", bound, msg, poolBudget, pgxMaxConns, sqlMaxConns)
		}
		runLoad(t, pg, fixed, routes, after)
		if bound >= 0 && after.peakConns > bound {
			t.Errorf("peak connections after the fix: %d, over singlepool's bound of %d (%s)", after.peakConns, bound, msg)
		}
		if after.failed != 0 {
			t.Errorf("%d of %d requests failed after the fix; errors: %v", after.failed, after.requests, after.errors)
		}
		if after.peakConns > poolBudget {
			t.Errorf("peak connections after the fix: %d, want <= %d (pgx %d + database/sql %d)",
				after.peakConns, poolBudget, pgxMaxConns, sqlMaxConns)
		}
		if !strings.Contains(after.log, "db: closing pgx pool") {
			t.Errorf("the server log does not show the shared pgx pool closed on SIGTERM (db.Close from main)")
		}
		if after.peakConns == 0 {
			t.Errorf("no connection was ever seen in pg_stat_activity: the sampler or the load is broken")
		}
	})

	t.Run("from scratch", func(t *testing.T) { fromScratch(t, pg, sp, demoSrc, routes, scratch) })
}

// budget runs singlepool -max-conns=postgres=limit on the demo's server
// and returns the PostgreSQL connections it says the program can open (-1
// for no bound) and its message.
func budget(t *testing.T, sp, dir string, flags []string, limit int) (int, string) {
	t.Helper()
	args := append(append([]string{"-max-conns=postgres=" + strconv.Itoa(limit)}, flags...), "./cmd/...")
	res := e2eutil.Run(t, dir, nil, sp, args...)
	for _, line := range strings.Split(res.Stderr, "\n") {
		_, msg, ok := strings.Cut(line, "this program can open ")
		if !ok || !strings.Contains(msg, "PostgreSQL connections") {
			continue
		}
		if strings.HasPrefix(msg, "an unbounded number") {
			return -1, msg
		}
		var n int
		if _, err := fmt.Sscanf(msg, "up to %d PostgreSQL", &n); err == nil {
			return n, msg
		}
		t.Fatalf("singlepool -max-conns: unexpected message %q", msg)
	}
	t.Fatalf("singlepool -max-conns=postgres=%d on %s: no budget reported (exit %d)\n%s", limit, dir, res.Code, res.Stderr)
	return 0, ""
}

// singlepoolBin returns $SINGLEPOOL_BIN when set (a binary built
// elsewhere, e.g. while the working tree does not compile), else the
// binary built from this repository.
func singlepoolBin(t *testing.T) string {
	if p := os.Getenv("SINGLEPOOL_BIN"); p != "" {
		t.Logf("using SINGLEPOOL_BIN=%s", p)
		return p
	}
	return e2eutil.Singlepool(t)
}

// demoFlags reads examples/demo/.singlepool.yml (a list of allow entries
// and one of singleton entries) and returns them as singlepool flags.
func demoFlags(t *testing.T, dir string) []string {
	data, err := os.ReadFile(filepath.Join(dir, ".singlepool.yml"))
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string][]string{}
	key := ""
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, " \t\r")
		if i := strings.Index(line, "#"); i >= 0 {
			line = strings.TrimRight(line[:i], " \t")
		}
		switch {
		case line == "":
		case strings.HasPrefix(strings.TrimSpace(line), "- "):
			v := strings.Trim(strings.TrimSpace(strings.TrimSpace(line)[2:]), `"'`)
			lists[key] = append(lists[key], v)
		case strings.HasSuffix(line, ":") && !strings.HasPrefix(line, " "):
			key = strings.TrimSuffix(line, ":")
		default:
			t.Fatalf(".singlepool.yml: cannot read %q (this test reads block lists only)", line)
		}
	}
	if len(lists["allow"]) == 0 || len(lists["singleton"]) == 0 {
		t.Fatalf(".singlepool.yml: want allow and singleton lists, got %v", lists)
	}
	return []string{
		"-allow=" + strings.Join(lists["allow"], ","),
		"-singleton=" + strings.Join(lists["singleton"], ","),
	}
}

// demoRoutes returns the /api/ routes that cmd/server registers.
func demoRoutes(t *testing.T, dir string) []string {
	src, err := os.ReadFile(filepath.Join(dir, "cmd", "server", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	var routes []string
	for _, m := range regexp.MustCompile(`"GET (/api/[a-z]+)"`).FindAllStringSubmatch(string(src), -1) {
		routes = append(routes, m[1])
	}
	if len(routes) < 10 {
		t.Fatalf("found %d /api/ routes in cmd/server/main.go, want at least 10", len(routes))
	}
	return routes
}

var findingRE = regexp.MustCompile(`(?m)^\S+\.go:\d+:\d+: `)

func countFindings(r e2eutil.Result) int {
	return len(findingRE.FindAllString(r.Stdout+r.Stderr, -1))
}

// runLoad builds and starts the demo in dir, sends clients×rounds×routes
// requests while sampling the demo database's connections, stops the
// server and records the figures in ph.
func runLoad(t *testing.T, pg *postgres, dir string, routes []string, ph *phase) {
	// Connections of an earlier run must be gone before this one counts.
	waitConns(t, pg, 0, 30*time.Second)

	bin := filepath.Join(t.TempDir(), "server")
	if r := e2eutil.Run(t, dir, nil, "go", "build", "-o", bin, "./cmd/server"); r.Code != 0 {
		t.Fatalf("building the demo:\n%s%s", r.Stdout, r.Stderr)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	logPath := filepath.Join(t.TempDir(), "server.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	srv := exec.Command(bin)
	srv.Env = append(os.Environ(), "DATABASE_URL="+pg.dsn(), "ADDR="+addr, "APP_ENV=development")
	srv.Stdout, srv.Stderr = logFile, logFile
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- srv.Wait() }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		_ = srv.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-exited:
			if err != nil {
				t.Logf("server exit: %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Errorf("server did not stop within 20s of SIGTERM; killing it")
			_ = srv.Process.Kill()
			if err := <-exited; err != nil {
				t.Logf("killed server: %v", err)
			}
		}
	}
	defer stop()

	base := "http://" + addr
	if err := waitHealthy(base, exited); err != nil {
		log, _ := os.ReadFile(logPath)
		t.Fatalf("the demo did not become healthy: %v\n%s", err, log)
	}

	sampler := startSampler(t, pg)
	results := load(t, base, routes)
	peak := sampler.stop()
	stop()

	log, _ := os.ReadFile(logPath)
	ph.ran = true
	ph.log = string(log)
	ph.peakConns = peak
	ph.tooManyLog = strings.Count(string(log), tooManyClients)
	ph.requests = len(results.list)
	ph.wall = results.wall
	ph.errors = map[string]int{}
	var ok []time.Duration
	for _, r := range results.list {
		if r.failure == "" {
			ok = append(ok, r.dur)
			continue
		}
		ph.failed++
		if strings.Contains(r.failure, tooManyClients) {
			ph.tooMany++
		}
		ph.errors[shorten(r.failure)]++
	}
	ph.p50, ph.p99 = percentile(ok, 50), percentile(ok, 99)
	t.Logf("%s: %d requests in %v, %d failed (%d %q; %d in the server log), peak connections %d, p50 %v, p99 %v",
		ph.name, ph.requests, ph.wall.Round(time.Millisecond), ph.failed, ph.tooMany, tooManyClients,
		ph.tooManyLog, ph.peakConns, ph.p50, ph.p99)
	for e, n := range ph.errors {
		t.Logf("  %4d × %s", n, e)
	}
	if t.Failed() || ph.failed > 0 {
		t.Logf("server log (last 3000 bytes):\n%s", tail(log, 3000))
	}
}

func waitHealthy(base string, exited <-chan error) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("the server exited: %v", err)
		default:
		}
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("no 200 from /healthz within 30s")
}

// waitConns waits until the demo database has at most n connections.
func waitConns(t *testing.T, pg *postgres, n int, timeout time.Duration) {
	deadline := time.Now().Add(timeout)
	for {
		out, err := pg.psql(t, "postgres", fmt.Sprintf(
			"SELECT count(*) FROM pg_stat_activity WHERE datname = '%s'", dbName))
		if err != nil {
			t.Fatal(err)
		}
		if c, _ := strconv.Atoi(out); c <= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the demo database still has %s connections after %v", out, timeout)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// A sampler is one psql session, connected before the load (so that it
// holds its slot when the server has taken all the others) to the
// "postgres" database (so that it does not count itself), printing the
// demo database's connection count every 50 ms.
type sampler struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	peak atomic.Int64
	done chan struct{}
}

func startSampler(t *testing.T, pg *postgres) *sampler {
	s := &sampler{done: make(chan struct{})}
	s.cmd = exec.Command(filepath.Join(pg.bin, "psql"), pg.psqlArgs("postgres")...)
	in, err := s.cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s.in = in
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	first := make(chan struct{})
	go func() {
		defer close(s.done)
		sc := bufio.NewScanner(out)
		once := sync.Once{}
		for sc.Scan() {
			n, err := strconv.Atoi(strings.TrimSpace(sc.Text()))
			if err != nil {
				continue
			}
			for {
				old := s.peak.Load()
				if int64(n) <= old || s.peak.CompareAndSwap(old, int64(n)) {
					break
				}
			}
			once.Do(func() { close(first) })
		}
	}()
	fmt.Fprintf(in, "SELECT count(*) FROM pg_stat_activity WHERE datname = '%s' \\watch 0.05\n", dbName)
	select {
	case <-first:
	case <-s.done:
		t.Fatalf("the psql sampler exited before its first sample")
	case <-time.After(15 * time.Second):
		t.Fatalf("no sample from psql within 15s")
	}
	return s
}

// stop ends the psql session and returns the peak count seen.
func (s *sampler) stop() int {
	time.Sleep(200 * time.Millisecond) // a last sample or two
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	s.in.Close()
	<-s.done
	_ = s.cmd.Wait()
	return int(s.peak.Load())
}

type result struct {
	route   string
	dur     time.Duration
	failure string // "" for a 200; else the status and body, or the client error
}

type loadResults struct {
	list []result
	wall time.Duration
}

// load sends the requests: clients goroutines, each going rounds times
// over every route in its own shuffled order.
func load(t *testing.T, base string, routes []string) loadResults {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	client := &http.Client{
		Timeout:   60 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients},
	}
	defer client.CloseIdleConnections()

	var mu sync.Mutex
	var list []result
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(c), 42))
			for range rounds {
				order := slices.Clone(routes)
				rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
				for _, route := range order {
					if ctx.Err() != nil {
						return
					}
					r := get(ctx, client, base+route)
					r.route = route
					mu.Lock()
					list = append(list, r)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		t.Errorf("the load did not finish within its 5 minutes")
	}
	return loadResults{list: list, wall: time.Since(start)}
}

func get(ctx context.Context, client *http.Client, url string) result {
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return result{failure: err.Error()}
	}
	resp, err := client.Do(req)
	if err != nil {
		return result{dur: time.Since(start), failure: err.Error()}
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	r := result{dur: time.Since(start)}
	switch {
	case err != nil:
		r.failure = "reading the body: " + err.Error()
	case resp.StatusCode != http.StatusOK:
		r.failure = fmt.Sprintf("%d %s", resp.StatusCode, strings.TrimSpace(string(body)))
	}
	return r
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[max(i-1, 0)].Round(time.Millisecond)
}

// shorten keeps error texts comparable: host:port and pids vary.
func shorten(s string) string {
	s = regexp.MustCompile(`127\.0\.0\.1:\d+`).ReplaceAllString(s, "127.0.0.1:PORT")
	s = regexp.MustCompile(`\(\d+\)`).ReplaceAllString(s, "(N)")
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}

func tail(b []byte, n int) string {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}
