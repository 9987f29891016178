package driver

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// Load loads the packages that match patterns, ready for checker.Analyze
// with an analyzer that uses facts.
//
// The standard checker (go/packages in LoadAllSyntax mode) parses and
// type-checks every dependency from source so that facts can be computed
// everywhere. A fact of singlepool can only arise in a package that calls
// a constructor, or a function of another package that holds a fact (see
// decideSource and callersFirst). So only the matched packages and the
// dependencies that can are loaded from source; every other dependency
// comes from the export data the go command keeps in its build cache, as
// for an analyzer without facts. The returned packages' Imports hold only
// the source-loaded dependencies (those below an importer read from export
// data included), so the checker runs the analyzer on exactly those.
//
// ctors is given the directories of all the packages in the program and
// returns the constructors (singlepool.Constructors); its
// error is returned as is. Like go/packages, Load returns only top-level
// errors; errors in packages are in their Errors fields.
//
// With st (not nil), Load analyzes the dependencies that may call a
// constructor first, and reads an importer of theirs from export data when
// it names no function that got a fact (see callersFirst). With nil, every
// such importer is loaded from source.
func Load(patterns []string, tests bool, ctors func(dirs []string) ([]singlepool.FuncName, error), st *staging) ([]*packages.Package, error) {
	return loadFrom(source{}, patterns, tests, ctors, st)
}

// A source says where Load reads the code: the directory patterns are
// relative to ("" for the current one), and the editor's unsaved files by
// absolute name, which replace those on disk (go/packages' Overlay).
type source struct {
	dir     string
	overlay map[string][]byte
	lists   *listCache // keeps go list's graph between loads (nil: none)
}

func loadFrom(src source, patterns []string, tests bool, ctors func(dirs []string) ([]singlepool.FuncName, error), st *staging) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Dir:     src.dir,
		Overlay: src.overlay,
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
			packages.NeedModule | packages.NeedTypesSizes,
		Tests: tests,
	}
	var roots []*packages.Package
	var err error
	if src.lists != nil {
		roots, err = src.lists.load(cfg, patterns)
	} else {
		roots, err = packages.Load(cfg, patterns...)
	}
	if err != nil {
		return nil, err
	}
	ld := &loader{
		fset:    token.NewFileSet(),
		nodes:   make(map[*packages.Package]*node),
		parsed:  make(map[string]*parsed),
		cpu:     make(chan struct{}, runtime.GOMAXPROCS(0)),
		overlay: src.overlay,
	}
	var dirs []string
	// (packages.Visit would sort every package's imports: the order does
	// not matter here.)
	visitAll(roots, func(p *packages.Package) {
		if len(p.GoFiles) > 0 {
			dirs = append(dirs, filepath.Dir(p.GoFiles[0]))
		}
		n := &node{pkg: p}
		ld.nodes[p] = n
		// As go/packages does: every package gets its types.Package up
		// front, so export data never creates one for an indirect
		// dependency.
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
		} else {
			p.Types = types.NewPackage(p.PkgPath, p.Name)
		}
		p.Fset = ld.fset
	})
	names, err := ctors(dirs)
	if err != nil {
		return nil, err
	}
	ld.ctors = groupCtors(names)
	ld.rootFiles = make(map[string]bool)
	for _, p := range roots {
		ld.nodes[p].root = true
		for _, name := range p.CompiledGoFiles {
			ld.rootFiles[name] = true
		}
	}
	for _, n := range ld.nodes {
		ld.decideSource(n)
	}
	if st != nil {
		if err := ld.callersFirst(st, dirs); err != nil {
			return nil, err
		}
	}
	stats := os.Getenv("SINGLEPOOL_LOADSTATS")
	if stats != "" {
		ld.printStats(statsOut, stats == "list")
	}
	var wg sync.WaitGroup
	for _, p := range roots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ld.load(ld.nodes[p])
		}()
	}
	wg.Wait()
	if stats != "" {
		ld.printTimes(statsOut, stats == "list")
	}
	// The checker follows Imports to find where to run a fact-using
	// analyzer: keep the source-loaded packages only.
	for _, n := range ld.nodes {
		if n.source {
			ld.pruneImports(n)
		}
	}
	return roots, nil
}

// visitAll calls f once for each package in the import graph of roots.
// compileFailure reports whether e is the compiler's output for a package
// that go list -export failed to build (and not an error in finding its
// files or imports).
func compileFailure(e packages.Error) bool {
	return e.Kind == packages.ListError && e.Pos == "" && strings.HasPrefix(e.Msg, "# ")
}

func visitAll(roots []*packages.Package, f func(*packages.Package)) {
	seen := make(map[*packages.Package]bool)
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		for _, imp := range p.Imports {
			visit(imp)
		}
		f(p)
	}
	for _, r := range roots {
		visit(r)
	}
}

type loader struct {
	ctors map[string]*callables // by package path: the constructors it declares
	fset  *token.FileSet
	nodes map[*packages.Package]*node // read-only once Load starts loading

	exportMu sync.Mutex // serializes export data reads (they touch shared types.Packages)

	parseMu sync.Mutex
	parsed  map[string]*parsed // by file name: test variants share files

	cpu chan struct{} // limits concurrent parsing and type-checking

	rootFiles map[string]bool // the files of the matched packages

	overlay map[string][]byte // the editor's unsaved files, by name (nil outside the editor)
}

type node struct {
	pkg     *packages.Package
	root    bool
	source  bool          // load from source, not export data
	decided bool          // source is computed, serially, before loading starts
	why     string        // a dependency, not matched, loaded from source: the import that made it so ("" if it calls a constructor)
	checked time.Duration // spent type-checking n from source
	demoted bool          // imports a package loaded from source, but is read from export data (see callersFirst)

	cone, coneDone bool // imports a constructor package, directly or not

	methods     map[string]*callables // constructor packages with methods it imports, directly or not
	methodsDone bool

	once sync.Once
}

type parsed struct {
	ready chan struct{}
	file  *ast.File
	err   error
}

// decideSource reports whether n is loaded from source: it is a matched
// package, it imports a package loaded from source (directly or not; that
// is what go/packages does too: export data must not refer to a package
// type-checked from source), or it may call a constructor. Only these can
// hold facts: a fact is on a function that calls a constructor or another
// function with a fact. The decision depends only on n's dependencies, so
// the order of calls does not change it.
//
// An importer (not matched, calling no constructor) may still be read from
// export data once the packages below it are analyzed: see callersFirst.
func (ld *loader) decideSource(n *node) bool {
	if n.decided {
		return n.source
	}
	n.decided = true // a cycle (impossible in Go) ends here
	n.source = n.root
	for _, imp := range n.pkg.Imports {
		if ld.decideSource(ld.nodes[imp]) {
			n.source = true
			if n.why == "" {
				n.why = imp.ID
			}
		}
	}
	if !n.source && ld.ctors[n.pkg.PkgPath] == nil && !singlepool.Inert(n.pkg.PkgPath) && ld.inCone(n) {
		// (A constructor's own package, or one that implements a
		// constructor, is never analyzed for facts.)
		n.source = ld.callsConstructor(n)
	}
	return n.source
}

// load type-checks n from source, after its imports, or reads its export
// data. Each node is loaded once, whoever asks first.
func (ld *loader) load(n *node) {
	n.once.Do(func() {
		if !n.source && !n.demoted {
			ld.loadExport(n)
			return
		}
		// Export data may refer to packages type-checked from source
		// (demoted: see callersFirst) only once they are complete.
		var wg sync.WaitGroup
		for _, imp := range n.pkg.Imports {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ld.load(ld.nodes[imp])
			}()
		}
		wg.Wait()
		if n.demoted {
			ld.loadExport(n)
			return
		}
		ld.loadSource(n)
	})
}

// loadExport reads n's types from the export data in the build cache, as
// go/packages does for a dependency.
func (ld *loader) loadExport(n *node) {
	p := n.pkg
	if p.PkgPath == "unsafe" {
		return
	}
	ld.exportMu.Lock()
	defer ld.exportMu.Unlock()
	if err := ld.readExport(p); err != nil {
		p.IllTyped = true
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
	}
}

func (ld *loader) readExport(p *packages.Package) error {
	if p.ExportFile == "" {
		return fmt.Errorf("no export data file") // the go command printed why
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	// gcexportdata knows packages by path only: give it the transitive
	// imports, whose types.Packages it completes as it goes.
	view := make(map[string]*types.Package)
	seen := make(map[*packages.Package]bool)
	var visit func(imports map[string]*packages.Package)
	visit = func(imports map[string]*packages.Package) {
		for _, imp := range imports {
			if !seen[imp] {
				seen[imp] = true
				view[imp.PkgPath] = imp.Types
				visit(imp.Imports)
			}
		}
	}
	visit(p.Imports)
	view[p.PkgPath] = p.Types
	tpkg, err := gcexportdata.Read(r, ld.fset, view, p.PkgPath)
	if err != nil {
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	p.Types = tpkg
	return nil
}

// loadSource parses and type-checks n, recording errors as go/packages
// does so that they print the same.
func (ld *loader) loadSource(n *node) {
	p := n.pkg
	if p.PkgPath == "unsafe" {
		p.Syntax = []*ast.File{}
		p.TypesInfo = newInfo()
		return
	}
	addError := func(err error) {
		switch err := err.(type) {
		case packages.Error:
			p.Errors = append(p.Errors, err)
		case *os.PathError:
			p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
		case scanner.ErrorList:
			for _, e := range err {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}
	if len(p.CompiledGoFiles) == 0 && p.ExportFile != "" {
		addError(packages.Error{Pos: "-", Msg: "sources missing for package " + p.ID, Kind: packages.ParseError})
		ld.loadExport(n)
		return
	}
	// Building export data compiled the package too (go list -export),
	// and a failure is a list error holding the compiler's output. The
	// type checker reports the same problems below, with positions, as
	// it does for singlechecker, which needs no export data.
	kept := p.Errors[:0]
	for _, e := range p.Errors {
		if !compileFailure(e) {
			kept = append(kept, e)
		}
	}
	p.Errors = kept
	p.Syntax = make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		f, err := ld.parse(name)
		if err != nil {
			addError(err)
		}
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
	}
	p.TypesInfo = newInfo()
	importer := importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		imp := p.Imports[path]
		if imp == nil {
			return nil, fmt.Errorf("no metadata for %s", path)
		}
		if imp.Types != nil && imp.Types.Complete() {
			return imp.Types, nil
		}
		for _, e := range imp.Errors {
			return nil, fmt.Errorf("%s", e.Msg)
		}
		return nil, fmt.Errorf("could not load %s", path)
	})
	tc := &types.Config{Importer: importer, Error: addError, Sizes: p.TypesSizes}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	ld.cpu <- struct{}{}
	t0 := time.Now()
	err := types.NewChecker(tc, ld.fset, p.Types, p.TypesInfo).Files(p.Syntax)
	n.checked = time.Since(t0)
	<-ld.cpu
	if err != nil && len(p.Errors) == 0 {
		addError(err)
	}
	p.IllTyped = len(p.Errors) > 0
	for _, imp := range p.Imports {
		if imp.IllTyped {
			p.IllTyped = true
		}
	}
}

// parseMode is go/packages' mode for the files of the matched packages,
// whose findings are printed (//nolint, generated files) and fixed. A
// dependency is analyzed for its facts only, which no comment changes, so
// its files are parsed without them: less memory for the same result.
func (ld *loader) parseMode(name string) parser.Mode {
	if ld.rootFiles[name] {
		return parser.AllErrors | parser.ParseComments
	}
	return parser.AllErrors
}

// parse parses a file once, however many package variants include it.
func (ld *loader) parse(name string) (*ast.File, error) {
	ld.parseMu.Lock()
	v, ok := ld.parsed[name]
	if !ok {
		v = &parsed{ready: make(chan struct{})}
		ld.parsed[name] = v
	}
	ld.parseMu.Unlock()
	if ok {
		<-v.ready
		return v.file, v.err
	}
	src, err := ld.readFile(name)
	if err != nil {
		v.err = err
	} else {
		ld.cpu <- struct{}{}
		// The mode of go/packages, so analyzers see the same trees.
		v.file, v.err = parser.ParseFile(ld.fset, name, src, ld.parseMode(name))
		<-ld.cpu
	}
	close(v.ready)
	return v.file, v.err
}

func newInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// readFile reads a Go file: the editor's unsaved text if it has one.
func (ld *loader) readFile(name string) ([]byte, error) {
	if src, ok := ld.overlay[name]; ok {
		return src, nil
	}
	return os.ReadFile(name)
}
