// Package singlepool defines an Analyzer that reports code creating a
// database pool or pooled client outside the package that owns the shared
// one. See doc.go for the full documentation.
package singlepool

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: the go vet and gopls check name, the
// golangci-lint linter name and its settings key.
const Name = "singlepool"

// URL is the documentation of the rules; diagnostics link to URL#category.
const URL = "https://github.com/singlepool/singlepool/blob/main/README.md"

// Diagnostic categories (LSP "code"), each a section of the README.
const (
	categoryPool     = "new-pool"
	categoryConn     = "new-conn"
	categoryAccessor = "bad-accessor"
	categoryConfig   = "bad-config"
	// Beyond the allowlist: factories, pools per request or iteration,
	// and programs over max-pools.
	categoryFactory      = "pool-factory"
	categoryPerRequest   = "pool-per-request"
	categoryPerIteration = "pool-per-iteration"
	categoryMaxPools     = "max-pools"
)

// Analyzer reports constructor uses with default settings, which the
// command-line flags (-allow, -singleton, ...) change.
var Analyzer = newFlagAnalyzer()

// New returns an analyzer configured by cfg, for drivers that do not pass
// flags (golangci-lint, programs embedding singlepool). It fails if cfg, or
// the settings file it names, is invalid; the error names the setting.
// Without cfg.ConfigFile, New does not look for a settings file.
func New(cfg Config) (*analysis.Analyzer, error) {
	r := &runner{cfg: cfg}
	if _, err := r.settingsFor(cfg.ConfigFile); err != nil {
		return nil, err
	}
	return r.analyzer(), nil
}

// A runner holds an analyzer's settings: from New, or from the flags and
// the settings file that applies to each package.
type runner struct {
	cfg      Config
	flags    *flagsSet // the flags given on the command line; nil for New
	discover bool      // look for ConfigFileName above each package
	files    fileCache
	mu       sync.Mutex
	compiled map[string]*compiledSettings // by settings file key; "" for none
}

type compiledSettings struct {
	s   *settings
	err error
}

func newFlagAnalyzer() *analysis.Analyzer {
	r := &runner{discover: true, flags: new(flagsSet)}
	a := r.analyzer()
	bindFlags(&a.Flags, &r.cfg, r.flags)
	return a
}

func (r *runner) analyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      Name,
		Doc:       extractDoc(doc),
		URL:       URL,
		Run:       r.run,
		FactTypes: []analysis.Fact{new(factoryFact), new(packageFact)},
	}
	runners.Store(a, r)
	return a
}

// settingsFor returns the settings compiled from the named settings file
// ("" for none) and the directly given ones, which take precedence.
func (r *runner) settingsFor(file string) (*settings, error) {
	var lf *loadedFile
	key := ""
	if file != "" {
		lf = r.files.load(file)
		key = lf.key
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.compiled[key]; ok {
		return c.s, c.err
	}
	c := &compiledSettings{}
	cfg := r.cfg
	if lf != nil {
		if lf.err != nil {
			c.err = lf.err
		} else {
			cfg = merge(lf.cfg, r.cfg, r.isSet)
		}
	}
	if c.err == nil {
		c.s, c.err = compile(cfg)
	}
	if r.compiled == nil {
		r.compiled = make(map[string]*compiledSettings)
	}
	r.compiled[key] = c
	return c.s, c.err
}

// isSet reports whether a setting was given directly: a flag set on the
// command line, or a non-zero field of the Config passed to New.
func (r *runner) isSet(name string) bool {
	if r.flags != nil {
		return r.flags.has(name)
	}
	return !isZeroSetting(r.cfg, name)
}

// settingsFile returns the settings file for the package: -config, or the
// nearest ConfigFileName above its directory.
func (r *runner) settingsFile(pass *analysis.Pass) string {
	return r.settingsFileFor(packageDir(pass))
}

// settingsFileFor is settingsFile for a package in dir ("" if unknown).
func (r *runner) settingsFileFor(dir string) string {
	if cf := r.cfg.ConfigFile; cf != "" || !r.discover {
		if cf != "" && !filepath.IsAbs(cf) && r.discover {
			if root := moduleRoot(dir); root != "" {
				return filepath.Join(root, cf)
			}
		}
		return cf
	}
	if dir != "" {
		return r.files.find(dir)
	}
	return ""
}

// runners maps each analyzer made here to its runner, for Constructors.
var runners sync.Map // *analysis.Analyzer -> *runner

// Constructors returns the constructors a checks in the packages whose
// files are in dirs: the catalog's and those the flags and settings files
// add, by full name: "pkg/path.Func" or "(pkg/path.Type).Method". Only a
// package that can call one of them (or a function that calls one) can
// hold a fact, which lets a driver load every other dependency from export
// data (see internal/driver). An invalid settings file adds nothing: its
// packages get one bad-config diagnostic and hold no facts. It fails if
// the settings given directly are invalid, or if a was not made by this
// package.
func Constructors(a *analysis.Analyzer, dirs []string) ([]string, error) {
	v, ok := runners.Load(a)
	if !ok {
		return nil, fmt.Errorf("analyzer %s was not made by package singlepool", a.Name)
	}
	r := v.(*runner)
	names := make(map[string]bool)
	files := make(map[string]bool)
	for _, dir := range dirs {
		file := r.settingsFileFor(dir)
		if files[file] {
			continue
		}
		files[file] = true
		s, err := r.settingsFor(file)
		if _, bad := err.(*configError); bad {
			continue
		}
		if err != nil {
			return nil, err
		}
		for k := range s.ctors {
			names[k] = true
		}
	}
	return slices.Sorted(maps.Keys(names)), nil
}

// packageDir returns the absolute directory of the package's source files.
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		name := pass.Fset.File(f.FileStart).Name()
		// Skip files generated into the build cache (cgo) and names that
		// are not Go files (//line directives may rename them).
		if !strings.HasSuffix(name, ".go") || strings.Contains(name, "go-build") {
			continue
		}
		// Drivers that pass relative names (Bazel's nogo runs in the
		// execution root) resolve against the working directory.
		if abs, err := filepath.Abs(name); err == nil {
			return filepath.Dir(abs)
		}
	}
	return ""
}

// A site is one use of a constructor.
type site struct {
	id      *ast.Ident
	fn      *types.Func
	kind    kind
	factory *factoryFact // set when fn is a factory of another package
}

func (r *runner) run(pass *analysis.Pass) (any, error) {
	s, err := r.settingsFor(r.settingsFile(pass))
	if cerr, ok := err.(*configError); ok {
		// A bad settings file is one diagnostic per package, at its
		// package clause, where every driver (gopls too) shows it.
		if len(pass.Files) > 0 {
			pass.Report(analysis.Diagnostic{
				Pos:      pass.Files[0].Name.Pos(),
				Category: categoryConfig,
				URL:      URL + "#" + categoryConfig,
				Message:  "singlepool settings: " + cerr.Error(),
			})
		}
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if s.pkgs[pass.Pkg.Path()] {
		// The library that implements constructors (database/sql, pgx's
		// stdlib): its calls of them are their implementation, not uses,
		// and its wrappers (stdlib.OpenDBFromPool) are not factories.
		return nil, nil
	}
	allowed := s.allowed(pass.Pkg.Path())
	if allowed {
		checkAccessors(pass, s)
	}
	deps := dependencies(pass)
	if !mayUseConstructors(pass.Pkg, s) && len(deps.factoryPkgs) == 0 {
		exportPackageFact(pass, false, nil, deps)
		checkMaxPools(pass, s, deps, nil)
		return nil, nil // the common case: no syntax is visited
	}
	sites := findSites(pass, s, deps)
	own := exportFacts(pass, s, deps, sites)
	checkMaxPools(pass, s, deps, own)
	if len(s.allow) == 0 && s.cfg.MaxPools > 0 {
		return nil, nil // counting mode: only programs over the limit
	}
	// Sites by file, in source order; a file's fixes are planned together.
	files := make(map[*token.File]*ast.File, len(pass.Files))
	for _, f := range pass.Files {
		files[pass.Fset.File(f.FileStart)] = f
	}
	for len(sites) > 0 {
		tf := pass.Fset.File(sites[0].id.Pos())
		n := 1
		for n < len(sites) && pass.Fset.File(sites[n].id.Pos()) == tf {
			n++
		}
		fileSites := sites[:n]
		sites = sites[n:]
		file := files[tf]
		if file == nil || !s.checksFile(tf.Name(), file) {
			continue
		}
		// Decide which sites to report, and in what words.
		var reported []site
		var paths [][]ast.Node
		var contexts []string
		for _, st := range fileSites {
			path := enclosingPath(file, st.id.Pos())
			ctx := useContext(pass, path)
			if !reports(allowed, st, ctx) {
				continue
			}
			reported = append(reported, st)
			paths = append(paths, path)
			contexts = append(contexts, ctx)
		}
		fixes := make([]*analysis.SuggestedFix, len(reported))
		noFix := make([]string, len(reported))
		if !allowed {
			fixes, noFix = fileFixes(pass, s, file, reported, paths)
		}
		for i, st := range reported {
			cat := category(st, contexts[i])
			msg := message(s, allowed, writtenName(st, paths[i]), st, contexts[i])
			if noFix[i] != "" {
				// A singleton is configured, so a fix is expected: say
				// why there is none.
				msg += " (no suggested fix: " + noFix[i] + ")"
			}
			d := analysis.Diagnostic{
				Pos:      st.id.Pos(),
				End:      st.id.End(),
				Category: cat,
				URL:      URL + "#" + cat,
				Message:  msg,
			}
			if fixes[i] != nil {
				d.SuggestedFixes = []analysis.SuggestedFix{*fixes[i]}
			}
			pass.Report(d)
		}
	}
	return nil, nil
}

// mayUseConstructors reports whether pkg can refer to a constructor at all:
// a package-level constructor needs a direct import of its package, a
// method one a transitive import. It lets most packages return before any
// work proportional to their size.
func mayUseConstructors(pkg *types.Package, s *settings) bool {
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package, direct bool) bool
	visit = func(p *types.Package, direct bool) bool {
		for _, imp := range p.Imports() {
			if s.pkgs[imp.Path()] && (direct || s.hasMethods(imp.Path())) {
				return true
			}
			if !seen[imp] && len(s.methodPkgs) > 0 {
				seen[imp] = true
				if visit(imp, false) {
					return true
				}
			}
		}
		return false
	}
	return visit(pkg, true)
}

// findSites returns the uses of constructors in the package, by file name and position.
func findSites(pass *analysis.Pass, s *settings, deps depSummary) []site {
	var sites []site
	for id, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil {
			continue
		}
		if s.pkgs[fn.Pkg().Path()] {
			if k, ok := s.ctors[funcKey(fn)]; ok {
				sites = append(sites, site{id: id, fn: fn, kind: k})
				continue
			}
		}
		if f := importedFactory(pass, deps, fn); f != nil {
			sites = append(sites, site{id: id, fn: fn, kind: kindPool, factory: f})
		}
	}
	// By file name, then offset: drivers parse a package's files in
	// parallel (go/packages), so the order of files in token.Pos space,
	// and with it the order of reports (-json), would vary run to run.
	sort.Slice(sites, func(i, j int) bool {
		fi, fj := pass.Fset.File(sites[i].id.Pos()), pass.Fset.File(sites[j].id.Pos())
		if fi != fj {
			return fi.Name() < fj.Name()
		}
		return sites[i].id.Pos() < sites[j].id.Pos()
	})
	return sites
}

// funcKey returns the canonical catalog key of fn: its full name without
// the pointer star of a method receiver.
func funcKey(fn *types.Func) string {
	return strings.Replace(fn.Origin().FullName(), "(*", "(", 1)
}

// checksFile reports whether the file is checked under the test and
// generated-file policies.
func (s *settings) checksFile(name string, f *ast.File) bool {
	if s.cfg.AllowTests && strings.HasSuffix(name, "_test.go") {
		return false
	}
	if !s.cfg.CheckGenerated && ast.IsGenerated(f) && !isCgoOutput(f) {
		return false
	}
	return true
}

// isCgoOutput reports whether f is a user's file as rewritten by cgo,
// which drivers analyze in place of the original: it says "Code
// generated", but the code in it is the user's.
func isCgoOutput(f *ast.File) bool {
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		for _, c := range cg.List {
			if strings.HasPrefix(c.Text, "// Code generated by cmd/cgo") {
				return true
			}
		}
	}
	return false
}

func (s *settings) hasMethods(pkg string) bool { return s.methodPkgs[pkg] }

// reports decides whether a site is reported: every site outside the
// allowlist, and inside it only a pool built per request or per iteration.
func reports(allowed bool, st site, ctx string) bool {
	return !allowed || ctx != ""
}

func category(st site, ctx string) string {
	switch {
	case ctx == ctxRequest:
		return categoryPerRequest
	case ctx == ctxIteration:
		return categoryPerIteration
	case st.factory != nil:
		return categoryFactory
	case st.kind == kindConn:
		return categoryConn
	}
	return categoryPool
}

func message(s *settings, allowed bool, name string, st site, ctx string) string {
	what := "creates a new connection pool"
	if st.kind == kindConn {
		what = "opens a new database connection"
	}
	switch {
	case ctx != "":
		what += " on every " + ctx
	case st.factory != nil:
		what += " on every call"
	}
	if st.factory != nil {
		what += " (" + st.factory.Via + ")"
	}
	switch {
	case allowed:
		return fmt.Sprintf("%s %s; create it once and share it", name, what)
	case len(s.allow) == 0:
		return fmt.Sprintf("%s %s; create the pool once in the package that owns it, allowlist that package (-allow=PKG) and use its shared pool everywhere else", name, what)
	}
	return fmt.Sprintf("%s %s outside %s; use the shared pool", name, what, s.allowText())
}

// writtenName names the constructor as the code writes it: "pgxpool.New",
// "pg.New" for a renamed import, "New" for a dot import, and
// "(*gocql.ClusterConfig).CreateSession" for a method.
func writtenName(st site, path []ast.Node) string {
	if st.fn.Signature().Recv() != nil {
		return shortFuncName(st.fn)
	}
	if len(path) > 1 {
		if sel, ok := path[1].(*ast.SelectorExpr); ok && sel.Sel == st.id {
			if x, ok := sel.X.(*ast.Ident); ok {
				return x.Name + "." + st.id.Name
			}
		}
	}
	return st.id.Name
}

// extractDoc returns the analyzer documentation from the text of doc.go:
// the package comment from its "# Analyzer singlepool" heading on.
func extractDoc(src string) string {
	var b strings.Builder
	started := false
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "//") {
			if started {
				break
			}
			continue
		}
		line = strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		if !started {
			if line != "# Analyzer "+Name {
				continue
			}
			started = true
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	// Like x/tools' passes, the first line reads "name: title"; drivers
	// print the name themselves.
	return strings.TrimPrefix(strings.TrimSpace(b.String()), Name+": ")
}
