package vet

import (
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// TestSummary checks -summary on testdata/fixapp: per rule, the findings
// and those with a fix, each finding without one and why, as text on
// stdout (the diagnostics stay on stderr), and as a JSON object after the
// diagnostics with -json.
func TestSummary(t *testing.T) {
	bin, dir := setup(t, "fixapp")
	flags := []string{"-allow=" + dbPkg, "-singleton=" + singletons}

	res := singlepool(t, bin, dir, append(append([]string{"-summary"}, flags...), "./...")...)
	noPanic(t, "singlepool -summary", res)
	wantExit(t, "singlepool -summary", res, standaloneFindings)
	for _, want := range []string{
		"singlepool summary: 20 findings, 13 with a fix (apply them with singlepool -fix or go fix -fixtool)\n",
		"  close-shared            2 findings,    2 with a fix\n",
		"  new-pool               17 findings,   10 with a fix\n",
		"without a fix (7): review each; accept one with //nolint:singlepool // reason\n",
		"    internal/replica/replica.go:13:23: it connects with ($REPLICA_DATABASE_URL); the shared pool with ($DATABASE_URL)\n",
	} {
		if !strings.Contains(res.Stdout, want) {
			t.Errorf("singlepool -summary: stdout lacks %q:\n%s", want, res.Stdout)
		}
	}
	if strings.Contains(res.Stdout, "creates a new connection pool") || !strings.Contains(res.Stderr, "creates a new connection pool") {
		t.Errorf("singlepool -summary: the diagnostics belong on stderr, the summary on stdout\nstdout:\n%s\nstderr:\n%s", clip(res.Stdout), clip(res.Stderr))
	}

	res = singlepool(t, bin, dir, append(append([]string{"-summary", "-json"}, flags...), "./...")...)
	noPanic(t, "singlepool -summary -json", res)
	dec := json.NewDecoder(strings.NewReader(res.Stdout))
	var objects []map[string]json.RawMessage
	for {
		var obj map[string]json.RawMessage
		if err := dec.Decode(&obj); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("singlepool -summary -json: %v\n%s", err, clip(res.Stdout))
		}
		objects = append(objects, obj)
	}
	if len(objects) != 2 || objects[1]["summary"] == nil {
		t.Fatalf("singlepool -summary -json: want the diagnostics, then {\"summary\": ...}; got %d objects:\n%s", len(objects), clip(res.Stdout))
	}
	var sum struct {
		Findings, Fixable int
		Unfixed           []struct{ Posn, Rule, Reason string }
	}
	if err := json.Unmarshal(objects[1]["summary"], &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Findings != 20 || sum.Fixable != 13 || len(sum.Unfixed) != 7 {
		t.Errorf("summary: %d findings, %d fixable, %d unfixed; want 20, 13, 7", sum.Findings, sum.Fixable, len(sum.Unfixed))
	}
}
