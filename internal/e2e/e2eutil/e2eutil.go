// Package e2eutil holds what the end-to-end tests share: locating the
// repository, building the real binaries once per test process, running
// commands, and failing (under CI=true) or skipping loudly when the machine
// lacks something a test needs.
package e2eutil

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// InCI reports whether the tests run in CI, where a missing dependency is
// a failure instead of a skip.
func InCI() bool { return os.Getenv("CI") == "true" }

// Need stops the test when a requirement is missing: it fails under
// CI=true and otherwise skips with a message saying what is missing.
func Need(t testing.TB, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if InCI() {
		t.Fatalf("MISSING REQUIREMENT %s: %v (CI=true: failing instead of skipping)", what, err)
	}
	t.Skipf("SKIPPED: MISSING REQUIREMENT %s: %v (under CI=true this fails)", what, err)
}

// RepoRoot returns the repository root (the directory of the root go.mod).
func RepoRoot(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "..")
	root, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("repository root not found: %v", err)
	}
	return root
}

// BuildDir returns the repository's ignored build cache folder (.build).
func BuildDir(t testing.TB) string {
	d := filepath.Join(RepoRoot(t), ".build")
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

var (
	buildOnce sync.Once
	buildPath string
	buildErr  error
)

// Singlepool builds cmd/singlepool once per test process and returns the
// binary's path.
func Singlepool(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		root := RepoRoot(t)
		buildPath = filepath.Join(BuildDir(t), "bin", "singlepool")
		cmd := exec.Command("go", "build", "-o", buildPath, "./cmd/singlepool")
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out) + err.Error())
		}
	})
	if buildErr != nil {
		t.Fatalf("building singlepool: %v", buildErr)
	}
	return buildPath
}

// Result is what a command did.
type Result struct {
	Stdout, Stderr string
	Code           int // exit code; -1 if it did not start
}

// Run runs name with args in dir, with env added to the environment.
func Run(t testing.TB, dir string, env []string, name string, args ...string) Result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := Result{Stdout: stdout.String(), Stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		res.Code = exit.ExitCode()
	default:
		res.Code = -1
		res.Stderr += err.Error()
	}
	t.Logf("$ (cd %s && %s %s) => exit %d", dir, name, strings.Join(args, " "), res.Code)
	return res
}

// CopyDir copies the tree at src to dst (files and directories only).
func CopyDir(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatalf("copying %s: %v", src, err)
	}
}
