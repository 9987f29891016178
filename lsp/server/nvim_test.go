package server_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// goplsVersion is the stock gopls the Neovim test runs beside singlepool.
const goplsVersion = "golang.org/x/tools/gopls@v0.23.0"

// nvimEdited is TestEditor's edit plus a printf mistake, which gopls'
// printf check reports: its diagnostics must stay beside singlepool's.
var nvimEdited = strings.Replace(edited, "\t\"context\"\n", "\t\"context\"\n\t\"fmt\"\n", 1) +
	"\n// Label is wrong on purpose.\nfunc Label(n int) string { return fmt.Sprintf(\"%s\", n) }\n"

// stockGopls installs the stock gopls from the module proxy (kept in the
// build directory between runs) and returns its path.
func stockGopls(t *testing.T) string {
	t.Helper()
	gobin := filepath.Join(e2eutil.BuildDir(t), "stock-gopls")
	install := exec.Command("go", "install", goplsVersion)
	install.Env = append(os.Environ(), "GOBIN="+gobin)
	out, err := install.CombinedOutput()
	if err != nil {
		err = fmt.Errorf("%v\n%s", err, out)
	}
	e2eutil.Need(t, "the stock gopls ("+goplsVersion+", built from the module proxy)", err)
	return filepath.Join(gobin, "gopls")
}

// TestNeovim runs a real editor: headless Neovim with the stock gopls and
// `singlepool lsp` on the same buffer, as two servers (beside) and as one
// (proxy: `singlepool lsp -gopls=...`, for editors that take one Go
// server). The singlepool diagnostic appears for an unsaved edit, its
// quick fix applies, and gopls' own diagnostics are still there.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	e2eutil.Need(t, "Neovim (apt-get install neovim, or bash scripts/ci-editors.sh)", err)
	gopls := stockGopls(t)
	for _, mode := range []string{"beside", "proxy"} {
		t.Run(mode, func(t *testing.T) { neovim(t, nvim, gopls, mode) })
	}
}

func neovim(t *testing.T, nvim, gopls, mode string) {
	script, err := filepath.Abs("testdata/nvim.lua")
	if err != nil {
		t.Fatal(err)
	}
	runEditor(t, "Neovim", gopls, mode, func(string) *exec.Cmd {
		return exec.Command(nvim, "--headless", "-u", "NONE", "-c", "luafile "+script)
	})
}

// runEditor runs an editor's script (testdata/nvim.lua, eglot.el) on a
// copy of testdata/app and checks what it did: the singlepool diagnostic
// and gopls' printf finding for the unsaved edit, the quick fix applied
// and written, then gopls' finding alone, and the written file builds.
func runEditor(t *testing.T, editor, gopls, mode string, command func(dir string) *exec.Cmd) {
	dir := t.TempDir()
	e2eutil.CopyDir(t, "testdata/app", dir)
	outFile := filepath.Join(t.TempDir(), "out.txt")
	cmd := command(dir)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"SP_DIR="+dir, "SP_BIN="+buildSinglepool(t), "SP_GOPLS="+gopls,
		"SP_OUT="+outFile, "SP_EDITED="+nvimEdited, "SP_MODE="+mode)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", editor, err, b)
	}
	b, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	t.Logf("%s:\n%s", editor, got)
	for _, want := range []string{
		"singlepool: pgxpool.New creates a new connection pool outside example.com/app/internal/db; use the shared pool\n",
		"gopls: fmt.Sprintf format %s has arg n of wrong type int\n",
		"applied: ",
		"singlepool after the fix: 0\n",
		"gopls after the fix: fmt.Sprintf format %s has arg n of wrong type int\n",
		"done\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("%s's output lacks %q", editor, want)
		}
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "users", "users.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fixed), "db.Pool(ctx)") || strings.Contains(string(fixed), "pgxpool.New") {
		t.Errorf("the file %s wrote does not call the shared pool:\n%s", editor, fixed)
	}
	build := exec.Command("go", "build", "./...")
	build.Dir = dir
	if b, err := build.CombinedOutput(); err != nil {
		t.Errorf("go build after the quick fix in %s: %v\n%s", editor, err, b)
	}
}
