package vet

import (
	"strings"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// TestUnboundedFixBehavior applies unbounded-pool's fix (max-open-conns)
// to testdata/limits with singlepool -fix and go vet -fix, and runs the
// module's behavior test, which fails before the fix (no limit) and passes
// after it (the pool is limited to 25 connections).
func TestUnboundedFixBehavior(t *testing.T) {
	bin, orig := setup(t, "limits")
	flags := []string{"-max-conns=postgres=100", "-max-open-conns=25", "./..."}
	res := e2eutil.Run(t, orig, goEnv, "go", "test", "-count=1", "-run", "Behavior", "./...")
	if res.Code == 0 || !strings.Contains(res.Stdout, "MaxOpenConnections = 0") {
		t.Errorf("the behavior test before the fix: exit %d, want a failure (no limit)\n%s%s", res.Code, res.Stdout, res.Stderr)
	}
	res = singlepool(t, bin, orig, flags...)
	if !strings.Contains(res.Stderr, "sql.Open's pool has no connection limit") {
		t.Errorf("singlepool: want the unbounded-pool finding:\n%s", res.Stderr)
	}

	fixed := copyModule(t, "limits")
	res = singlepool(t, bin, fixed, append([]string{"-fix"}, flags...)...)
	noPanic(t, "singlepool -fix", res)
	vetFixed := copyModule(t, "limits")
	res = vet(t, bin, vetFixed, append([]string{"-fix"}, flags...)...)
	noPanic(t, "go vet -fix", res)
	if d := e2eutil.Run(t, "/", nil, "diff", "-ru", fixed, vetFixed); d.Code != 0 {
		t.Errorf("singlepool -fix and go vet -fix differ:\n%s", d.Stdout)
	}
	res = e2eutil.Run(t, fixed, goEnv, "go", "test", "-count=1", "-run", "Behavior", "./...")
	if res.Code != 0 {
		t.Errorf("the behavior test after the fix: exit %d\n%s%s", res.Code, res.Stdout, res.Stderr)
	}
	res = singlepool(t, bin, fixed, flags...)
	wantExit(t, "singlepool after the fix", res, 0)
}
