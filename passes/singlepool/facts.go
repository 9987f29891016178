package singlepool

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A factoryFact marks a function or method that creates a new pool on
// every call: it returns the pool, or stores it in its receiver or a
// global. Wrappers of factories are factories too.
type factoryFact struct {
	Ctor string // canonical key of the underlying constructor
	Via  string // "pgxpool.New at store/store.go:12"
}

func (*factoryFact) AFact()           {}
func (f *factoryFact) String() string { return "factory(" + f.Via + ")" }

// A packageFact summarizes a package for its importers: whether it
// declares factories, and its construction sites, which a main package
// adds up for max-pools. Sites, not syntax, to keep facts small.
//
// Deps carries the sites of the package's dependencies, all the way down:
// go vet gives a package the facts of the packages its own export data
// mentions, and a dependency that opens a pool in a function body only (a
// filer store behind a registry) is not among them.
type packageFact struct {
	Factories bool
	Sites     []poolSite
	Deps      []poolSite
}

// A poolSite is one construction site of a pool type.
type poolSite struct {
	Type string // "*github.com/jackc/pgx/v5/pgxpool.Pool"
	Pos  string // "store/store.go:12"
}

func (*packageFact) AFact() {}
func (f *packageFact) String() string {
	deps := ""
	if len(f.Deps) > 0 {
		deps = fmt.Sprintf(", deps=%d", len(f.Deps))
	}
	return fmt.Sprintf("pools(factories=%v, sites=%d%s)", f.Factories, len(f.Sites), deps)
}

// depSummary is what the package's dependencies export.
type depSummary struct {
	factoryPkgs map[*types.Package]bool
	sites       []poolSite
}

func dependencies(pass *analysis.Pass) depSummary {
	d := depSummary{factoryPkgs: make(map[*types.Package]bool)}
	for _, pf := range pass.AllPackageFacts() {
		f, ok := pf.Fact.(*packageFact)
		if !ok || pf.Package == pass.Pkg {
			continue
		}
		if f.Factories {
			d.factoryPkgs[pf.Package] = true
		}
		d.sites = append(d.sites, f.Sites...)
		d.sites = append(d.sites, f.Deps...)
	}
	d.sites = uniqueSites(d.sites)
	return d
}

// uniqueSites sorts sites and drops repeats: a site reaches a package
// through every import path to it.
func uniqueSites(sites []poolSite) []poolSite {
	sort.Slice(sites, func(i, j int) bool {
		if sites[i].Type != sites[j].Type {
			return sites[i].Type < sites[j].Type
		}
		return sites[i].Pos < sites[j].Pos
	})
	return slices.Compact(sites)
}

// exportPackageFact exports the package's fact when there is something to
// tell its importers.
func exportPackageFact(pass *analysis.Pass, factories bool, own []poolSite, deps depSummary) {
	if pass.Pkg.Name() == "main" {
		return // nothing imports it
	}
	if factories || len(own) > 0 || len(deps.sites) > 0 {
		pass.ExportPackageFact(&packageFact{Factories: factories, Sites: own, Deps: deps.sites})
	}
}

// importedFactory returns the fact of fn if it is a factory declared in
// another package.
func importedFactory(pass *analysis.Pass, deps depSummary, fn *types.Func) *factoryFact {
	if fn.Pkg() == pass.Pkg || !deps.factoryPkgs[fn.Pkg()] {
		return nil
	}
	f := new(factoryFact)
	if pass.ImportObjectFact(fn.Origin(), f) {
		return f
	}
	return nil
}

// sitePos formats a position for messages and facts: the package's
// directory (pathDir), the file's base name and the line, stable across
// machines.
func sitePos(pass *analysis.Pass, pos token.Pos) string {
	p := pass.Fset.Position(pos)
	return fmt.Sprintf("%s/%s:%d", pathDir(strings.TrimSuffix(pass.Pkg.Path(), "_test")), path.Base(p.Filename), p.Line)
}

// pathDir is the directory an import path names in the usual layout: its
// last element, or the one before a major version suffix (goose for
// github.com/pressly/goose/v3, whose root package has no v3 directory).
func pathDir(pkgPath string) string {
	dir, base := path.Split(pkgPath)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" && dir != "" {
		return path.Base(strings.TrimSuffix(dir, "/"))
	}
	return base
}

// exportFacts finds the package's factories (to a fixed point, so that
// wrappers of wrappers in one package are found), exports their facts and
// the package fact, and returns the package's own construction sites.
func exportFacts(pass *analysis.Pass, s *settings, deps depSummary, sites []site) []poolSite {
	// The constructor or factory that a call uses, from the sites.
	calls := make(map[*ast.Ident]site, len(sites))
	for _, st := range sites {
		calls[st.id] = st
	}
	factories := make(map[*types.Func]*factoryFact)
	var decls []*ast.FuncDecl
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && fd.Name.Name != "init" {
				decls = append(decls, fd)
			}
		}
	}
	// Only functions that call a constructor, a factory, or a function of
	// this package can become factories; the others are not revisited.
	candidates := decls[:0]
	for _, fd := range decls {
		if mayCallFactory(pass, fd, calls) {
			candidates = append(candidates, fd)
		}
	}
	decls = candidates
	for changed := true; changed; {
		changed = false
		for _, fd := range decls {
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || factories[fn] != nil {
				continue
			}
			if f := factoryIn(pass, fd, calls, factories); f != nil {
				factories[fn] = f
				changed = true
			}
		}
	}
	for fn, f := range factories {
		pass.ExportObjectFact(fn, f)
	}
	var own []poolSite
	for _, st := range sites {
		if s.cfg.MaxPools <= 0 {
			break // sites travel in facts only when a program's count is wanted
		}
		if st.factory != nil || st.kind == kindConn {
			continue
		}
		if name := pass.Fset.File(st.id.Pos()).Name(); strings.HasSuffix(name, "_test.go") {
			continue // not linked into programs
		}
		own = append(own, poolSite{Type: poolType(st.fn), Pos: sitePos(pass, st.id.Pos())})
	}
	exportPackageFact(pass, len(factories) > 0, own, deps)
	return own
}

// mayCallFactory reports whether fd calls a constructor or factory site,
// or a function or method declared in this package (a possible factory).
func mayCallFactory(pass *analysis.Pass, fd *ast.FuncDecl, calls map[*ast.Ident]site) bool {
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if id := calleeIdent(call); id != nil {
				if _, ok := calls[id]; ok {
					found = true
				} else if fn, ok := pass.TypesInfo.Uses[id].(*types.Func); ok && fn.Pkg() == pass.Pkg {
					found = true
				}
			}
		}
		return true
	})
	return found
}

// poolType names what a constructor creates: its first result's type,
// each package written "path#name" so that the type is unique and
// shortType can still show the package's name (gocql for
// github.com/apache/cassandra-gocql-driver/v2).
func poolType(fn *types.Func) string {
	res := fn.Signature().Results()
	if res.Len() == 0 {
		return "?"
	}
	return types.TypeString(res.At(0).Type(), func(p *types.Package) string {
		return p.Path() + "#" + p.Name()
	})
}

// factoryIn returns a fact if fd creates a pool on every call: an
// unguarded call of a constructor or factory whose pool escapes through a
// return, a field or a global. Function literals are not entered: those
// passed to sync.Once.Do or sync.OnceValue(s) run once, and others run
// when called, which the enclosing function does not decide.
func factoryIn(pass *analysis.Pass, fd *ast.FuncDecl, calls map[*ast.Ident]site, local map[*types.Func]*factoryFact) *factoryFact {
	var found *factoryFact
	tainted := make(map[types.Object]bool)
	var parents []ast.Node
	escapes := false
	// Two passes over the body: the first taints the locals that hold a
	// new pool, the second (once taint is stable) looks for escapes.
	for round := 0; round < 3 && !escapes; round++ {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if n == nil {
				parents = parents[:len(parents)-1]
				return false
			}
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			parents = append(parents, n)
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			f := callFactory(pass, call, calls, local)
			if f == nil {
				return true
			}
			if guardedByNilCheck(pass, parents) {
				return true
			}
			if e, lhs := poolFlow(pass, parents); e {
				found, escapes = f, true
			} else if lhs != nil {
				tainted[lhs] = true
				if found == nil {
					found = f
				}
			}
			return true
		})
		parents = parents[:0]
		if escapes || len(tainted) == 0 {
			break
		}
		// Follow tainted locals into returns, fields, globals and other locals.
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				for _, r := range n.Results {
					if carries(pass, r, tainted) {
						escapes = true
					}
				}
			case *ast.AssignStmt:
				for i, r := range n.Rhs {
					if !carries(pass, r, tainted) || i >= len(n.Lhs) {
						continue
					}
					switch t := storeTarget(pass, n.Lhs[i]).(type) {
					case nil:
						escapes = true // a field or a global
					case types.Object:
						tainted[t] = true
					}
				}
			}
			return true
		})
	}
	if escapes && found != nil {
		return found
	}
	return nil
}

// callFactory returns what a call creates, if it calls a constructor or a
// factory: a fact naming the underlying constructor site.
func callFactory(pass *analysis.Pass, call *ast.CallExpr, calls map[*ast.Ident]site, local map[*types.Func]*factoryFact) *factoryFact {
	id := calleeIdent(call)
	if id == nil {
		return nil
	}
	if st, ok := calls[id]; ok {
		if st.factory != nil {
			return st.factory
		}
		if st.kind == kindConn {
			return nil
		}
		return &factoryFact{Ctor: funcKey(st.fn), Via: shortFuncName(st.fn) + " at " + sitePos(pass, id.Pos())}
	}
	if fn, ok := pass.TypesInfo.Uses[id].(*types.Func); ok {
		return local[fn]
	}
	return nil
}

// calleeIdent returns the name a call calls by: F, x.F, F[T] or x.F[T];
// nil for other callees (a function value from an expression).
func calleeIdent(call *ast.CallExpr) *ast.Ident {
	fun := ast.Unparen(call.Fun)
	if ix, ok := fun.(*ast.IndexExpr); ok { // an instantiated generic function
		fun = ix.X
	} else if ix, ok := fun.(*ast.IndexListExpr); ok {
		fun = ix.X
	}
	switch fun := fun.(type) {
	case *ast.Ident:
		return fun
	case *ast.SelectorExpr:
		return fun.Sel
	}
	return nil
}

// shortFuncName is "pgxpool.New" or "(*gocql.ClusterConfig).CreateSession".
func shortFuncName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		star := ""
		if p, ok := t.(*types.Pointer); ok {
			star, t = "*", p.Elem()
		}
		name := types.TypeString(t, (*types.Package).Name)
		if i := strings.IndexByte(name, '['); i >= 0 {
			name = name[:i]
		}
		return "(" + star + name + ")." + fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// poolFlow looks at where a call's pool goes: escapes if it is returned
// or stored in a field or global, else the local it is assigned to.
func poolFlow(pass *analysis.Pass, parents []ast.Node) (bool, types.Object) {
	call := parents[len(parents)-1]
	for i := len(parents) - 2; i >= 0; i-- {
		switch p := parents[i].(type) {
		case *ast.ReturnStmt:
			return true, nil
		case *ast.AssignStmt:
			idx := 0
			if len(p.Rhs) == len(p.Lhs) {
				for j, r := range p.Rhs {
					if r.Pos() <= call.Pos() && call.End() <= r.End() {
						idx = j
					}
				}
			}
			switch t := storeTarget(pass, p.Lhs[idx]).(type) {
			case nil:
				return true, nil
			case types.Object:
				return false, t
			}
			return false, nil
		case *ast.ValueSpec:
			if len(p.Names) > 0 {
				if obj := pass.TypesInfo.Defs[p.Names[0]]; obj != nil {
					return false, obj
				}
			}
			return false, nil
		case ast.Stmt:
			return false, nil
		}
	}
	return false, nil
}

// storeTarget classifies an assignment target: nil for a field or a
// package-level variable (the pool escapes), the object for a local
// variable, and false for the blank identifier or anything else.
func storeTarget(pass *analysis.Pass, lhs ast.Expr) any {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return false
		}
		obj := pass.TypesInfo.ObjectOf(l)
		if v, ok := obj.(*types.Var); ok {
			if v.Parent() == pass.Pkg.Scope() {
				return nil
			}
			return types.Object(v)
		}
	case *ast.SelectorExpr:
		return nil
	case *ast.StarExpr, *ast.IndexExpr:
		return nil
	}
	return false
}

// carries reports whether the value of e is, or holds, one of the
// objects: the variable itself, its address, or a composite literal with
// it as an element. A call or selector on it (db.Ping(), s.db.Stats())
// yields something else, so the pool does not escape through it.
func carries(pass *analysis.Pass, e ast.Expr, objs map[types.Object]bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return objs[pass.TypesInfo.Uses[e]]
	case *ast.UnaryExpr:
		return e.Op == token.AND && carries(pass, e.X, objs)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if carries(pass, elt, objs) {
				return true
			}
		}
	}
	return false
}

// guardedByNilCheck reports whether the call sits in "if x == nil { x = C() }"
// for the variable it stores to: lazy initialization, not a new pool per
// call.
func guardedByNilCheck(pass *analysis.Pass, parents []ast.Node) bool {
	var target ast.Expr
	for i := len(parents) - 2; i >= 0; i-- {
		switch p := parents[i].(type) {
		case *ast.AssignStmt:
			if target == nil && len(p.Lhs) > 0 {
				target = p.Lhs[0]
			}
		case *ast.IfStmt:
			be, ok := p.Cond.(*ast.BinaryExpr)
			if !ok || be.Op != token.EQL || target == nil {
				continue
			}
			if id, ok := be.Y.(*ast.Ident); !ok || id.Name != "nil" {
				continue
			}
			if sameRef(pass, be.X, target) {
				return true
			}
		}
	}
	return false
}

func sameRef(pass *analysis.Pass, a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch a := a.(type) {
	case *ast.Ident:
		b, ok := b.(*ast.Ident)
		return ok && pass.TypesInfo.ObjectOf(a) != nil && pass.TypesInfo.ObjectOf(a) == pass.TypesInfo.ObjectOf(b)
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		return ok && pass.TypesInfo.ObjectOf(a.Sel) == pass.TypesInfo.ObjectOf(b.Sel) && sameRef(pass, a.X, b.X)
	}
	return false
}

// checkMaxPools reports, on a main package's clause, each pool type whose
// construction sites in the program exceed max-pools.
func checkMaxPools(pass *analysis.Pass, s *settings, deps depSummary, own []poolSite) {
	if s.cfg.MaxPools <= 0 || pass.Pkg.Name() != "main" || len(pass.Files) == 0 {
		return
	}
	if strings.HasSuffix(pass.Pkg.Path(), ".test") {
		return
	}
	byType := make(map[string][]string)
	seen := make(map[poolSite]bool)
	for _, st := range append(append([]poolSite(nil), deps.sites...), own...) {
		if !seen[st] {
			seen[st] = true
			byType[st.Type] = append(byType[st.Type], st.Pos)
		}
	}
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		sites := byType[t]
		if len(sites) <= s.cfg.MaxPools {
			continue
		}
		sortPositions(sites)
		pass.Report(analysis.Diagnostic{
			Pos:      pass.Files[0].Name.Pos(),
			End:      pass.Files[0].Name.End(),
			Category: categoryMaxPools,
			URL:      URL + "#" + categoryMaxPools,
			Message: fmt.Sprintf("this program can open %d %s pools (max-pools=%d): %s",
				len(sites), shortType(t), s.cfg.MaxPools, strings.Join(sites, ", ")),
		})
	}
}

// sortPositions sorts "file:line" strings by file, then line as a number
// (a.go:9 before a.go:10).
func sortPositions(ps []string) {
	sort.Slice(ps, func(i, j int) bool {
		fi, li := splitPosition(ps[i])
		fj, lj := splitPosition(ps[j])
		if fi != fj {
			return fi < fj
		}
		return li < lj
	})
}

func splitPosition(p string) (string, int) {
	i := strings.LastIndexByte(p, ':')
	if i < 0 {
		return p, 0
	}
	n, _ := strconv.Atoi(p[i+1:])
	return p[:i], n
}

// shortType shortens "*github.com/jackc/pgx/v5/pgxpool#pgxpool.Pool" (see
// poolType) to "*pgxpool.Pool".
func shortType(t string) string {
	return qualifiedPath.ReplaceAllString(t, "")
}

// qualifiedPath matches the "path#" of each package in a poolType.
var qualifiedPath = regexp.MustCompile(`[^\s\[\]*,()]+#`)

// useContext tells whether a site runs once per request or per loop
// iteration: inside a function shaped like an http.HandlerFunc, or a loop
// body. Function literals are crossed only when called on the spot.
func useContext(pass *analysis.Pass, path []ast.Node) string {
	for i := 1; i < len(path); i++ {
		switch n := path[i].(type) {
		case *ast.ForStmt:
			if path[i-1] == n.Body {
				return ctxIteration
			}
		case *ast.RangeStmt:
			if path[i-1] == n.Body {
				return ctxIteration
			}
		case *ast.FuncLit:
			if sig, ok := pass.TypesInfo.TypeOf(n).(*types.Signature); ok && isHandler(sig) {
				return ctxRequest
			}
			if i+1 < len(path) {
				switch p := path[i+1].(type) {
				case *ast.CallExpr:
					if ast.Unparen(p.Fun) == n {
						continue
					}
				case *ast.GoStmt, *ast.DeferStmt:
					continue
				}
			}
			return ""
		case *ast.FuncDecl:
			if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok && isHandler(fn.Signature()) {
				return ctxRequest
			}
			return ""
		}
	}
	return ""
}

const (
	ctxRequest   = "request"
	ctxIteration = "iteration"
)

// isHandler reports whether sig is func(http.ResponseWriter, *http.Request).
func isHandler(sig *types.Signature) bool {
	if sig.Params().Len() != 2 || sig.Results().Len() != 0 {
		return false
	}
	isHTTP := func(t types.Type, name string) bool {
		n, ok := types.Unalias(t).(*types.Named)
		return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == name
	}
	p, ok := sig.Params().At(1).Type().(*types.Pointer)
	return isHTTP(sig.Params().At(0).Type(), "ResponseWriter") && ok && isHTTP(p.Elem(), "Request")
}
