package singlepool_test

import (
	"strings"
	"testing"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

var appAllow = []string{"example.com/app/internal/db", "example.com/app/cmd/..."}

func mustNew(t *testing.T, cfg singlepool.Config) *analysis.Analyzer {
	t.Helper()
	a, err := singlepool.New(cfg)
	if err != nil {
		t.Fatalf("New(%+v): %v", cfg, err)
	}
	return a
}

func TestAllowTests(t *testing.T) {
	a := mustNew(t, singlepool.Config{Allow: appAllow, AllowTests: true})
	analysistest.Run(t, analysistest.TestData(), a, "teststolerated")
}

func TestCheckGenerated(t *testing.T) {
	a := mustNew(t, singlepool.Config{Allow: appAllow, CheckGenerated: true})
	analysistest.Run(t, analysistest.TestData(), a, "checkgenerated")
}

func TestNoAllowlist(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), singlepool.Analyzer, "noallow")
}

func TestInvalidSettings(t *testing.T) {
	for _, tc := range []struct {
		cfg  singlepool.Config
		want string
	}{
		{singlepool.Config{Allow: []string{""}}, "allow: empty package pattern"},
		{singlepool.Config{Allow: []string{"./..."}}, `allow: "./..." would allow every package`},
		{singlepool.Config{Allow: []string{"./internal/db"}}, "is a file path"},
		{singlepool.Config{Allow: []string{"example.com/a/.../b"}}, `only supported as a final "/..."`},
		{singlepool.Config{Allow: []string{"example.com/a b"}}, "not a valid import path"},
		{singlepool.Config{Constructors: []string{"NewPool"}}, "constructors:"},
		{singlepool.Config{Constructors: []string{"example.com/x."}}, "constructors:"},
		{singlepool.Config{Constructors: []string{"(*example.com/x.T.Open"}}, "want (*pkg/path.Type).Method"},
		{singlepool.Config{Constructors: []string{"example.com/x.1New"}}, "not an identifier"},
		{singlepool.Config{Singleton: []string{"database/sql.Open"}}, "is not CONSTRUCTOR=ACCESSOR"},
		{singlepool.Config{Singleton: []string{"database/sql.Open=db"}}, "singleton: accessor"},
		{singlepool.Config{Singleton: []string{"example.com/x.New=example.com/db.Pool"}}, "is not a constructor singlepool checks"},
		{singlepool.Config{Singleton: []string{"database/sql.Open=(*example.com/db.T).Pool"}}, "must be a package-level function"},
		{singlepool.Config{SharedArgs: []string{`database/sql.Open`}}, "shared-args: \"database/sql.Open\" is not CONSTRUCTOR=(ARGS)"},
		{singlepool.Config{SharedArgs: []string{`database/sql.Open="pgx", "x"`}}, "shared-args: \"\\\"pgx\\\", \\\"x\\\"\": write the arguments in parentheses"},
		{singlepool.Config{SharedArgs: []string{`database/sql.Open=("pgx", `}}, "shared-args:"},
		{singlepool.Config{SharedArgs: []string{`database/sql.Open=("pgx", dsn)`}}, "shared-args: (\"pgx\", dsn): cannot use dsn"},
		{singlepool.Config{SharedArgs: []string{`database/sql.Open=("pgx", loadDSN())`}}, "cannot use loadDSN; write constants"},
		{singlepool.Config{SharedArgs: []string{`example.com/x.New=("x")`}}, "shared-args: example.com/x.New is not a constructor"},
		{singlepool.Config{SharedArgs: []string{`database/sql.Open=("a")`, `database/sql.Open=("b")`}}, "has two argument lists"},
		{singlepool.Config{MaxConns: []string{"0"}}, `max-conns: "0": want a positive number of connections, or system=N`},
		{singlepool.Config{MaxConns: []string{"-5"}}, `max-conns: "-5": want a positive number`},
		{singlepool.Config{MaxConns: []string{"postgres=many"}}, `max-conns: "postgres=many": want a positive number`},
		{singlepool.Config{MaxConns: []string{"oracle=100"}}, `max-conns: "oracle=100": unknown database system "oracle" (known: cassandra, clickhouse,`},
		{singlepool.Config{MaxConns: []string{"postgres=100", "postgres=50"}}, `max-conns: "postgres" is given twice (100 and 50)`},
		{singlepool.Config{Replicas: -1}, "replicas: -1 is negative"},
		{singlepool.Config{CPUs: -2}, "cpus: -2 is negative"},
	} {
		_, err := singlepool.New(tc.cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%+v) = %v, want an error containing %q", tc.cfg, err, tc.want)
		}
	}
}

func TestFlagsValidateOnSet(t *testing.T) {
	fs := singlepool.Analyzer.Flags
	for _, tc := range []struct{ flag, value, want string }{
		{"allow", "a/...,./x", "is a file path"},
		{"constructors", "nodot", "want pkg/path.Func"},
		{"singleton", "database/sql.Open", "CONSTRUCTOR=ACCESSOR"},
		{"shared-args", `database/sql.Open=("pgx", os.Getenv(x))`, "cannot use x"},
	} {
		err := fs.Set(tc.flag, tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("-%s=%s: got %v, want an error containing %q", tc.flag, tc.value, err, tc.want)
		}
	}
}

func TestDoc(t *testing.T) {
	doc := singlepool.Analyzer.Doc
	if first, _, _ := strings.Cut(doc, "\n"); strings.HasPrefix(first, "singlepool:") || !strings.Contains(first, "pool") {
		t.Errorf("Doc's first line = %q, want the title without the name", first)
	}
	if !strings.Contains(doc, "-allow") {
		t.Errorf("Doc does not document -allow:\n%s", doc)
	}
}

// TestNolintLeftToTheRunner: NewWithoutNolint reports what a directive
// would silence (golangci-lint filters it, and nolintlint sees it used),
// and refuses the directive checks that are the runner's.
func TestNolintLeftToTheRunner(t *testing.T) {
	a, err := singlepool.NewWithoutNolint(singlepool.Config{Allow: []string{"example.com/pool/db"}})
	if err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(discard{t}, analysistest.TestData(), a, "nolint")
	n := 0
	for _, r := range results {
		n += len(r.Diagnostics)
	}
	if n != 14 {
		t.Errorf("NewWithoutNolint reported %d diagnostics in testdata/nolint, want all 14", n)
	}
	for _, cfg := range []singlepool.Config{{RequireReason: true}, {ReportUnusedNolint: true}} {
		if _, err := singlepool.NewWithoutNolint(cfg); err == nil || !strings.Contains(err.Error(), "nolintlint") {
			t.Errorf("NewWithoutNolint(%+v) = %v, want an error naming nolintlint", cfg, err)
		}
	}
}

// discard is an analysistest.Testing that ignores the expectations.
type discard struct{ *testing.T }

func (discard) Errorf(string, ...any) {}
