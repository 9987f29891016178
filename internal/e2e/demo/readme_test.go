package demo

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// TestREADMEFindings keeps the README's demo figures true: `make demo`'s
// "it found N pool constructors" and the before/after table's findings row
// are what singlepool reports on examples/demo today (no PostgreSQL
// needed).
func TestREADMEFindings(t *testing.T) {
	root := e2eutil.RepoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	demoSrc := filepath.Join(root, "examples", "demo")
	res := e2eutil.Run(t, demoSrc, nil, singlepoolBin(t), append(demoFlags(t, demoSrc), "./...")...)
	got := countFindings(res)
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`singlepool exited 3: it found (\d+) pool constructors`),
		regexp.MustCompile(`\| pools built \(singlepool findings\) \| (\d+) \| 0 \|`),
	} {
		m := re.FindSubmatch(readme)
		if m == nil {
			t.Errorf("README.md no longer matches %q", re)
			continue
		}
		if n, _ := strconv.Atoi(string(m[1])); n != got {
			t.Errorf("README.md says %q, but singlepool reports %d findings on examples/demo", m[0], got)
		}
	}
}
