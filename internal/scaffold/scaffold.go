// Package scaffold implements `singlepool -init=IMPORTPATH`: it finds the
// construction sites as a normal run does, groups them by what they
// connect to, and writes the package that owns the shared pools (one
// accessor per constructor, built once) and the .singlepool.yml that
// makes the next `singlepool -fix` call it. It never overwrites a file.
package scaffold

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/singlepool/singlepool/internal/driver"
	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/mod/module"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Flag is the command-line flag that starts -init.
const Flag = "init"

// Args returns the import path of an -init command line and the other
// arguments; ok is false if args has no -init flag.
func Args(args []string) (importPath string, rest []string, ok bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "--" {
			break // the package patterns
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != Flag {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
			rest = append(append(rest, args[:i]...), args[i+2:]...)
		} else {
			rest = append(append(rest, args[:i]...), args[i+1:]...)
		}
		return value, rest, true
	}
	return "", args, false
}

// An exitError is a failure with its exit code: 2 for bad input (nothing
// written), 1 for a failure of the run.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func badInput(format string, args ...any) error {
	return &exitError{2, fmt.Sprintf(format, args...)}
}

// Run runs `singlepool -init=importPath args...` in the working
// directory, reporting to w, and returns the exit code.
func Run(w io.Writer, importPath string, args []string) int {
	err := run(w, importPath, args)
	if err == nil {
		return 0
	}
	fmt.Fprintln(w, "singlepool -init:", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 1
}

// A goModule is what go list -m says of the main module.
type goModule struct {
	Path string
	Dir  string
}

func run(w io.Writer, importPath string, args []string) error {
	mod, err := mainModule()
	if err != nil {
		return err
	}
	dir, pkgName, err := target(mod, importPath)
	if err != nil {
		return err
	}
	settingsFile := filepath.Join(mod.Dir, singlepool.ConfigFileName)
	for _, p := range []string{dir, settingsFile} {
		if _, err := os.Lstat(p); err == nil {
			return badInput("%s exists: -init never overwrites a file; move it away, or write the settings by hand (docs/adoption.md)", relPath(p))
		}
	}

	a := singlepool.NewCensusAnalyzer()
	graph, err := driver.Analyze(a, args)
	if err != nil {
		return badInput("%v", err)
	}
	budget, err := singlepool.BudgetOf(a)
	if err != nil {
		return badInput("%v", err)
	}
	c := census(graph)
	if len(c.sites) == 0 {
		return badInput("no construction site of a pool or client in %s: nothing to share", strings.Join(patternsOf(args), " "))
	}
	p := planFor(c.sites)
	if len(p.dbs) == 0 {
		printLeft(w, p.left)
		return badInput("none of the %d construction sites can take a shared pool (above, why): nothing written", len(c.sites))
	}
	g := &generator{pkgName: pkgName, budget: budget, known: c.known, stated: singlepool.StatedPackages()}
	src, err := g.generate(p)
	if err != nil {
		return err
	}
	file := filepath.Join(dir, pkgName+".go")
	settings := settingsText(importPath, g.accessors, budget)
	if err := writeNew(dir, file, src, settingsFile, settings); err != nil {
		return err
	}
	fmt.Fprintf(w, "singlepool -init: wrote %s and %s\n", relPath(file), relPath(settingsFile))
	if err := buildsAndVets(mod.Dir, importPath); err != nil {
		return err
	}
	fixes, err := fixesAfter(args)
	if err != nil {
		return err
	}
	report(w, reportData{importPath: importPath, pkgName: pkgName, accessors: g.accessors, left: p.left,
		notes: g.notes, fixes: fixes, mains: c.mainsReaching(p), args: args})
	return nil
}

// mainModule returns the module of the working directory.
func mainModule() (goModule, error) {
	cmd := exec.Command("go", "list", "-m", "-json")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return goModule{}, badInput("-init writes into the module of the working directory, and go list -m found none: %s", strings.TrimSpace(stderr.String()))
	}
	var m goModule
	dec := json.NewDecoder(bytes.NewReader(out))
	if err := dec.Decode(&m); err != nil || m.Dir == "" {
		return goModule{}, badInput("go list -m: no main module")
	}
	if dec.More() {
		return goModule{}, badInput("-init writes into one module, and the workspace has several: run it with GOWORK=off in the module's directory")
	}
	return m, nil
}

// target returns the directory and package name of importPath, which
// must be inside the module.
func target(mod goModule, importPath string) (dir, name string, err error) {
	if importPath == "" {
		return "", "", badInput("-init needs the shared package's import path: -init=%s/internal/db", mod.Path)
	}
	if err := module.CheckImportPath(importPath); err != nil {
		return "", "", badInput("-init=%s: %v", importPath, err)
	}
	rel, ok := strings.CutPrefix(importPath, mod.Path+"/")
	if !ok {
		return "", "", badInput("-init=%s is not a package of module %s (in %s): the shared package is written inside the module, for example -init=%s/internal/db", importPath, mod.Path, relPath(mod.Dir), mod.Path)
	}
	name = packageName(path.Base(importPath))
	if name == "" {
		return "", "", badInput("-init=%s: its last element makes no Go package name", importPath)
	}
	return filepath.Join(mod.Dir, filepath.FromSlash(rel)), name, nil
}

// packageName makes a Go identifier of a path element, as go mod init
// does for a module's package: letters and digits only, lower case, not
// starting with a digit.
func packageName(elem string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(elem) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' && b.Len() > 0 || r == '_' {
			b.WriteRune(r)
		}
	}
	if !token.IsIdentifier(b.String()) || token.IsKeyword(b.String()) {
		return ""
	}
	return b.String()
}

// writeNew writes the package file and the settings file, each created
// new (never overwriting); if the second fails, the first is removed.
func writeNew(dir, file string, src []byte, settingsFile string, settings []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := createNew(file, src); err != nil {
		return err
	}
	if err := createNew(settingsFile, settings); err != nil {
		_ = os.RemoveAll(dir)
		return err
	}
	return nil
}

func createNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return badInput("%v", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// buildsAndVets checks the generated package with the module's own
// versions of the libraries.
func buildsAndVets(modDir, importPath string) error {
	for _, verb := range []string{"build", "vet"} {
		cmd := exec.Command("go", verb, importPath)
		cmd.Dir = modDir
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go %s %s fails on the written package (with this module's versions of the libraries); fix it or remove it and write it by hand:\n%s", verb, importPath, out)
		}
	}
	return nil
}

// A censusResult is the sites of the root packages and what the program
// holds.
type censusResult struct {
	sites []siteRef
	pkgs  map[string]*packages.Package // every package of the program
	roots []*packages.Package
}

func (c censusResult) known(pkgPath string) bool { return c.pkgs[pkgPath] != nil }

func census(graph *checker.Graph) censusResult {
	c := censusResult{pkgs: make(map[string]*packages.Package)}
	seen := make(map[string]bool)
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		c.roots = append(c.roots, act.Package)
		res, ok := act.Result.(*singlepool.Result)
		if act.Err != nil || !ok || res == nil {
			continue
		}
		for _, s := range res.Sites {
			pos := act.Package.Fset.Position(s.Pos)
			posn := fmt.Sprintf("%s:%d:%d", relPath(pos.Filename), pos.Line, pos.Column)
			if seen[posn] {
				continue
			}
			seen[posn] = true
			c.sites = append(c.sites, siteRef{CensusSite: s, Posn: posn, Pkg: act.Package.PkgPath})
		}
	}
	// Every package of the program, from export data or source.
	packages.Visit(c.roots, nil, func(p *packages.Package) { c.pkgs[p.PkgPath] = p })
	slices.SortFunc(c.sites, func(a, b siteRef) int { return strings.Compare(a.Posn, b.Posn) })
	return c
}

// mainsReaching returns the main packages (not tests) that import, at any
// depth, a package with a site the plan shares: where Close goes.
func (c censusResult) mainsReaching(p plan) []string {
	sitePkgs := make(map[string]bool)
	for _, db := range p.dbs {
		for _, s := range db.sites {
			if !s.Test {
				sitePkgs[s.Pkg] = true
			}
		}
	}
	var mains []string
	for _, r := range c.roots {
		if r.Name != "main" || strings.HasSuffix(r.PkgPath, ".test") || strings.Contains(r.ID, " [") {
			continue
		}
		reaches := false
		packages.Visit([]*packages.Package{r}, func(q *packages.Package) bool {
			if sitePkgs[q.PkgPath] {
				reaches = true
			}
			return !reaches
		}, nil)
		if reaches && !slices.Contains(mains, r.PkgPath) {
			mains = append(mains, r.PkgPath)
		}
	}
	slices.Sort(mains)
	return mains
}

// patternsOf returns the package patterns of args, for messages.
func patternsOf(args []string) []string {
	for i, a := range args {
		if !strings.HasPrefix(a, "-") {
			return args[i:]
		}
	}
	return nil
}

// relPath shows name relative to the working directory when below it.
func relPath(name string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return name
}

// budgetNotes warn that the sites left alone keep their pools, which the
// connection budget counts beside the shared ones -init sized.
func budgetNotes(p plan, b singlepool.Budget) []string {
	count := make(map[string]int)
	for _, l := range p.left {
		if _, ok := b.Limit(l.System); ok && !l.Test && l.System != "" {
			count[l.System]++
		}
	}
	var notes []string
	for _, system := range slices.Sorted(maps.Keys(count)) {
		limit, _ := b.Limit(system)
		notes = append(notes, fmt.Sprintf("%s on %s left alone: their pools count against max-conns %d beside the shared one; singlepool -max-conns=%s=%d ./cmd/... checks the total", plural(count[system], "site"), system, limit, system, limit))
	}
	return notes
}
