package driver

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
	"github.com/singlepool/singlepool/passes/singlepool"
)

// TestProfiles: -cpuprofile and -memprofile are written by the driver's
// own run (singlechecker's would load everything from source, which is
// not what a profile of singlepool should show).
func TestProfiles(t *testing.T) {
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "the go command", err)
	t.Chdir(filepath.Join("testdata", "app"))
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	code, ok := Run(singlepool.NewFlagAnalyzer(), []string{"-cpuprofile=" + cpu, "-memprofile=" + mem, "./plain"})
	if !ok || code != 0 {
		t.Fatalf("Run: exit %d, handled %v; want 0 by the driver", code, ok)
	}
	for _, name := range []string{cpu, mem} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) { // pprof profiles are gzipped protobufs
			t.Errorf("%s is not a pprof profile (%d bytes)", filepath.Base(name), len(data))
		}
	}
}
