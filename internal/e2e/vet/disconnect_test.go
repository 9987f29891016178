package vet

import (
	"strings"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// TestFixDisconnect fixes testdata/mongofix, whose events package opens a
// MongoDB client per call and disconnects it, with singlepool -fix and go
// vet -fix. The fix must remove every Disconnect of the pool it replaces:
// a Disconnect left in would disconnect the client shared by the whole
// process. The module's behavior test, run on the fixed code with the
// real mongo-driver and no server, checks that the shared client is still
// connected after the fixed functions return.
func TestFixDisconnect(t *testing.T) {
	bin, orig := setup(t, "mongofix")
	flags := []string{
		"-allow=example.com/mongofix/internal/db",
		"-singleton=go.mongodb.org/mongo-driver/mongo.Connect=example.com/mongofix/internal/db.Mongo",
	}
	for _, driver := range []string{"singlepool", "go vet"} {
		t.Run(driver, func(t *testing.T) {
			fixed := copyModule(t, "mongofix")
			args := append(append([]string{"-fix"}, flags...), "./...")
			var res e2eutil.Result
			if driver == "singlepool" {
				res = singlepool(t, bin, fixed, args...)
			} else {
				res = vet(t, bin, fixed, args...)
			}
			noPanic(t, driver+" -fix", res)
			wantExit(t, driver+" -fix", res, 0)
			src := goFiles(t, fixed)["internal/events/events.go"]
			if n := strings.Count(src, "db.Mongo(ctx)"); n != 2 {
				t.Errorf("events.go calls db.Mongo(ctx) %d times after the fix, want 2:\n%s", n, src)
			}
			for _, gone := range []string{".Disconnect(", "mongo.Connect", `"os"`} {
				if strings.Contains(src, gone) {
					t.Errorf("events.go still has %q after the fix:\n%s", gone, src)
				}
			}
			if !strings.Contains(src, "return names, nil") {
				t.Errorf("events.go: return names, c.Disconnect(ctx) should become return names, nil:\n%s", src)
			}
			for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "-run", "Behavior", "./..."}} {
				if r := e2eutil.Run(t, fixed, goEnv, "go", args...); r.Code != 0 {
					t.Errorf("go %s on the fixed module: exit %d\n%s%s", strings.Join(args, " "), r.Code, r.Stdout, r.Stderr)
				}
			}
			// After the fix nothing is left to report, not even by
			// close-shared.
			res = singlepool(t, bin, fixed, append(flags, "./...")...)
			noPanic(t, "singlepool after -fix", res)
			wantExit(t, "singlepool after -fix", res, 0)
		})
	}
	// The behavior test passes on the original too (each call disconnects
	// only its own client); that it fails when a Disconnect is left on the
	// shared client was checked by hand, by editing only the calls.
	if r := e2eutil.Run(t, orig, goEnv, "go", "test", "-count=1", "-run", "Behavior", "./..."); r.Code != 0 {
		t.Errorf("go test -run Behavior on the original: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}
