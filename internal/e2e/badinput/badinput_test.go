// Package badinput runs the real singlepool binary, standalone and as
// go vet's -vettool, on modules with bad or unusual input, created at test
// time: a file that does not parse, a type error, cgo, build-tagged files,
// empty and unknown package patterns, symlinked directories and files.
// Each run must end with a clear result: the expected exit code, a message
// naming the file or package, and never a panic.
//
// The modules use only the standard library (database/sql), so the tests
// need no network. The cgo cases need a C compiler: without one they skip,
// and fail under CI=true.
package badinput

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// Exit codes. The standalone command (singlechecker): 0 clean, 1 errors
// (load, parse or type errors, bad flags), 3 diagnostics and no errors.
// go vet: 0 clean, 1 diagnostics or errors.
const (
	exitClean = 0
	exitError = 1
	exitDiags = 3
	vetFail   = 1
)

const allowFlag = "-allow=example.com/bad/db"

// dbFiles is the allowlisted package that owns the shared pool.
var dbFiles = map[string]string{
	"db/db.go": `package db

import "database/sql"

// SQL returns the shared pool.
func SQL() (*sql.DB, error) { return sql.Open("pgx", "postgres://localhost/app") }
`,
}

// userSrc is a package that opens its own pool at line 6, column 17.
func userSrc(pkg string) string {
	return fmt.Sprintf(`package %s

import "database/sql"

func Ping() error {
	db, err := sql.Open("pgx", "x")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	return nil
}
`, pkg)
}

// reported is the diagnostic of userSrc's sql.Open, in file (relative to
// the module root; standalone prints absolute paths, go vet relative ones).
func reported(file string) string {
	return file + ":6:17: sql.Open creates a new connection pool outside example.com/bad/db"
}

// module creates example.com/bad in a temporary directory with the db
// package and files (slash-separated path -> content), and returns its
// root.
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	all := map[string]string{"go.mod": "module example.com/bad\n\ngo 1.25\n"}
	for name, content := range dbFiles {
		all[name] = content
	}
	for name, content := range files {
		all[name] = content
	}
	for name, content := range all {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// env keeps the go command offline and on the local toolchain.
var env = []string{"GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local", "GO111MODULE=on", "GOFLAGS=" + os.Getenv("GOFLAGS")}

// A driver runs singlepool one way.
type driver struct {
	name string
	run  func(t *testing.T, dir string, extraEnv []string, args ...string) e2eutil.Result
	// exit codes for a run with diagnostics only, and with errors
	diags, errors int
}

func drivers(t *testing.T) []driver {
	bin := e2eutil.Singlepool(t)
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "the go command in PATH", err)
	return []driver{
		{
			name: "standalone",
			run: func(t *testing.T, dir string, extraEnv []string, args ...string) e2eutil.Result {
				return e2eutil.Run(t, dir, append(append([]string(nil), env...), extraEnv...), bin, args...)
			},
			diags: exitDiags, errors: exitError,
		},
		{
			name: "vet",
			run: func(t *testing.T, dir string, extraEnv []string, args ...string) e2eutil.Result {
				return e2eutil.Run(t, dir, append(append([]string(nil), env...), extraEnv...), "go", append([]string{"vet", "-vettool=" + bin}, args...)...)
			},
			diags: vetFail, errors: vetFail,
		},
	}
}

// expect describes a clear result.
type expect struct {
	code   int
	has    []string // substrings of the output (stdout and stderr)
	hasNot []string
}

// check fails unless res is what e describes, and never lets a panic or
// goroutine dump through.
func check(t *testing.T, res e2eutil.Result, e expect) {
	t.Helper()
	out := res.Stdout + res.Stderr
	if strings.Contains(out, "panic:") || strings.Contains(out, "goroutine ") {
		t.Errorf("the output shows a panic or goroutine dump:\n%s", out)
	}
	if res.Code != e.code {
		t.Errorf("exit code %d, want %d; output:\n%s", res.Code, e.code, out)
	}
	for _, s := range e.has {
		if !strings.Contains(out, s) {
			t.Errorf("the output does not contain %q:\n%s", s, out)
		}
	}
	for _, s := range e.hasNot {
		if strings.Contains(out, s) {
			t.Errorf("the output contains %q:\n%s", s, out)
		}
	}
}

// A file that does not parse: its package fails with the parser's
// message at the file's line; the other packages are still analyzed.
func TestParseError(t *testing.T) {
	t.Parallel()
	dir := module(t, map[string]string{
		"user/user.go": userSrc("user"),
		"broken/broken.go": `package broken

import "database/sql"

func F( { return sql.Open("pgx", "x") }
`,
	})
	for _, d := range drivers(t) {
		t.Run(d.name, func(t *testing.T) {
			check(t, d.run(t, dir, nil, allowFlag, "./..."), expect{
				code: d.errors,
				has:  []string{"broken/broken.go:5:9: expected ')', found '{'", reported("user/user.go")},
			})
		})
	}
}

// A type error: the package is reported with the type checker's message,
// not analyzed; the other packages are.
func TestTypeError(t *testing.T) {
	t.Parallel()
	dir := module(t, map[string]string{
		"user/user.go": userSrc("user"),
		"typeerr/typeerr.go": `package typeerr

import "database/sql"

var n int = "not an int"

func F() { db, _ := sql.Open("pgx", "x"); _ = db }
`,
	})
	for _, d := range drivers(t) {
		t.Run(d.name, func(t *testing.T) {
			check(t, d.run(t, dir, nil, allowFlag, "./..."), expect{
				code:   d.errors,
				has:    []string{"typeerr/typeerr.go:5:13: cannot use \"not an int\"", reported("user/user.go")},
				hasNot: []string{"typeerr/typeerr.go:7"},
			})
		})
	}
}

// An undefined name and an unresolvable import are type errors too.
func TestUnresolved(t *testing.T) {
	t.Parallel()
	dir := module(t, map[string]string{
		"undef/undef.go": `package undef

import (
	"database/sql"

	"example.com/bad/missing"
)

func F() { db, _ := sql.Open(missing.Driver, dsn); _ = db }
`,
	})
	for _, d := range drivers(t) {
		t.Run(d.name, func(t *testing.T) {
			check(t, d.run(t, dir, nil, allowFlag, "./..."), expect{
				code: d.errors,
				has:  []string{"example.com/bad/missing"},
			})
		})
	}
}

// A cgo file: analyzed as cmd/cgo rewrote it (a file that starts with
// "Code generated by cmd/cgo; DO NOT EDIT."), reported at the user's
// line. Without cgo, the package has no Go files left: a clear error.
func TestCgo(t *testing.T) {
	t.Parallel()
	needCgo(t)
	cgoSrc := `package cgo

// #include <stdlib.h>
import "C"

import "database/sql"

func Ping() error {
	C.free(nil)
	db, err := sql.Open("pgx", "x")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	return nil
}
`
	dir := module(t, map[string]string{"cgo/cgo.go": cgoSrc})
	diag := "cgo/cgo.go:10:17: sql.Open creates a new connection pool outside example.com/bad/db"
	for _, d := range drivers(t) {
		t.Run(d.name, func(t *testing.T) {
			check(t, d.run(t, dir, nil, allowFlag, "./..."), expect{code: d.diags, has: []string{diag}})
		})
		t.Run(d.name+"/check-generated", func(t *testing.T) {
			check(t, d.run(t, dir, nil, allowFlag, "-check-generated", "./..."), expect{code: d.diags, has: []string{diag}})
		})
		t.Run(d.name+"/CGO_ENABLED=0", func(t *testing.T) {
			check(t, d.run(t, dir, []string{"CGO_ENABLED=0"}, allowFlag, "./cgo"), expect{
				code: d.errors,
				has:  []string{"build constraints exclude all Go files in " + filepath.Join(dir, "cgo")},
			})
		})
	}
	// -fix must never write into the cgo output (the build cache): the
	// file is fixed in place, or left alone, and the module still builds.
	t.Run("fix", func(t *testing.T) {
		d := drivers(t)[0]
		res := d.run(t, dir, nil, allowFlag, "-check-generated", "-singleton=database/sql.Open=example.com/bad/db.SQL", "-fix", "./...")
		check(t, res, expect{code: exitClean})
		data, err := os.ReadFile(filepath.Join(dir, "cgo", "cgo.go"))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(data); got != cgoSrc && !strings.Contains(got, "db.SQL()") {
			t.Errorf("cgo.go after -fix is neither unchanged nor fixed:\n%s", got)
		}
		check(t, e2eutil.Run(t, dir, env, "go", "build", "./..."), expect{code: 0})
	})
	// The fixes -json prints for editors and other tools.
	t.Run("json", func(t *testing.T) {
		d := drivers(t)[0]
		res := d.run(t, dir, nil, allowFlag, "-check-generated", "-singleton=database/sql.Open=example.com/bad/db.SQL", "-json", "./...")
		check(t, res, expect{code: exitClean})
		jsonFixes(t, dir, res.Stdout)
	})
}

// jsonFixes checks the suggested fixes that -json prints for a cgo file: the
// edits must be byte offsets of the user's file (not of the cgo output,
// under the user's file name), and applying them must leave Go source.
func jsonFixes(t *testing.T, dir, out string) {
	t.Helper()
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("-json output: %v\n%s", err, out)
	}
	type edit struct {
		Filename   string
		Start, End int
		New        string
	}
	type diag struct {
		Posn           string
		Message        string
		SuggestedFixes []struct {
			Message string
			Edits   []edit
		} `json:"suggested_fixes"`
	}
	fixes := 0
	for pkg, byAnalyzer := range tree {
		var diags []diag
		if err := json.Unmarshal(byAnalyzer["singlepool"], &diags); err != nil {
			t.Errorf("%s: %v", pkg, err)
			continue
		}
		for _, d := range diags {
			for _, fix := range d.SuggestedFixes {
				fixes++
				byFile := make(map[string][]edit)
				for _, e := range fix.Edits {
					byFile[e.Filename] = append(byFile[e.Filename], e)
				}
				for name, edits := range byFile {
					if filepath.Dir(name) != filepath.Join(dir, "cgo") {
						t.Errorf("%s: fix %q edits %s, not a file of the package", d.Posn, fix.Message, name)
						continue
					}
					src, err := os.ReadFile(name)
					if err != nil {
						t.Fatal(err)
					}
					sort.Slice(edits, func(i, j int) bool { return edits[i].Start > edits[j].Start })
					ok := true
					for _, e := range edits {
						if e.Start < 0 || e.Start > e.End || e.End > len(src) {
							t.Errorf("%s: fix %q: edit [%d, %d) is not a range of %s (%d bytes)", d.Posn, fix.Message, e.Start, e.End, name, len(src))
							ok = false
						}
					}
					if !ok {
						continue
					}
					for _, e := range edits {
						src = append(src[:e.Start:e.Start], append([]byte(e.New), src[e.End:]...)...)
					}
					if _, err := parser.ParseFile(token.NewFileSet(), name, src, 0); err != nil || !bytes.Contains(src, []byte("db.SQL()")) {
						t.Errorf("%s: fix %q applied to %s gives (%v):\n%s", d.Posn, fix.Message, name, err, src)
					}
				}
			}
		}
	}
	t.Logf("%d fixes checked", fixes)
}

func needCgo(t *testing.T) {
	t.Helper()
	out, err := exec.Command("go", "env", "CGO_ENABLED", "CC").Output()
	if err != nil {
		e2eutil.Need(t, "go env", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 2 || strings.TrimSpace(lines[0]) != "1" {
		e2eutil.Need(t, "cgo (CGO_ENABLED=1)", fmt.Errorf("go env CGO_ENABLED CC = %q", out))
	}
	cc := strings.Fields(lines[1] + " gcc")[0]
	_, err = exec.LookPath(cc)
	e2eutil.Need(t, "a C compiler ("+cc+") for cgo", err)
}

// Files that the build leaves out are not analyzed, even when they do not
// parse; with -tags, the tagged file is. A package whose every file is
// excluded matches no package under ./..., and is an error when named.
func TestBuildTags(t *testing.T) {
	t.Parallel()
	dir := module(t, map[string]string{
		"tags/a.go":           userSrc("tags"),
		"tags/custom.go":      "//go:build custom\n\n" + strings.Replace(userSrc("tags"), "func Ping", "func PingCustom", 1),
		"tags/ignored.go":     "//go:build ignore\n\n" + strings.Replace(userSrc("tags"), "func Ping", "func PingIgnored", 1),
		"tags/broken.go":      "//go:build ignore\n\npackage tags\n\nfunc broken( {\n",
		"tags/other_plan9.go": "package tags\n\nimport \"database/sql\"\n\nvar _ = sql.OpenDB\n",
		"onlytagged/x.go":     "//go:build custom\n\n" + userSrc("onlytagged"),
	})
	tagged := []string{"GOFLAGS=" + strings.TrimSpace(os.Getenv("GOFLAGS")+" -tags=custom")}
	for _, d := range drivers(t) {
		t.Run(d.name, func(t *testing.T) {
			check(t, d.run(t, dir, nil, allowFlag, "./..."), expect{
				code:   d.diags,
				has:    []string{reported("tags/a.go")},
				hasNot: []string{"tags/custom.go", "tags/ignored.go", "tags/broken.go", "other_plan9.go", "onlytagged"},
			})
		})
		t.Run(d.name+"/tags=custom", func(t *testing.T) {
			check(t, d.run(t, dir, tagged, allowFlag, "./..."), expect{
				code:   d.diags,
				has:    []string{reported("tags/a.go"), "tags/custom.go:8:17: sql.Open creates", "onlytagged/x.go:8:17: sql.Open creates"},
				hasNot: []string{"tags/ignored.go", "tags/broken.go", "other_plan9.go"},
			})
		})
		t.Run(d.name+"/excluded package named", func(t *testing.T) {
			check(t, d.run(t, dir, nil, allowFlag, "./onlytagged"), expect{
				code: d.errors,
				has:  []string{"build constraints exclude all Go files in " + filepath.Join(dir, "onlytagged")},
			})
		})
	}
}

// A pattern that matches no package, a directory without Go files, and a
// package path or directory that does not exist: errors that name them.
func TestPatterns(t *testing.T) {
	t.Parallel()
	dir := module(t, map[string]string{
		"user/user.go":      userSrc("user"),
		"empty/README.md":   "no Go here\n",
		"empty/sub/.keep":   "",
		"testdata/x/x.go":   userSrc("x"),
		"_hidden/hidden.go": userSrc("hidden"),
	})
	for _, d := range drivers(t) {
		for _, tc := range []struct {
			pattern string
			has     []string
		}{
			{"./empty/...", []string{`./empty/...`, "matched no packages"}},
			{"./empty", []string{"no Go files in " + filepath.Join(dir, "empty")}},
			{"./nope", []string{filepath.Join(dir, "nope")}},
			{"./nope/...", []string{"./nope/", "no such file or directory"}},
			{"example.com/bad/nope", []string{"no required module provides package example.com/bad/nope"}},
			{"example.com/elsewhere/pkg", []string{"example.com/elsewhere/pkg"}},
			{"nosuchstd", []string{"package nosuchstd is not in std"}},
		} {
			t.Run(d.name+"/"+tc.pattern, func(t *testing.T) {
				check(t, d.run(t, dir, nil, allowFlag, tc.pattern), expect{code: d.errors, has: tc.has})
			})
		}
		// ./... skips testdata and _hidden, and finds the one package.
		t.Run(d.name+"/./...", func(t *testing.T) {
			check(t, d.run(t, dir, nil, allowFlag, "./..."), expect{
				code:   d.diags,
				has:    []string{reported("user/user.go")},
				hasNot: []string{"testdata", "hidden"},
			})
		})
	}
}

// A symlinked package directory: ./... does not follow it (the package is
// reported once, under its real directory); named, it is analyzed under
// the link. A dangling symlink to a Go file is a clear error.
func TestSymlinks(t *testing.T) {
	t.Parallel()
	dir := module(t, map[string]string{"real/real.go": userSrc("real")})
	symlink(t, "real", filepath.Join(dir, "link"))
	// A symlinked file inside a package directory.
	if err := os.MkdirAll(filepath.Join(dir, "filelink"), 0o755); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "outside.go")
	if err := os.WriteFile(outside, []byte(userSrc("filelink")), 0o644); err != nil {
		t.Fatal(err)
	}
	symlink(t, outside, filepath.Join(dir, "filelink", "filelink.go"))
	// A directory link cycle.
	symlink(t, ".", filepath.Join(dir, "real", "loop"))

	dangling := module(t, map[string]string{"user/user.go": userSrc("user")})
	if err := os.MkdirAll(filepath.Join(dangling, "dangling"), 0o755); err != nil {
		t.Fatal(err)
	}
	symlink(t, filepath.Join(dangling, "missing.go"), filepath.Join(dangling, "dangling", "dangling.go"))

	for _, d := range drivers(t) {
		t.Run(d.name+"/./...", func(t *testing.T) {
			res := d.run(t, dir, nil, allowFlag, "./...")
			check(t, res, expect{
				code:   d.diags,
				has:    []string{reported("real/real.go"), reported("filelink/filelink.go")},
				hasNot: []string{"link/real.go", "loop"},
			})
			if n := strings.Count(res.Stdout+res.Stderr, "sql.Open creates"); n != 2 {
				t.Errorf("%d diagnostics, want 2 (real, filelink)", n)
			}
		})
		t.Run(d.name+"/./link", func(t *testing.T) {
			check(t, d.run(t, dir, nil, allowFlag, "./link"), expect{
				code: d.diags,
				has:  []string{reported("link/real.go")},
			})
		})
		t.Run(d.name+"/dangling", func(t *testing.T) {
			check(t, d.run(t, dangling, nil, allowFlag, "./..."), expect{
				code: d.errors,
				has:  []string{filepath.Join(dangling, "dangling", "dangling.go")},
			})
		})
	}
}

func symlink(t *testing.T, oldname, newname string) {
	t.Helper()
	if err := os.Symlink(oldname, newname); err != nil {
		e2eutil.Need(t, "symbolic links", err)
	}
}

// A bad settings value is a usage error naming the flag, before any
// package is loaded; a bad settings file is reported at each package.
func TestBadSettings(t *testing.T) {
	t.Parallel()
	dir := module(t, map[string]string{"user/user.go": userSrc("user")})
	for _, d := range drivers(t) {
		t.Run(d.name+"/flag", func(t *testing.T) {
			res := d.run(t, dir, nil, "-allow=./db", "./...")
			check(t, res, expect{has: []string{"-allow", `"./db" is a file path`}, code: res.Code})
			if res.Code == 0 {
				t.Errorf("exit code 0 for an invalid -allow")
			}
		})
		t.Run(d.name+"/config", func(t *testing.T) {
			cfg := filepath.Join(t.TempDir(), "bad.yml")
			if err := os.WriteFile(cfg, []byte("allow: [./db]\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			res := d.run(t, dir, nil, "-config="+cfg, "./...")
			check(t, res, expect{has: []string{cfg + ":1:", `"./db" is a file path`}, code: res.Code})
			if res.Code == 0 {
				t.Errorf("exit code 0 for an invalid settings file")
			}
		})
		t.Run(d.name+"/missing config", func(t *testing.T) {
			cfg := filepath.Join(t.TempDir(), "missing.yml")
			res := d.run(t, dir, nil, "-config="+cfg, "./...")
			check(t, res, expect{has: []string{cfg}, code: res.Code})
			if res.Code == 0 {
				t.Errorf("exit code 0 for a missing settings file")
			}
		})
	}
}
