package singlepool

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/refactor"
	"golang.org/x/tools/go/analysis"
)

// The close-shared rule. With singleton accessors configured, the values
// that hold the shared pool are followed through the package: an
// accessor's result, the locals, fields and globals every assignment of
// which is such a value, and the functions that return one (a sharedFact,
// across packages). Closing one outside the allowlist, and outside main's
// own function, closes the pool every other request uses.

// A sharedFact marks a function that returns the shared pool an accessor
// hands out.
//
// Pending is set on an exported factory whose own construction the fix
// replaces with the accessor ("legacy.Open returns it after the fix at
// legacy/legacy.go:14"): its callers' Close calls go with that fix.
type sharedFact struct {
	Accessor string // "db.Pool"
	Pending  string
}

func (*sharedFact) AFact() {}

func (f *sharedFact) String() string {
	if f.Pending != "" {
		return "shared(" + f.Accessor + "; " + f.Pending + ")"
	}
	return "shared(" + f.Accessor + ")"
}

// sharedFlow finds the package's values that hold the shared pool. Each
// maps to the accessor's short name and, if it holds the shared pool only
// once an exported factory's fix is applied, that fix (a sharedFact as a
// value; the zero value is not shared).
type sharedFlow struct {
	pass      *analysis.Pass
	accessors map[code.FuncName]string
	deps      depSummary
	funcs     map[*types.Func]sharedFact  // this package's functions that return it
	vars      map[types.Object]sharedFact // locals, fields, globals that hold it
}

// mayUseShared reports whether the package can see the shared pool: it
// declares an accessor, imports an accessor's package, or a package whose
// functions return the shared pool.
func mayUseShared(pkg *types.Package, s *settings, deps depSummary) bool {
	if len(s.singletons) == 0 {
		return false
	}
	if s.accessorPkgs[pkg.Path()] {
		return true
	}
	for _, imp := range pkg.Imports() {
		if s.accessorPkgs[imp.Path()] || deps.sharedPkgs[imp] {
			return true
		}
	}
	return false
}

// checkCloseShared follows the shared pool through the package, exports
// the facts of the functions that return it, and reports its Close calls
// outside the allowlist. It returns whether any fact was exported.
func checkCloseShared(pass *analysis.Pass, s *settings, deps depSummary, allowed bool) bool {
	f := &sharedFlow{
		pass:      pass,
		accessors: make(map[code.FuncName]string, len(s.singletons)),
		deps:      deps,
	}
	for _, acc := range s.singletons {
		f.accessors[acc] = acc.Short()
	}
	f.solve()
	exported := false
	for fn, acc := range f.funcs {
		if exportsHelper(pass, fn) {
			pass.ExportObjectFact(fn, &acc)
			exported = true
		}
	}
	if allowed {
		return exported // the owner closes it at shutdown
	}
	for _, file := range pass.Files {
		if name := pass.Fset.File(file.FileStart).Name(); s.checksFile(name, file) {
			f.reportCloses(s, file)
		}
	}
	return exported
}

// solve finds the shared values to a fixed point (a field assigned from a
// function that returns one, and so on). Each round starts afresh from the
// previous round's values, so a value assigned before its source was known
// is not excluded for good.
func (f *sharedFlow) solve() {
	for round := 0; round < 5; round++ {
		r := &sharedRound{vars: make(map[types.Object]sharedFact), other: make(map[types.Object]bool), funcs: make(map[*types.Func]sharedFact)}
		for _, file := range f.pass.Files {
			for _, d := range file.Decls {
				f.visitDecl(r, d)
			}
		}
		vars := make(map[types.Object]sharedFact, len(r.vars))
		for obj, acc := range r.vars {
			if !r.other[obj] {
				vars[obj] = acc
			}
		}
		if maps.Equal(vars, f.vars) && maps.Equal(r.funcs, f.funcs) {
			return
		}
		f.vars, f.funcs = vars, r.funcs
	}
}

// A sharedRound is what one pass over the package finds.
type sharedRound struct {
	vars  map[types.Object]sharedFact // assigned a shared value somewhere
	other map[types.Object]bool       // assigned something else somewhere
	funcs map[*types.Func]sharedFact
}

// visitDecl records what one declaration assigns and returns.
func (f *sharedFlow) visitDecl(r *sharedRound, d ast.Decl) {
	set := func(obj types.Object, e ast.Expr) {
		if obj == nil || code.IsNil(e) {
			return
		}
		if acc := f.source(e); acc.Accessor != "" {
			r.vars[obj] = acc
		} else {
			r.other[obj] = true
		}
	}
	var fn *types.Func
	if fd, ok := d.(*ast.FuncDecl); ok {
		fn, _ = f.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	}
	var returns sharedFact
	others := false
	code.InspectStack(d, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				switch {
				case len(n.Rhs) == len(n.Lhs):
					set(f.target(l), n.Rhs[i])
				case i == 0 && len(n.Rhs) == 1:
					set(f.target(l), n.Rhs[0]) // p, err := db.Pool(ctx)
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				switch {
				case len(n.Values) == len(n.Names):
					set(f.pass.TypesInfo.Defs[name], n.Values[i])
				case i == 0 && len(n.Values) == 1:
					set(f.pass.TypesInfo.Defs[name], n.Values[0])
				}
			}
		case *ast.KeyValueExpr:
			if key, ok := n.Key.(*ast.Ident); ok {
				if v, ok := f.pass.TypesInfo.Uses[key].(*types.Var); ok && v.IsField() {
					set(v, n.Value)
				}
			}
		case *ast.ReturnStmt:
			if fn != nil && len(n.Results) > 0 && !code.InLiteral(stack) {
				if acc := f.source(n.Results[0]); acc.Accessor != "" {
					returns = acc
				} else if !code.IsNil(n.Results[0]) {
					others = true
				}
			}
		}
		return true
	})
	if fn != nil && returns.Accessor != "" && !others {
		r.funcs[fn] = returns
	}
}

// target is the object an assignment stores into: a local or global
// variable, or a field; nil for anything else (a map element).
func (f *sharedFlow) target(l ast.Expr) types.Object {
	switch l := ast.Unparen(l).(type) {
	case *ast.Ident:
		if l.Name != "_" {
			return f.pass.TypesInfo.ObjectOf(l)
		}
	case *ast.SelectorExpr:
		if v, ok := f.pass.TypesInfo.Uses[l.Sel].(*types.Var); ok {
			return v
		}
	}
	return nil
}

// source returns the accessor whose shared pool e is, or the zero value.
func (f *sharedFlow) source(e ast.Expr) sharedFact {
	info := f.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj := info.Uses[e]; obj != nil {
			return f.vars[obj]
		}
	case *ast.SelectorExpr:
		obj := info.Uses[e.Sel]
		if acc := f.vars[obj]; obj != nil && acc.Accessor != "" {
			return acc
		}
		// x.DB, sqlx's embedded *sql.DB.
		if v, ok := obj.(*types.Var); ok && v.Embedded() {
			return f.source(e.X)
		}
	case *ast.CallExpr:
		id := code.CalleeIdent(e)
		if id == nil {
			return sharedFact{}
		}
		fn, ok := info.Uses[id].(*types.Func)
		if !ok || fn.Pkg() == nil {
			return sharedFact{}
		}
		fn = fn.Origin()
		if acc, ok := f.accessors[code.FuncNameOf(fn)]; ok {
			return sharedFact{Accessor: acc}
		}
		if acc := f.funcs[fn]; acc.Accessor != "" {
			return acc
		}
		if fn.Pkg() != f.pass.Pkg && f.deps.sharedPkgs[fn.Pkg()] {
			var sf sharedFact
			if f.pass.ImportObjectFact(fn, &sf) {
				return sf
			}
		}
		// gdb.DB(): the *sql.DB of a shared *gorm.DB.
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && catalog.PoolViews[[2]string{fn.Pkg().Path(), fn.Name()}] {
			return f.source(sel.X)
		}
	}
	return sharedFact{}
}

// reportCloses reports each Close of a shared value in file: called,
// deferred, or handed over as a function value (t.Cleanup(p.Close)).
// main's own function closes it at exit, which is allowed.
func (f *sharedFlow) reportCloses(s *settings, file *ast.File) {
	pass := f.pass
	var src []byte
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && pass.Pkg.Name() == "main" && fd.Recv == nil && fd.Name.Name == "main" {
			continue
		}
		code.InspectStack(d, func(n ast.Node, stack []ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok || !catalog.IsCloseMethod(sel.Sel.Name) {
				return true
			}
			if _, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func); !ok {
				return true
			}
			acc := f.source(sel.X)
			if acc.Accessor == "" {
				return true
			}
			if src == nil {
				src = code.FileContent(pass, pass.Fset.File(file.FileStart))
			}
			fix, why := f.closeFix(file, src, code.InnermostFirst(stack))
			owner := s.allowText()
			if owner == "" {
				owner = "the package that owns it"
			}
			msg := fmt.Sprintf("%s closes the shared pool (%s): every later use of it fails; leave closing it to %s at shutdown",
				code.BriefText(pass.Fset, sel), acc.Accessor, owner)
			if acc.Pending != "" {
				msg = fmt.Sprintf("%s closes a pool that becomes the shared pool (%s): %s; this Close goes with that fix",
					code.BriefText(pass.Fset, sel), acc.Accessor, acc.Pending)
			}
			if why != "" {
				msg += " (no suggested fix: " + why + ")"
			}
			report(pass, sel.Sel.Pos(), sel.Sel.End(), categoryCloseShared, msg, fix)
			return true
		})
	}
}

// closeFix removes the Close of a shared pool: the statement that calls,
// defers or hands it over, or, for return x.Close(), the call itself
// (return nil). path is innermost first, from the selector.
func (f *sharedFlow) closeFix(file *ast.File, src []byte, path []ast.Node) (*analysis.SuggestedFix, string) {
	pass := f.pass
	sel := path[0].(*ast.SelectorExpr)
	if len(path) < 3 {
		return nil, "the Close is not a statement of its own"
	}
	call, ok := path[1].(*ast.CallExpr)
	if !ok {
		return nil, "the Close is not a statement of its own"
	}
	edit := func(pos, end token.Pos, text string) (*analysis.SuggestedFix, string) {
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && onlyUse(pass, file, id) {
			return nil, fmt.Sprintf("removing it would leave %s unused", id.Name)
		}
		return &analysis.SuggestedFix{
			Message:   "Remove the Close of the shared pool",
			TextEdits: []analysis.TextEdit{{Pos: pos, End: end, NewText: []byte(text)}},
		}, ""
	}
	tf := pass.Fset.File(file.FileStart)
	called := ast.Unparen(call.Fun) == sel
	switch st := path[2].(type) {
	case *ast.ExprStmt:
		// p.Close(), or t.Cleanup(p.Close).
		if called || (len(call.Args) == 1 && ast.Unparen(call.Args[0]) == sel && returnsNothing(pass, call)) {
			sp := refactor.StmtSpan(tf, src, st)
			return edit(sp.Pos, sp.End, "")
		}
	case *ast.DeferStmt:
		if called {
			sp := refactor.StmtSpan(tf, src, st)
			return edit(sp.Pos, sp.End, "")
		}
	case *ast.ReturnStmt:
		if called && len(st.Results) == 1 && code.ReturnsError(pass, call) {
			return edit(call.Pos(), call.End(), "nil")
		}
	}
	return nil, "its result is used"
}

// onlyUse reports whether id is the only use of its variable in the file.
func onlyUse(pass *analysis.Pass, file *ast.File, id *ast.Ident) bool {
	obj, ok := pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || !code.IsLocal(pass, obj) {
		return false
	}
	only := true
	ast.Inspect(file, func(n ast.Node) bool {
		if other, ok := n.(*ast.Ident); ok && other != id && pass.TypesInfo.Uses[other] == obj {
			only = false
		}
		return only
	})
	return only
}

// returnsNothing reports whether call has no results, so that it can be
// a statement removed whole.
func returnsNothing(pass *analysis.Pass, call *ast.CallExpr) bool {
	sig, ok := pass.TypesInfo.TypeOf(call.Fun).(*types.Signature)
	return ok && sig.Results().Len() == 0
}

// accessorPackages returns the packages that declare an accessor.
func accessorPackages(singletons map[code.FuncName]code.FuncName) map[string]bool {
	pkgs := make(map[string]bool)
	for _, acc := range singletons {
		pkgs[strings.TrimSpace(acc.Pkg)] = true
	}
	return pkgs
}

// exportHandOff exports, for an exported factory whose construction the
// fix replaces with the accessor, the sharedFact its importers' close-shared
// rule reads (and the package fact that says to look for it).
func exportHandOff(pass *analysis.Pass, p *plan) {
	fact := &sharedFact{
		Accessor: p.accessor.Short(),
		Pending:  fmt.Sprintf("%s returns it after the fix at %s", code.FuncNameOf(p.exported).Short(), code.SitePos(pass, p.call.Pos())),
	}
	pass.ExportObjectFact(p.exported, fact)
	if pass.Pkg.Name() == "main" {
		return
	}
	pf := new(packageFact)
	pass.ImportPackageFact(pass.Pkg, pf)
	if !pf.Shares {
		pf.Shares = true
		pass.ExportPackageFact(pf)
	}
}
