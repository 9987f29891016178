package server_test

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// TestEglot runs Emacs' eglot, which takes one server per buffer, on
// `singlepool lsp -gopls=<stock gopls>` as docs/editors.md configures it
// (batch Emacs 28 with Debian's elpa-eglot 1.9 and elpa-go-mode): the
// singlepool diagnostic and gopls' own arrive, the quick fix applies and
// the written file builds.
func TestEglot(t *testing.T) {
	emacs, err := exec.LookPath("emacs")
	if err == nil {
		// eglot and go-mode are packages of their own on Emacs 28.
		var out []byte
		out, err = exec.Command(emacs, "--batch", "--eval", "(progn (require 'eglot) (require 'go-mode))").CombinedOutput()
		if err != nil {
			err = fmt.Errorf("%v\n%s", err, out)
		}
	}
	e2eutil.Need(t, "Emacs with eglot and go-mode (apt-get install emacs-nox elpa-eglot elpa-go-mode, or bash scripts/ci-editors.sh)", err)
	gopls := stockGopls(t)
	script, err := filepath.Abs("testdata/eglot.el")
	if err != nil {
		t.Fatal(err)
	}
	runEditor(t, "eglot", gopls, "proxy", func(dir string) *exec.Cmd {
		// eglot finds the project by its version control root.
		if out, err := exec.Command("git", "-C", dir, "init", "-q").CombinedOutput(); err != nil {
			t.Fatalf("git init: %v\n%s", err, out)
		}
		return exec.Command(emacs, "--batch", "-l", script)
	})
}
