package singlepool

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

func TestParseConfigFile(t *testing.T) {
	good := `
allow: [example.com/app/internal/db, example.com/app/cmd/...]
constructors: ["example.com/x.NewPool"]
singleton:
  - github.com/jackc/pgx/v5/pgxpool.New=example.com/app/internal/db.Pool
allow-tests: true
single-conns: true
check-generated: true
`
	cfg, err := parseConfigFile("s.yml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Allow) != 2 || len(cfg.Singleton) != 1 || !cfg.AllowTests || !cfg.SingleConns || !cfg.CheckGenerated || cfg.Constructors[0] != "example.com/x.NewPool" {
		t.Errorf("decoded %+v", cfg)
	}
	for _, tc := range []struct{ src, want string }{
		{"", ""},
		{"# only a comment\n", ""},
		{"allow: [a.com/x]\nalow: [x]\n", `s.yml:2: unknown setting "alow"`},
		{"allow-tests: maybe\n", "s.yml:1: cannot unmarshal"},
		{"allow: a.com/x\n", "s.yml:1: cannot unmarshal"},
		{"allow: [a.com/x\n", "s.yml:1: did not find expected"},
		{"- allow\n", "s.yml:1: want a mapping"},
		{"\n\nallow: [./db]\n", "s.yml:3: allow: \"./db\" is a file path"},
		{"singleton: [database/sql.Open]\n", "s.yml:1: singleton:"},
		{"allow: [a.com/x]\nshared-args:\n  - 'database/sql.Open=(\"pgx\", dsn)'\n", "s.yml:2: shared-args: (\"pgx\", dsn): cannot use dsn"},
	} {
		_, err := parseConfigFile("s.yml", []byte(tc.src))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: unexpected error %v", tc.src, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q: got %v, want an error containing %q", tc.src, err, tc.want)
		}
	}
}

func TestConfigFileDiscovery(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), newFlagAnalyzer(), "cfgfile/owner", "cfgfile/user", "badconfig")
}

// Flags take precedence over the file, key by key.
func TestFlagsOverFile(t *testing.T) {
	a := newFlagAnalyzer()
	if err := a.Flags.Set("allow", "cfgfile/user"); err != nil {
		t.Fatal(err)
	}
	// Now owner is reported and user is not.
	if r := analysistest.Run(&quiet{T: t}, analysistest.TestData(), a, "cfgfile/user"); len(r[0].Diagnostics) != 0 {
		t.Errorf("cfgfile/user with -allow=cfgfile/user: got %v", r[0].Diagnostics)
	}
	r := analysistest.Run(&quiet{T: t}, analysistest.TestData(), a, "cfgfile/owner")
	if n := len(r[0].Diagnostics); n != 1 || !strings.Contains(r[0].Diagnostics[0].Message, "outside cfgfile/user") {
		t.Errorf("cfgfile/owner with -allow=cfgfile/user: got %v", r[0].Diagnostics)
	}
}

// quiet ignores the "unexpected diagnostic" errors of analysistest, for
// tests that inspect the diagnostics themselves.
type quiet struct{ *testing.T }

func (q *quiet) Errorf(string, ...any) {}

// A long-lived analyzer (gopls) sees edits of the settings file, and a
// file created after the first run.
func TestConfigFileEdits(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, "src", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("edits/user/user.go", "package user\n\nimport \"database/sql\"\n\nfunc f() { _, _ = sql.Open(\"pgx\", \"\") }\n")
	a := newFlagAnalyzer()
	count := func() []string {
		var msgs []string
		for _, r := range analysistest.Run(&quiet{T: t}, dir, a, "edits/user") {
			for _, d := range r.Diagnostics {
				msgs = append(msgs, d.Message)
			}
		}
		return msgs
	}
	if got := count(); len(got) != 1 || !strings.Contains(got[0], "allowlist that package") {
		t.Fatalf("no settings file: got %q", got)
	}
	write("edits/.singlepool.yml", "allow: [edits/user]\n")
	if got := count(); len(got) != 0 {
		t.Fatalf("after creating the file: got %q", got)
	}
	write("edits/.singlepool.yml", "allow: [edits/owner]\n")
	if got := count(); len(got) != 1 || !strings.Contains(got[0], "outside edits/owner") {
		t.Fatalf("after editing the file: got %q", got)
	}
	if err := os.Remove(filepath.Join(dir, "src", "edits", ".singlepool.yml")); err != nil {
		t.Fatal(err)
	}
	if got := count(); len(got) != 1 || !strings.Contains(got[0], "allowlist that package") {
		t.Fatalf("after removing the file: got %q", got)
	}
}

// TestConfigFilePinned: once a one-shot driver pinned the cache (through
// Constructors), each directory's file is found and read once; unpinned,
// every lookup sees the tree as it is now (TestConfigFileEdits).
func TestConfigFilePinned(t *testing.T) {
	root := t.TempDir()
	pkg := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join(root, "a", ConfigFileName)
	var c fileCache
	if got := c.find(pkg); got != "" {
		t.Fatalf("no file yet: found %q", got)
	}
	if err := os.WriteFile(settings, []byte("allow: [m/a]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := c.find(pkg); got != settings {
		t.Fatalf("unpinned: found %q, want %q", got, settings)
	}
	c.pin()
	if got := c.find(pkg); got != settings {
		t.Fatalf("pinned: found %q, want %q", got, settings)
	}
	first := c.load(settings)
	if err := os.Remove(settings); err != nil {
		t.Fatal(err)
	}
	if got := c.find(pkg); got != settings {
		t.Errorf("pinned: after removing the file, found %q; want what was found first", got)
	}
	if got := c.find(filepath.Join(root, "a")); got != settings {
		t.Errorf("pinned: the parent directory, remembered on the way up: found %q", got)
	}
	if got := c.load(settings); got != first || got.err != nil {
		t.Errorf("pinned: the file read again (err %v)", got.err)
	}
}
