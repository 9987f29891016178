package demo

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// postgres is a running throwaway cluster.
type postgres struct {
	bin    string // directory of initdb, pg_ctl, psql
	sock   string // unix socket directory
	port   int
	asUser []string // command prefix running a command as the cluster's owner
}

// dsn is the demo's DATABASE_URL: TCP on loopback, as the superuser, so
// that the demo can take every slot (and then hears "too many clients
// already"; a non-superuser would be refused earlier with "remaining
// connection slots are reserved").
func (pg *postgres) dsn() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", pg.port, dbName)
}

// psql runs one SQL command over the unix socket and returns its output.
func (pg *postgres) psql(t testing.TB, db, sql string) (string, error) {
	t.Helper()
	cmd := exec.Command(filepath.Join(pg.bin, "psql"), pg.psqlArgs(db, "-c", sql)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("psql -c %q: %v\n%s", sql, err, out)
	}
	return strings.TrimSpace(string(out)), nil
}

func (pg *postgres) psqlArgs(db string, args ...string) []string {
	return append([]string{"-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1",
		"-h", pg.sock, "-p", strconv.Itoa(pg.port), "-U", "postgres", "-d", db}, args...)
}

func findPGBin() (string, error) {
	if d := os.Getenv("PG_BIN"); d != "" {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err != nil {
			return "", fmt.Errorf("PG_BIN=%s: %v", d, err)
		}
		return d, nil
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(matches) == 0 {
		return "", errors.New("no /usr/lib/postgresql/*/bin/initdb (run scripts/ci-postgres.sh, or set PG_BIN)")
	}
	version := func(p string) int {
		n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(p))))
		return n
	}
	sort.Slice(matches, func(i, j int) bool { return version(matches[i]) > version(matches[j]) })
	return filepath.Dir(matches[0]), nil
}

// startPostgres starts a cluster in a new directory, creates the demo
// database with its tables, and stops and removes it all in t.Cleanup.
func startPostgres(t *testing.T) *postgres {
	bin, err := findPGBin()
	e2eutil.Need(t, "PostgreSQL server binaries", err)
	for _, tool := range []string{"pg_ctl", "psql"} {
		_, err := os.Stat(filepath.Join(bin, tool))
		e2eutil.Need(t, "PostgreSQL "+tool, err)
	}
	pg := &postgres{bin: bin}

	// initdb refuses to run as root: run the server as "postgres" then.
	// The directory is outside t.TempDir, whose parents only root may enter,
	// and short, because a socket path must fit in 107 bytes.
	dir, err := os.MkdirTemp("", "singlepool-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		e2eutil.Need(t, `the "postgres" user (running as root; initdb refuses root)`, err)
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
		runuser, err := exec.LookPath("runuser")
		e2eutil.Need(t, "runuser (to run initdb as postgres)", err)
		pg.asUser = []string{runuser, "-u", "postgres", "--"}
	}
	pg.sock = dir
	pg.port = freePort(t)
	data := filepath.Join(dir, "data")
	logFile := filepath.Join(dir, "postgres.log")

	run := func(name string, args ...string) e2eutil.Result {
		argv := append(append(slices.Clone(pg.asUser), filepath.Join(bin, name)), args...)
		return e2eutil.Run(t, dir, []string{"LC_ALL=C.UTF-8"}, argv[0], argv[1:]...)
	}
	if r := run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"); r.Code != 0 {
		t.Fatalf("initdb:\n%s%s", r.Stdout, r.Stderr)
	}
	opts := fmt.Sprintf("-p %d -k %s -c max_connections=%d -c listen_addresses=127.0.0.1 -c fsync=off",
		pg.port, dir, maxConnections)
	if r := run("pg_ctl", "-D", data, "-l", logFile, "-w", "-t", "60", "-o", opts, "start"); r.Code != 0 {
		log, _ := os.ReadFile(logFile)
		t.Fatalf("pg_ctl start:\n%s%s\n%s", r.Stdout, r.Stderr, log)
	}
	t.Cleanup(func() {
		if r := run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"); r.Code != 0 {
			t.Errorf("pg_ctl stop:\n%s%s", r.Stdout, r.Stderr)
		}
	})
	if _, err := pg.psql(t, "postgres", "CREATE DATABASE "+dbName); err != nil {
		t.Fatal(err)
	}
	schema := filepath.Join(e2eutil.RepoRoot(t), "examples", "demo", "schema.sql")
	out, err := exec.Command(filepath.Join(bin, "psql"), pg.psqlArgs(dbName, "-f", schema)...).CombinedOutput()
	if err != nil {
		t.Fatalf("loading %s: %v\n%s", schema, err, out)
	}
	v, _ := pg.psql(t, "postgres", "SHOW server_version")
	t.Logf("PostgreSQL %s on port %d (max_connections=%d), data in %s", v, pg.port, maxConnections, data)
	return pg
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
