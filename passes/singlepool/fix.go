package singlepool

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"sort"

	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/connid"
	"github.com/singlepool/singlepool/passes/singlepool/internal/refactor"
	"golang.org/x/tools/go/analysis"
)

// A plan is the fix for one site, before cleanup.
type plan struct {
	site     site
	call     *ast.CallExpr
	accessor code.FuncName
	keep     ast.Expr // the context argument passed through, or nil
	dropped  []ast.Expr
	target   types.Object // the variable that receives the pool, or nil
	closes   []closeEdit  // Close calls of target, to remove
	exported *types.Func  // the exported function whose result becomes the shared pool, or nil
	reason   string       // why no fix is offered; "" if one is
}

// fileFixes computes the suggested fixes for the sites of one file. Sites
// whose dropped arguments share a local variable are fixed together (each
// gets the same fix), so that the variable is deleted exactly when its last
// use goes: each fix is then correct applied alone, and identical edits
// coalesce when every fix is applied.
//
// For a site with an accessor configured but no fix, noFix[i] says why.
func fileFixes(pass *analysis.Pass, s *settings, file *ast.File, sites []site, paths [][]ast.Node, res *Result) (fixes []*analysis.SuggestedFix, noFix []string) {
	plans := make([]*plan, len(sites))
	memo := newSiteMemo(pass, res)
	for i, st := range sites {
		plans[i] = planSite(pass, s, st, paths[i], memo)
	}
	fixes = make([]*analysis.SuggestedFix, len(sites))
	if code.IsCgoOutput(file) {
		// Positions map to the original through //line directives, but
		// edits would apply to cgo's output.
		for _, p := range plans {
			if p != nil {
				p.reason = "the file is processed by cgo"
			}
		}
	} else {
		buildFixes(pass, file, plans, fixes)
	}
	// Reasons are read last: building a group's fix can still rule it out.
	noFix = make([]string, len(sites))
	for i, p := range plans {
		if p != nil && fixes[i] == nil {
			noFix[i] = p.reason
		}
		if p != nil && fixes[i] != nil && p.exported != nil {
			exportHandOff(pass, p)
		}
	}
	return fixes, noFix
}

// buildFixes sets fixes[i] for each plan that can be fixed, one fix per
// group of plans, or records in the plans why not.
func buildFixes(pass *analysis.Pass, file *ast.File, plans []*plan, fixes []*analysis.SuggestedFix) {
	fixable := func(i int) bool { return plans[i] != nil && plans[i].reason == "" }
	groups := sharedLocalGroups(pass, plans, fixable)
	if len(groups) == 0 {
		return
	}
	name, spec, reason := accessorImport(pass, file, plans, fixable)
	if reason != "" {
		for i, p := range plans {
			if fixable(i) {
				p.reason = reason
			}
		}
		return
	}
	refs := refactor.CollectImportRefs(pass, file)
	src := code.FileContent(pass, pass.Fset.File(file.FileStart)) // read once per file
	for _, g := range groups {
		group := make([]*plan, len(g))
		for k, i := range g {
			group[k] = plans[i]
		}
		// A nil fix has recorded its reason in the group's plans.
		if fix := buildFix(pass, file, src, group, name, spec, refs); fix != nil {
			for _, i := range g {
				fixes[i] = fix
			}
		}
	}
}

// sharedLocalGroups partitions the fixable plans into groups whose
// dropped arguments share local variables (union-find over plan
// indices): each group in site order, the groups in the order of their
// first site.
func sharedLocalGroups(pass *analysis.Pass, plans []*plan, fixable func(int) bool) [][]int {
	parent := make([]int, len(plans))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	owner := make(map[types.Object]int) // the first plan that drops each local
	for i, p := range plans {
		if !fixable(i) {
			continue
		}
		for _, e := range p.dropped {
			ast.Inspect(e, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok && code.IsLocal(pass, v) {
						if j, seen := owner[v]; seen {
							parent[find(i)] = find(j)
						} else {
							owner[v] = i
						}
					}
				}
				return true
			})
		}
	}
	var groups [][]int
	index := make(map[int]int) // root -> position in groups
	for i := range plans {
		if !fixable(i) {
			continue
		}
		r := find(i)
		k, ok := index[r]
		if !ok {
			k = len(groups)
			index[r] = k
			groups = append(groups, nil)
		}
		groups[k] = append(groups[k], i)
	}
	return groups
}

// A siteMemo remembers, for the sites of one file, what depends only on
// the constructor and its accessor: whether the accessor fits, and the
// shared pool's arguments (both may read the accessor's package).
type siteMemo struct {
	pass   *analysis.Pass
	find   func(string) *types.Package
	checks map[[2]code.FuncName]string
	shared map[[2]code.FuncName]sharedConn
	result *Result // the package's, for the driver
}

func newSiteMemo(pass *analysis.Pass, res *Result) *siteMemo {
	return &siteMemo{
		pass:   pass,
		result: res,
		find:   code.PackageFinder(pass.Pkg),
		checks: make(map[[2]code.FuncName]string),
		shared: make(map[[2]code.FuncName]sharedConn),
	}
}

// accessorReason says why the accessor cannot replace ctor: checked from
// its types when its package is visible (go vet sees only imports), else
// from its source when it is in this module.
func (m *siteMemo) accessorReason(ctor *types.Func, acc code.FuncName) string {
	key := [2]code.FuncName{code.FuncNameOf(ctor), acc}
	if r, ok := m.checks[key]; ok {
		return r
	}
	r := checkVisibleAccessor(m.find, ctor, acc)
	if m.find(acc.Pkg) == nil {
		r = checkAccessorSource(m.pass, ctor, acc)
	}
	m.checks[key] = r
	return r
}

// planSite checks that the site is a direct call of a constructor with a
// configured accessor and records what the fix removes.
func planSite(pass *analysis.Pass, s *settings, st site, path []ast.Node, memo *siteMemo) *plan {
	acc, ok := s.singletons[code.FuncNameOf(st.fn)]
	if !ok {
		return nil
	}
	p := &plan{site: st, accessor: acc}
	c := callOf(pass, st, path)
	if c.reason != "" {
		p.reason = c.reason
		return p
	}
	p.call, p.keep, p.dropped = c.call, c.ctx, c.args
	i := c.at
	for _, e := range p.dropped {
		if !connid.Droppable(pass, e) {
			p.reason = fmt.Sprintf("dropping %s could drop side effects", code.BriefText(pass.Fset, e))
			return p
		}
	}
	if check := memo.accessorReason(st.fn, acc); check != "" {
		p.reason = check
		return p
	}
	p.target = code.PoolTarget(pass, path[i:])
	h := returnedPool(pass, s, path, p.call, p.target)
	if h.reason != "" {
		p.reason = h.reason
		return p
	}
	p.exported = h.exported
	if p.target != nil {
		if p.closes, p.reason = closeCalls(pass, path, p.target); p.reason != "" {
			return p
		}
	}
	// The callers' Close calls of the pool returned to them go too.
	p.closes = append(p.closes, h.closes...)
	// Last, as it depends on the settings: the same database, the same
	// pool settings.
	p.reason = connectionReason(pass, s, st, acc, p.dropped, memo)
	return p
}

// A siteCall is a site's call taken apart: the context it passes first
// (kept by a fix), and the receiver of a method constructor and the other
// arguments (where it connects, dropped by a fix).
type siteCall struct {
	call   *ast.CallExpr
	at     int // the call's index in the site's path
	ctx    ast.Expr
	args   []ast.Expr
	reason string // why the site is not a call the accessor can replace
}

// callOf takes the site's call apart: F(...) for a dot import, x.F(...)
// for a package or method.
func callOf(pass *analysis.Pass, st site, path []ast.Node) siteCall {
	var recv ast.Expr
	i := 1
	if len(path) > 1 {
		if sel, ok := path[1].(*ast.SelectorExpr); ok && sel.Sel == st.id {
			if _, isPkg := pass.TypesInfo.Uses[code.IdentOf(sel.X)].(*types.PkgName); !isPkg {
				recv = sel.X
			}
			i = 2
		}
	}
	c := siteCall{at: i}
	if len(path) > i {
		if call, ok := path[i].(*ast.CallExpr); ok && ast.Unparen(call.Fun) == path[i-1] {
			c.call = call
		}
	}
	if c.call == nil {
		c.reason = "a function value: the accessor cannot be substituted where the call happens"
		return c
	}
	sig := st.fn.Signature()
	ctxFirst := sig.Params().Len() > 0 && code.IsContext(sig.Params().At(0).Type())
	args := c.call.Args
	if c.call.Ellipsis.IsValid() && ctxFirst && len(args) == 1 {
		c.reason = "the context is inside a spread argument"
		return c
	}
	if ctxFirst && len(args) > 0 {
		c.ctx = args[0]
		args = args[1:]
	}
	if recv != nil {
		c.args = append(c.args, recv)
	}
	c.args = append(c.args, args...)
	return c
}

// buildFix assembles the edits for a group of sites: the replaced calls,
// the removed Close statements, the declarations of locals that only the
// dropped arguments used, and the import changes.
func buildFix(pass *analysis.Pass, file *ast.File, src []byte, group []*plan, name string, spec *importEdit, refs refactor.ImportRefs) *analysis.SuggestedFix {
	tf := pass.Fset.File(file.FileStart)
	var edits []analysis.TextEdit
	var removed []refactor.Span
	for _, p := range group {
		qual := p.accessor.Name
		if name != "" {
			qual = name + "." + qual
		}
		arg := ""
		if p.keep != nil {
			arg = code.NodeText(pass.Fset, p.keep)
			removed = append(removed, refactor.Span{Pos: p.call.Pos(), End: p.keep.Pos()}, refactor.Span{Pos: p.keep.End(), End: p.call.End()})
		} else {
			removed = append(removed, refactor.Span{Pos: p.call.Pos(), End: p.call.End()})
		}
		edits = append(edits, analysis.TextEdit{Pos: p.call.Pos(), End: p.call.End(), NewText: []byte(qual + "(" + arg + ")")})
		for _, c := range p.closes {
			removed = append(removed, refactor.Span{Pos: c.node.Pos(), End: c.node.End()})
			if c.replace != "" {
				edits = append(edits, analysis.TextEdit{Pos: c.node.Pos(), End: c.node.End(), NewText: []byte(c.replace)})
				continue
			}
			ctf, csrc := tf, src
			if f := pass.Fset.File(c.node.Pos()); f != tf {
				ctf, csrc = f, code.FileContent(pass, f) // a Close in another file of the package
			}
			sp := refactor.StmtSpan(ctf, csrc, c.node.(ast.Stmt))
			edits = append(edits, analysis.TextEdit{Pos: sp.Pos, End: sp.End})
		}
	}
	// Delete locals whose every use is gone, then the locals only their
	// initializers used, and so on.
	// Locals live inside one top-level declaration: only those of the
	// group's sites need a walk, which keeps a file with many sites linear.
	var scope []ast.Node
	for _, p := range group {
		if d := code.TopDecl(file, p.call.Pos()); d != nil && !slices.Contains(scope, d) {
			scope = append(scope, d)
		}
	}
	decls, reason := refactor.UnusedLocals(pass, scope, &removed, connid.Droppable)
	if reason != "" {
		for _, p := range group {
			p.reason = reason
		}
		return nil
	}
	for _, d := range decls {
		sp := refactor.StmtSpan(tf, src, d)
		edits = append(edits, analysis.TextEdit{Pos: sp.Pos, End: sp.End})
	}
	edits = append(edits, refactor.UnusedImports(file, tf, src, refs, removed)...)
	if spec != nil {
		edits = append(edits, analysis.TextEdit{Pos: spec.pos, End: spec.pos, NewText: []byte(spec.text)})
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].Pos < edits[j].Pos })
	msg := "Use the shared pool from " + group[0].accessor.Short()
	return &analysis.SuggestedFix{Message: msg, TextEdits: edits}
}
