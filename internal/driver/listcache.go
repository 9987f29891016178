package driver

import (
	"bytes"
	"crypto/sha256"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/packages"
)

// A listCache keeps, per directory, what go list said about the package
// graph of the package there, so that an edit in the editor does not run
// go list again (half a second on a module of 500 packages) while nothing
// go list read has changed. What it read:
//   - every file and directory of every package in the graph, and the
//     export data files: their size and modification time (a save, a new
//     file, a git checkout, a go get, a cleaned build cache);
//   - the go.mod, go.sum, go.work and vendor/modules.txt files beside or
//     above the main module;
//   - of the edited package's own files, only what decides the graph:
//     the package clause, build constraints, imports and //go:embed lines
//     (the rest is type-checked from the editor's text anyway);
//   - the editor's unsaved text of files in other packages.
//
// A graph with errors other than a package's failure to compile (which
// the loader drops: it type-checks the editor's text itself), or with a
// file that imports "C" in the edited directory (cgo's generated files
// follow its text), is not kept.
type listCache struct {
	mu      sync.Mutex
	entries map[string]*listing // by directory and tests
	recent  []string            // their keys, the most recently used last
	lists   int                 // go list runs, for tests
}

// keptGraphs bounds the graphs kept, the most recently analyzed ones: a
// graph of a module of 500 packages holds tens of MB (some 65 MB of RSS on
// seaweedfs, docs/cost.md), and an editor session visits many packages but
// edits few at a time.
const keptGraphs = 4

type listing struct {
	roots   []*packages.Package // never handed out: clone gives copies
	stamps  map[string]stamp
	headers string            // of the root directory's files
	others  map[string][]byte // sha256 of unsaved files in other directories
}

// A stamp is what stat says of a file: enough to tell it changed.
type stamp struct {
	size  int64
	mtime time.Time
	mode  os.FileMode
	ok    bool // it exists
}

func stampOf(name string) stamp {
	fi, err := os.Stat(name)
	if err != nil {
		return stamp{}
	}
	st := stamp{fi.Size(), fi.ModTime(), fi.Mode(), true}
	if c := goCache(); c != "" && strings.HasPrefix(name, c+string(filepath.Separator)) {
		// Named by their content, and the go command touches the
		// files of its cache as it uses them (hourly, any go command).
		st.mtime = time.Time{}
	}
	return st
}

// goCache is the go command's build cache directory ("" if unknown).
var goCache = sync.OnceValue(func() string {
	out, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		return ""
	}
	return filepath.Clean(strings.TrimSpace(string(out)))
})

// load returns the package graph for cfg and patterns: the kept one when
// it still holds, else go list's (kept for next time when it can be).
func (c *listCache) load(cfg *packages.Config, patterns []string) ([]*packages.Package, error) {
	key := cfg.Dir + "\x00" + strings.Join(patterns, "\x00") + "\x00" + strconv.FormatBool(cfg.Tests)
	headers, headersOK := rootHeaders(cfg.Dir, cfg.Overlay)
	c.mu.Lock()
	e := c.entries[key]
	c.mu.Unlock()
	if e != nil && headersOK && e.holds(headers, cfg.Dir, cfg.Overlay) {
		c.mu.Lock()
		c.use(key)
		c.mu.Unlock()
		return clone(e.roots), nil
	}
	c.mu.Lock()
	c.lists++
	c.mu.Unlock()
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	keep := headersOK
	stamps := make(map[string]stamp)
	visitAll(roots, func(p *packages.Package) {
		if p.Module != nil && p.Module.Error != nil || slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return !compileFailure(e) }) {
			keep = false // a missing import, say: what would resolve it is not stamped
		}
		for _, files := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.EmbedFiles, p.IgnoredFiles} {
			for _, name := range files {
				if filepath.Dir(name) != filepath.Clean(cfg.Dir) { // the root's are read by header
					stamps[name] = stampOf(name)
				}
			}
		}
		if len(p.GoFiles) > 0 {
			if d := filepath.Dir(p.GoFiles[0]); d != filepath.Clean(cfg.Dir) {
				stamps[d] = stampOf(d) // a file added or removed
			}
		}
		if p.ExportFile != "" {
			stamps[p.ExportFile] = stampOf(p.ExportFile)
		}
		if p.Module != nil && p.Module.GoMod != "" {
			for _, name := range moduleFiles(p.Module.GoMod) {
				stamps[name] = stampOf(name)
			}
		}
	})
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = make(map[string]*listing)
	}
	if keep {
		c.entries[key] = &listing{clone(roots), stamps, headers, otherUnsaved(cfg.Dir, cfg.Overlay)}
		c.use(key)
		for len(c.recent) > keptGraphs {
			delete(c.entries, c.recent[0])
			c.recent = c.recent[1:]
		}
	} else {
		delete(c.entries, key)
		c.recent = slices.DeleteFunc(c.recent, func(k string) bool { return k == key })
	}
	return roots, nil
}

// use marks key as the most recently used.
func (c *listCache) use(key string) {
	c.recent = append(slices.DeleteFunc(c.recent, func(k string) bool { return k == key }), key)
}

// holds reports whether nothing that go list read has changed.
func (e *listing) holds(headers, dir string, overlay map[string][]byte) bool {
	if headers != e.headers {
		return false
	}
	others := otherUnsaved(dir, overlay)
	if len(others) != len(e.others) {
		return false
	}
	for name, sum := range others {
		if !bytes.Equal(sum, e.others[name]) {
			return false
		}
	}
	for name, st := range e.stamps {
		if stampOf(name) != st {
			return false
		}
	}
	return true
}

// moduleFiles are the files beside a go.mod, and above it, that decide
// what go list resolves imports to.
func moduleFiles(gomod string) []string {
	dir := filepath.Dir(gomod)
	names := []string{gomod, filepath.Join(dir, "go.sum"), filepath.Join(dir, "vendor", "modules.txt")}
	for d := dir; ; {
		names = append(names, filepath.Join(d, "go.work"), filepath.Join(d, "go.work.sum"))
		up := filepath.Dir(d)
		if up == d {
			return names
		}
		d = up
	}
}

// rootHeaders returns what decides the package graph in dir's Go files,
// with the editor's unsaved text where there is some: names, package
// clauses, build constraints, imports and //go:embed lines. ok is false
// when a file does not parse that far, or imports "C".
func rootHeaders(dir string, overlay map[string][]byte) (string, bool) {
	names := make(map[string]bool)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", false
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") {
			names[filepath.Join(dir, e.Name())] = true
		}
	}
	for name := range overlay {
		if filepath.Dir(name) == filepath.Clean(dir) && strings.HasSuffix(name, ".go") {
			names[name] = true
		}
	}
	sorted := slices.Sorted(func(yield func(string) bool) {
		for n := range names {
			if !yield(n) {
				return
			}
		}
	})
	var b strings.Builder
	fset := token.NewFileSet()
	for _, name := range sorted {
		src, ok := overlay[name]
		if !ok {
			if src, err = os.ReadFile(name); err != nil {
				return "", false
			}
		}
		f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return "", false
		}
		b.WriteString(name + "\n" + f.Name.Name + "\n")
		for _, g := range f.Comments {
			if g.Pos() >= f.Package {
				break
			}
			for _, c := range g.List {
				if strings.HasPrefix(c.Text, "//go:build") || strings.HasPrefix(c.Text, "// +build") {
					b.WriteString(c.Text + "\n")
				}
			}
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"C"` {
				return "", false
			}
			if imp.Name != nil {
				b.WriteString(imp.Name.Name + " ")
			}
			b.WriteString(imp.Path.Value + "\n")
		}
		for _, line := range bytes.Split(src, []byte("\n")) {
			if t := bytes.TrimSpace(line); bytes.HasPrefix(t, []byte("//go:embed")) {
				b.Write(t)
				b.WriteByte('\n')
			}
		}
	}
	return b.String(), true
}

// otherUnsaved returns the checksums of the unsaved files outside dir: go
// list compiles their packages' export data from that text.
func otherUnsaved(dir string, overlay map[string][]byte) map[string][]byte {
	out := make(map[string][]byte)
	for name, src := range overlay {
		if filepath.Dir(name) != filepath.Clean(dir) {
			sum := sha256.Sum256(src)
			out[name] = sum[:]
		}
	}
	return out
}

// clone copies a package graph, so the loader may set types, syntax and
// pruned imports on the copy: each Package is copied, its Imports point
// to the copies, and its error slices are copied.
func clone(roots []*packages.Package) []*packages.Package {
	copies := make(map[*packages.Package]*packages.Package)
	var all []*packages.Package
	visitAll(roots, func(p *packages.Package) {
		c := *p
		c.Errors = slices.Clone(p.Errors) // the loader filters them in place
		c.TypeErrors = slices.Clone(p.TypeErrors)
		copies[p] = &c
		all = append(all, p)
	})
	for _, p := range all {
		c := copies[p]
		c.Imports = make(map[string]*packages.Package, len(p.Imports))
		for path, imp := range p.Imports {
			c.Imports[path] = copies[imp]
		}
	}
	out := make([]*packages.Package, len(roots))
	for i, r := range roots {
		out[i] = copies[r]
	}
	return out
}
