package doccheck

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const root = "../.."

// pages returns the documentation pages, relative to the repository.
func pages(t *testing.T) []string {
	t.Helper()
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil || len(docs) == 0 {
		t.Fatalf("no docs/*.md: %v", err)
	}
	out := []string{"README.md", "ARCHITECTURE.md"}
	for _, d := range docs {
		rel, _ := filepath.Rel(root, d)
		out = append(out, filepath.ToSlash(rel))
	}
	return out
}

var (
	heading = regexp.MustCompile(`^#{1,6} (.+)$`)
	link    = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	notWord = regexp.MustCompile(`[^\p{L}\p{N}_\- ]`)
)

// anchors returns the anchors GitHub gives a page's headings: lower case,
// punctuation dropped, spaces as hyphens, "-1", "-2" for repeats; fenced
// code is not headings.
func anchors(text string) map[string]bool {
	out := make(map[string]bool)
	seen := make(map[string]int)
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		m := heading.FindStringSubmatch(line)
		if fenced || m == nil {
			continue
		}
		a := strings.ReplaceAll(notWord.ReplaceAllString(strings.ToLower(strings.TrimSpace(m[1])), ""), " ", "-")
		if n, ok := seen[a]; ok {
			seen[a] = n + 1
			a += "-" + strconv.Itoa(n+1)
		} else {
			seen[a] = 0
		}
		out[a] = true
	}
	return out
}

// TestLinksResolve: every relative link of the documentation names a file
// of the repository, and every anchor a heading of its page.
func TestLinksResolve(t *testing.T) {
	texts := make(map[string]string)
	for _, p := range pages(t) {
		data, err := os.ReadFile(filepath.Join(root, p))
		if err != nil {
			t.Fatal(err)
		}
		texts[p] = string(data)
	}
	for page, text := range texts {
		fenced := false
		for n, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "```") {
				fenced = !fenced
			}
			if fenced {
				continue
			}
			for _, m := range link.FindAllStringSubmatch(line, -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				file, anchor, _ := strings.Cut(target, "#")
				dest := page
				if file != "" {
					dest = filepath.ToSlash(filepath.Clean(filepath.Join(filepath.Dir(page), file)))
					if _, err := os.Stat(filepath.Join(root, dest)); err != nil {
						t.Errorf("%s:%d: link to %s: no such file", page, n+1, target)
						continue
					}
				}
				if anchor == "" {
					continue
				}
				destText, ok := texts[dest]
				if !ok {
					data, err := os.ReadFile(filepath.Join(root, dest))
					if err != nil {
						t.Errorf("%s:%d: link to %s: %v", page, n+1, target, err)
						continue
					}
					destText = string(data)
				}
				if !anchors(destText)[anchor] {
					t.Errorf("%s:%d: link to %s: %s has no heading with that anchor", page, n+1, target, dest)
				}
			}
		}
	}
}

// TestREADMEBudget keeps the README a front page a newcomer reads in five
// minutes; the reference lives in docs/.
func TestREADMEBudget(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\n"); n > 300 {
		t.Errorf("README.md has %d lines, over its budget of 300: move the detail to docs/", n)
	}
}

func TestAnchors(t *testing.T) {
	got := anchors("# Rules\n## new-pool\n### The settings file: `.singlepool.yml`\n## Bazel (rules_go nogo)\n```\n# not a heading\n```\n## new-pool\n")
	for _, a := range []string{"rules", "new-pool", "the-settings-file-singlepoolyml", "bazel-rules_go-nogo", "new-pool-1"} {
		if !got[a] {
			t.Errorf("no anchor %q in %v", a, got)
		}
	}
	if got["not-a-heading"] {
		t.Error("a line in fenced code is taken as a heading")
	}
}
