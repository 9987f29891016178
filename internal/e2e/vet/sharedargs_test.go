package vet

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// TestProposeSharedArgs runs the demo without the shared-args its
// .singlepool.yml states: its internal/db rewrites DATABASE_URL with a
// helper, which singlepool cannot follow. Each accessor is then reported
// once, at its declaration; the sites say only that they wait for it; and
// -summary proposes exactly the lines the demo's settings hold, with the
// number of sites each unlocks. Pasting what it printed gives as many
// fixes as the committed settings.
func TestProposeSharedArgs(t *testing.T) {
	_, err := os.Stat("../../../examples/demo/go.mod")
	e2eutil.Need(t, "examples/demo", err)
	bin := e2eutil.Singlepool(t)
	dir := filepath.Join(t.TempDir(), "demo")
	e2eutil.CopyDir(t, "../../../examples/demo", dir)
	settings := filepath.Join(dir, ".singlepool.yml")
	data, err := os.ReadFile(settings)
	if err != nil {
		t.Fatal(err)
	}
	committed, stated := splitSharedArgs(string(data))
	if len(stated) != 4 {
		t.Fatalf("examples/demo/.singlepool.yml: %d shared-args entries, want the 4 this test expects", len(stated))
	}
	summary := func() e2eutil.Result {
		r := singlepool(t, bin, dir, "-summary", "./...")
		noPanic(t, "singlepool -summary on the demo", r)
		return r
	}
	want := summary()

	if err := os.WriteFile(settings, []byte(committed), 0o644); err != nil {
		t.Fatal(err)
	}
	res := summary()
	for _, line := range stated {
		if !strings.Contains(res.Stdout, "\n  - "+line+"\n") {
			t.Errorf("-summary without shared-args does not propose %q:\n%s", line, res.Stdout)
		}
	}
	for _, acc := range []string{"db.Pool", "db.SQL", "db.SQLX"} {
		if !regexp.MustCompile(`  # ` + regexp.QuoteMeta(acc) + `: gives a fix to (\d+) of the (\d+) sites waiting for it\n`).MatchString(res.Stdout) {
			t.Errorf("-summary does not say how many sites the line for %s unlocks:\n%s", acc, res.Stdout)
		}
	}
	// Why the accessor cannot be read is said at the accessor, once per
	// constructor; the sites do not repeat it.
	if n := strings.Count(res.Stderr, "withoutParams"); n != 4 {
		t.Errorf("the unread accessors' reason (withoutParams) is printed %d times, want 4 (one per constructor):\n%s", n, clip(res.Stderr))
	}
	if !strings.Contains(res.Stderr, "internal/db/db.go:43:6: singlepool cannot read what db.Pool connects to (withoutParams, a name singlepool cannot follow)") {
		t.Errorf("no report at db.Pool's declaration:\n%s", clip(res.Stderr))
	}
	if !strings.Contains(res.Stderr, "internal/users/handler.go:17:23: pgxpool.New creates a new connection pool on every request outside example.com/demo/internal/db; use the shared pool (no suggested fix: singlepool cannot read what db.Pool connects to; state it with shared-args (singlepool -summary proposes the line))") {
		t.Errorf("a site does not say it waits for db.Pool's shared-args:\n%s", clip(res.Stderr))
	}

	// The JSON form carries the same proposals.
	js := singlepool(t, bin, dir, "-summary", "-json", "./...")
	dec := json.NewDecoder(strings.NewReader(js.Stdout))
	var sum struct {
		SharedArgs []struct {
			Line           string
			Sites, Waiting int
		} `json:"shared_args"`
	}
	for {
		var obj map[string]json.RawMessage
		if err := dec.Decode(&obj); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("-summary -json: %v", err)
		}
		if raw := obj["summary"]; raw != nil {
			if err := json.Unmarshal(raw, &sum); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(sum.SharedArgs) != 4 {
		t.Errorf("-summary -json: %d shared_args proposals, want 4:\n%s", len(sum.SharedArgs), clip(js.Stdout))
	}
	for _, p := range sum.SharedArgs {
		if p.Sites == 0 || p.Sites != p.Waiting {
			t.Errorf("-summary -json: %s unlocks %d of %d sites, want all", p.Line, p.Sites, p.Waiting)
		}
	}

	// Pasted, the proposal gives every fix the committed settings give.
	_, block, ok := strings.Cut(res.Stdout, "\nshared-args:\n")
	if !ok {
		t.Fatalf("-summary printed no shared-args block:\n%s", res.Stdout)
	}
	block, _, _ = strings.Cut(block, "\nprograms over")
	if err := os.WriteFile(settings, []byte(committed+"shared-args:\n"+block), 0o644); err != nil {
		t.Fatal(err)
	}
	got := summary()
	if first(got.Stdout) != first(want.Stdout) {
		t.Errorf("with the proposed shared-args: %q; with the committed ones: %q", first(got.Stdout), first(want.Stdout))
	}
	if strings.Contains(got.Stdout, "cannot read") {
		t.Errorf("with the proposed shared-args, an accessor is still unread:\n%s", got.Stdout)
	}
}

// splitSharedArgs returns a settings file without its shared-args list
// (the list last, as in the demo), and the list's entries.
func splitSharedArgs(yml string) (rest string, entries []string) {
	before, list, ok := strings.Cut(yml, "\nshared-args:\n")
	if !ok {
		return yml, nil
	}
	// The comment just above the list goes with it.
	lines := strings.Split(before, "\n")
	for len(lines) > 0 && strings.HasPrefix(lines[len(lines)-1], "#") {
		lines = lines[:len(lines)-1]
	}
	for _, l := range strings.Split(list, "\n") {
		if e, ok := strings.CutPrefix(l, "  - "); ok {
			entries = append(entries, e)
		}
	}
	return strings.Join(lines, "\n") + "\n", entries
}

func first(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
