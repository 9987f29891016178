package vet

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// TestAdoptingWalk runs docs/adoption.md's "From the first run to zero findings" on
// testdata/adopt: each shell command of its sh blocks in order (with the
// built singlepool first in PATH), the //nolint edit it shows, and checks
// the summary it prints, the fixes, and zero findings at the end.
func TestAdoptingWalk(t *testing.T) {
	bin, dir := setup(t, "adopt")
	readme, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "adoption.md"))
	if err != nil {
		t.Fatal(err)
	}
	section := sectionOf(t, string(readme), "## From the first run to zero findings")
	env := append(slices.Clone(goEnv), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
	blocks := fencedBlocks(section)
	var summaryWant, directive string
	for _, b := range blocks {
		switch {
		case b.lang == "" && strings.HasPrefix(b.text, "singlepool summary:"):
			summaryWant = b.text
		case b.lang == "go" && strings.Contains(b.text, "//nolint:singlepool // "):
			directive = strings.TrimSpace(b.text)
		}
	}
	if summaryWant == "" || directive == "" {
		t.Fatalf("docs/adoption.md's walk lacks the summary output or the //nolint line")
	}
	step := 0
	for _, b := range blocks {
		if b.lang == "go" {
			// Step 3: accept the intended pool with a reason.
			code, _, _ := strings.Cut(directive, " //nolint")
			file := filepath.Join(dir, "internal", "audit", "audit.go")
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(src), "\t"+code+"\n") {
				t.Fatalf("audit.go has no line %q for the directive of docs/adoption.md", code)
			}
			if err := os.WriteFile(file, []byte(strings.Replace(string(src), "\t"+code+"\n", "\t"+directive+"\n", 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if b.lang != "sh" {
			continue
		}
		for _, cmd := range strings.Split(strings.TrimSpace(b.text), "\n") {
			step++
			res := e2eutil.Run(t, dir, env, "sh", "-c", cmd)
			noPanic(t, cmd, res)
			switch {
			case step == 1: // the first run, with -summary
				wantExit(t, cmd, res, standaloneFindings)
				if res.Stdout != summaryWant {
					t.Errorf("%s: stdout\n%s\nwant (docs/adoption.md):\n%s", cmd, res.Stdout, summaryWant)
				}
			case strings.Contains(cmd, " -diff "):
				if res.Code == 0 || !strings.Contains(res.Stdout, "+\tpool, err := db.Pool(r.Context())") {
					t.Errorf("%s: exit %d, want the patch and a non-zero exit\n%s%s", cmd, res.Code, res.Stdout, res.Stderr)
				}
			default: // the fixes, then zero findings with the directive
				wantExit(t, cmd, res, 0)
				if strings.Contains(res.Stderr, ".go:") {
					t.Errorf("%s: findings left:\n%s", cmd, res.Stderr)
				}
			}
		}
	}
	if step != 5 {
		t.Errorf("ran %d commands from docs/adoption.md, want 5 (summary, go fix -diff, go fix, singlepool, go vet)", step)
	}
	// The fixed module builds, and the handler uses the shared pool.
	if r := e2eutil.Run(t, dir, goEnv, "go", "build", "./..."); r.Code != 0 {
		t.Errorf("go build after the walk: %s", r.Stderr)
	}
	users, _ := os.ReadFile(filepath.Join(dir, "internal", "users", "users.go"))
	if !strings.Contains(string(users), "db.Pool(r.Context())") || strings.Contains(string(users), "pool.Close()") {
		t.Errorf("users.go after go fix:\n%s", users)
	}
}

// sectionOf returns the README text from heading to the next heading of
// the same level.
func sectionOf(t *testing.T, readme, heading string) string {
	t.Helper()
	_, rest, ok := strings.Cut(readme, "\n"+heading+"\n")
	if !ok {
		t.Fatalf("%q: no such section", heading)
	}
	if i := strings.Index(rest, "\n## "); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

type fenced struct{ lang, text string }

// fencedBlocks returns the fenced code blocks of markdown, dedented to
// their fence's indentation.
func fencedBlocks(md string) []fenced {
	var out []fenced
	var cur *fenced
	indent := ""
	for _, line := range strings.Split(md, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if strings.HasPrefix(trimmed, "```") {
			if cur == nil {
				indent = line[:len(line)-len(trimmed)]
				cur = &fenced{lang: strings.TrimPrefix(trimmed, "```")}
			} else {
				out = append(out, *cur)
				cur = nil
			}
			continue
		}
		if cur != nil {
			cur.text += strings.TrimPrefix(line, indent) + "\n"
		}
	}
	return out
}
