package vet

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// TestFixIncident runs -fix, as a new user would, on testdata/incident: a
// backend in the incident's shape (40-odd construction sites in routes,
// services, repositories, jobs and helpers, on the DATABASE_URL and
// REDIS_ADDR that internal/db's shared pools connect to, written as real
// apps write them), with its own .singlepool.yml and no shared-args: what
// the shared pools connect to is read from internal/db's code. Every
// construction site is marked on its line: "// site: fix" where a reviewer
// judges the fix safe, "// site: keep (why)" where it is not (another
// database in the same shared package, a replica, own settings, a DSN
// parameter, a pool closed then used, an exported factory whose caller
// tunes the pool), and "// site: with-callers" where the fix would be safe
// only with its callers' and singlepool does not make it (none today). An
// exported factory whose callers only use and close its pool is a fix site:
// their Close goes with the fix, in their own packages. One -fix must fix
// every site of the first kind and none of the others; the fixed module must build, vet, and pass its behavior
// tests (no server: internal/dbtest counts the connections each database
// gets), and go vet -fix must write the same files.
func TestFixIncident(t *testing.T) {
	bin, orig := setup(t, "incident")
	marks := siteMarks(t, orig)
	if n := countMarks(marks, "fix"); n < 30 {
		t.Fatalf("testdata/incident has %d fix sites, want at least 30", n)
	}
	if n := countMarks(marks, "keep"); n < 8 {
		t.Fatalf("testdata/incident has %d keep sites, want at least 8", n)
	}

	res := singlepool(t, bin, orig, "-json", "./...")
	noPanic(t, "singlepool -json", res)
	offered := fixOffered(t, res.Stdout, orig)
	for pos, kind := range marks {
		has, reported := offered[pos]
		switch {
		case !reported:
			t.Errorf("%s (site: %s) is not reported", pos, kind)
		case kind == "fix" && !has:
			t.Errorf("%s (site: fix) has no suggested fix", pos)
		case kind != "fix" && has:
			t.Errorf("%s (site: %s) has a suggested fix: it would change what the program does", pos, kind)
		}
	}

	fixed := copyModule(t, "incident")
	res = singlepool(t, bin, fixed, "-fix", "./...")
	noPanic(t, "singlepool -fix", res)
	wantExit(t, "singlepool -fix", res, 0)
	ctor := regexp.MustCompile(`\b(pgxpool\.New|pgxpool\.NewWithConfig|sql\.Open|sqlx\.Connect|sqlx\.Open|gorm\.Open|redis\.NewClient)\(`)
	for pos, kind := range siteMarks(t, fixed) {
		line := lineAt(t, fixed, pos)
		if got := ctor.MatchString(line); got != (kind != "fix") {
			t.Errorf("%s (site: %s) after -fix: %s", pos, kind, strings.TrimSpace(line))
		}
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}, {"test", "-count=1", "./..."}} {
		if r := e2eutil.Run(t, fixed, goEnv, "go", args...); r.Code != 0 {
			t.Errorf("go %s on the fixed module: exit %d\n%s%s", strings.Join(args, " "), r.Code, clip(r.Stdout), clip(r.Stderr))
		}
	}

	vetFixed := copyModule(t, "incident")
	res = vet(t, bin, vetFixed, "-fix", "./...")
	noPanic(t, "go vet -fix", res)
	wantExit(t, "go vet -fix", res, 0)
	if d := e2eutil.Run(t, "/", nil, "diff", "-ru", fixed, vetFixed); d.Code != 0 {
		t.Errorf("diff -ru (singlepool -fix) (go vet -fix):\n%s%s", clip(d.Stdout), d.Stderr)
	}
}

var siteMark = regexp.MustCompile(`//\s*site:\s*(fix|keep|with-callers)\b`)

// siteMarks returns the marked construction sites of the module at root,
// "file:line" -> "fix" or "keep".
func siteMarks(t *testing.T, root string) map[string]string {
	t.Helper()
	marks := make(map[string]string)
	for name, src := range goFiles(t, root) {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		for i, line := range strings.Split(src, "\n") {
			if m := siteMark.FindStringSubmatch(line); m != nil {
				marks[fmt.Sprintf("%s:%d", name, i+1)] = m[1]
			}
		}
	}
	return marks
}

func countMarks(marks map[string]string, kind string) int {
	n := 0
	for _, k := range marks {
		if k == kind {
			n++
		}
	}
	return n
}

func lineAt(t *testing.T, root, pos string) string {
	t.Helper()
	file, line, _ := strings.Cut(pos, ":")
	data, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.Atoi(line)
	if err != nil {
		t.Fatalf("position %q: %v", pos, err)
	}
	return strings.Split(string(data), "\n")[n-1]
}

// fixOffered reads -json output: for each reported "file:line", whether
// one of its diagnostics carries a suggested fix.
func fixOffered(t *testing.T, out, root string) map[string]bool {
	t.Helper()
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("singlepool -json: %v\n%s", err, clip(out))
	}
	got := make(map[string]bool)
	for _, analyzers := range tree {
		for _, raw := range analyzers {
			var diags []struct {
				Posn  string            `json:"posn"`
				Fixes []json.RawMessage `json:"suggested_fixes"`
			}
			if json.Unmarshal(raw, &diags) != nil {
				continue // an error object, not diagnostics
			}
			for _, d := range diags {
				file, rest, _ := strings.Cut(strings.TrimPrefix(d.Posn, root+string(filepath.Separator)), ":")
				line, _, _ := strings.Cut(rest, ":")
				pos := file + ":" + line
				got[pos] = got[pos] || len(d.Fixes) > 0
			}
		}
	}
	return got
}
