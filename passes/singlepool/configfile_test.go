package singlepool

import (
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
	analysistest.Run(t, analysistest.TestData(), newFlagAnalyzer(), "cfgfile/owner", "cfgfile/user", "cfgbad")
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
