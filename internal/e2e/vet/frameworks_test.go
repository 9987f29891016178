package vet

import (
	"fmt"
	"testing"
)

// frameworksWant is every finding in testdata/frameworks with its own
// packages allowlisted: only what runs per request, call, invocation or
// iteration, with the real gin, echo, fiber, chi, gorilla/mux, grpc (its
// generated health service), aws-lambda-go and x/sync.
var frameworksWant = sorted(
	perCall("web/web.go:21:24", "pgxpool.New", "request (gin handler)"),
	perCall("web/web.go:34:18", "sql.Open", "request (fiber handler)"),
	perCall("web/web.go:43:17", "sql.Open", "request (echo handler)"),
	perCall("rpc/rpc.go:19:23", "pgxpool.New", "call (gRPC method Check)"),
	perCall("fn/fn.go:14:17", "sql.Open", "invocation (Lambda handler)"),
	perCall("jobs/jobs.go:16:25", "pgxpool.New", "iteration"),
	perCall("routers/routers.go:18:18", "sql.Open", "request"), // chi
	perCall("routers/routers.go:25:18", "sql.Open", "request"), // gorilla/mux
)

func perCall(pos, name, every string) string {
	return fmt.Sprintf("%s: %s creates a new connection pool on every %s; create it once and share it", pos, name, every)
}

// TestFrameworks runs singlepool and go vet -vettool on a module using the
// real frameworks: the handler shapes are checked against their types as
// the libraries declare them.
func TestFrameworks(t *testing.T) {
	bin, dir := setup(t, "frameworks")
	args := []string{"-allow=example.com/frameworks/...", "./..."}
	sameUnderBothDrivers(t, bin, dir, args, frameworksWant)
}
