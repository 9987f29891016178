package singlepool

import (
	"go/ast"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// factoryCandidates returns the declarations that can become factories
// or helpers, in order: those that name a construction site (a
// constructor, an imported factory, a package-level function variable),
// and those that call, directly or not, one of the package's functions
// that can. A function that reaches no site cannot build a pool, so
// exportFacts's fixed point never visits it; on a large package that
// uses the pool only through a few functions, that is most of them.
//
// A method call may run any method of that name (an interface method
// stands for its implementations, which may be this package's), so
// methods are matched by name: an over-approximation, which only costs a
// visit.
func factoryCandidates(pass *analysis.Pass, decls []*ast.FuncDecl, calls map[*ast.Ident]site) []*ast.FuncDecl {
	type node struct {
		direct  bool
		funcs   []*types.Func // package-level functions of this package it calls
		methods []string      // names of this package's methods it calls
	}
	nodes := make([]node, len(decls))
	for i, fd := range decls {
		n := &nodes[i]
		ast.Inspect(fd.Body, func(x ast.Node) bool {
			if n.direct {
				return false
			}
			switch x := x.(type) {
			case *ast.CallExpr:
				id := code.CalleeIdent(x)
				if id == nil {
					break
				}
				switch obj := pass.TypesInfo.Uses[id].(type) {
				case *types.Func:
					// A method of another package's interface may run one
					// of this package's (a registry of its values).
					if obj.Signature().Recv() != nil {
						n.methods = append(n.methods, obj.Name())
					} else if obj.Pkg() == pass.Pkg {
						n.funcs = append(n.funcs, obj.Origin())
					}
				case *types.Var:
					// A package-level function variable or registry.
					n.direct = obj.Parent() == pass.Pkg.Scope()
				}
			case *ast.Ident:
				// A constructor or factory named, called or taken as a value
				// (f := pgxpool.New; f(ctx, dsn)).
				_, n.direct = calls[x]
			}
			return true
		})
	}
	reach := make([]bool, len(decls))
	reachFuncs := make(map[*types.Func]bool)
	reachMethods := make(map[string]bool)
	mark := func(i int) {
		reach[i] = true
		fd := decls[i]
		if fd.Recv != nil {
			reachMethods[fd.Name.Name] = true
		} else if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
			reachFuncs[fn] = true
		}
	}
	for i := range decls {
		if nodes[i].direct {
			mark(i)
		}
	}
	for changed := true; changed; {
		changed = false
		for i := range decls {
			if reach[i] {
				continue
			}
			if callsAny(nodes[i].funcs, reachFuncs) || callsAny(nodes[i].methods, reachMethods) {
				mark(i)
				changed = true
			}
		}
	}
	var out []*ast.FuncDecl
	for i, fd := range decls {
		if reach[i] {
			out = append(out, fd)
		}
	}
	return out
}

func callsAny[K comparable](callees []K, reached map[K]bool) bool {
	for _, c := range callees {
		if reached[c] {
			return true
		}
	}
	return false
}
