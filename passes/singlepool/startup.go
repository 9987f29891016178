package singlepool

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// Code that runs once per program: a main package's main and init, and
// the functions of the package that only they call, once each (a run()
// that is the whole program, a setup helper). A factory called there
// builds its pools once, at startup: the construction site is already
// reported where it is (or is the allowlisted package's), and a second
// finding at the call is not actionable.

// startupFuncs returns the functions of a main package that run once per
// program; nil for other packages.
func startupFuncs(pass *analysis.Pass) map[*types.Func]bool {
	if pass.Pkg.Name() != "main" {
		return nil
	}
	decls := make(map[*types.Func]*ast.FuncDecl)
	once := make(map[*types.Func]bool)
	for _, f := range pass.Files {
		if isTestFile(pass, f) {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Recv != nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			decls[fn] = fd
			if fd.Name.Name == "main" || fd.Name.Name == "init" {
				once[fn] = true
			}
		}
	}
	if len(once) == 0 {
		return nil
	}
	// Each function's uses: calls from once-code outside loops and
	// literals count as once; anything else (a second call, a use as a
	// value, a call in a loop or a test) does not.
	type uses struct{ once, other int }
	count := make(map[*types.Func]*uses)
	for fn := range decls {
		count[fn] = new(uses)
	}
	callers := make(map[*types.Func][]*types.Func) // callee -> callers calling it once
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, _ := d.(*ast.FuncDecl)
			var caller *types.Func
			if fd != nil && fd.Recv == nil && !isTestFile(pass, f) {
				caller, _ = pass.TypesInfo.Defs[fd.Name].(*types.Func)
			}
			code.InspectStack(d, func(n ast.Node, stack []ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				fn, ok := pass.TypesInfo.Uses[id].(*types.Func)
				if !ok || count[fn] == nil {
					return true
				}
				if caller != nil && calledOnceHere(stack) {
					count[fn].once++
					callers[fn] = append(callers[fn], caller)
				} else {
					count[fn].other++
				}
				return true
			})
		}
	}
	for changed := true; changed; {
		changed = false
		for fn, u := range count {
			if once[fn] || u.other > 0 || u.once != 1 || !once[callers[fn][0]] {
				continue
			}
			once[fn] = true
			changed = true
		}
	}
	return once
}

// calledOnceHere reports whether the identifier at the end of stack is
// called, outside any loop or function literal of its function.
func calledOnceHere(stack []ast.Node) bool {
	id := stack[len(stack)-1]
	if len(stack) < 2 {
		return false
	}
	call, ok := stack[len(stack)-2].(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != id {
		return false
	}
	for i := len(stack) - 3; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			return false
		case *ast.FuncDecl:
			return true
		}
	}
	return false
}

// inStartup reports whether the site's function is one of the program's
// startup functions, outside loops and literals.
func inStartup(pass *analysis.Pass, startup map[*types.Func]bool, path []ast.Node) bool {
	if len(startup) == 0 {
		return false
	}
	for _, n := range path {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			return false
		case *ast.FuncDecl:
			fn, _ := pass.TypesInfo.Defs[n.Name].(*types.Func)
			return fn != nil && startup[fn]
		}
	}
	return false
}

func isTestFile(pass *analysis.Pass, f *ast.File) bool {
	return strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go")
}
