package singlepool

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
)

// "On every call" means on every path that returns successfully: a
// function that builds its pool only when asked (a cluster client for
// several hosts, a struct whose pool is made later) builds none on the
// calls that take another path, and its callers would be told a false
// thing. Paths that fail (a return of a non-nil error, of nothing but
// nils, a panic, log.Fatal) do not count.

// buildsOnEveryPath reports whether every path through fd's body that
// returns successfully, or falls off its end, passes one of the built
// calls.
func buildsOnEveryPath(pass *analysis.Pass, fd *ast.FuncDecl, built []ast.Node) bool {
	if len(built) == 0 {
		return false
	}
	g := cfg.New(fd.Body, func(call *ast.CallExpr) bool { return !endsProgram(pass, call) })
	// A build inside a loop stands for the loop: one that runs no
	// iteration was given nothing to build (no configured database).
	spans := make([]ast.Node, len(built))
	file := code.FileOf(pass, fd.Pos())
	for i, b := range built {
		spans[i] = b
		if file == nil {
			continue
		}
		for _, n := range code.EnclosingPath(file, b.Pos()) {
			switch n.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				spans[i] = n
			}
			if n == fd.Body {
				break
			}
		}
	}
	builds := func(n ast.Node) bool {
		for _, b := range spans {
			if (n.Pos() <= b.Pos() && b.End() <= n.End()) || (b.Pos() <= n.Pos() && n.End() <= b.End()) {
				return true
			}
		}
		return false
	}
	sig, _ := pass.TypesInfo.Defs[fd.Name].Type().(*types.Signature)
	seen := make(map[*cfg.Block]bool)
	var visit func(b *cfg.Block) bool // false: a successful path without a build
	visit = func(b *cfg.Block) bool {
		if seen[b] {
			return true
		}
		seen[b] = true
		for _, n := range b.Nodes {
			if builds(n) {
				return true
			}
			if ret, ok := n.(*ast.ReturnStmt); ok {
				return failingReturn(sig, ret)
			}
		}
		if len(b.Succs) == 0 {
			// The end of the body, or a call that ends the program.
			if len(b.Nodes) > 0 {
				if es, ok := b.Nodes[len(b.Nodes)-1].(*ast.ExprStmt); ok {
					if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && endsProgram(pass, call) {
						return true
					}
				}
			}
			return b.Kind != cfg.KindBody || sig == nil || sig.Results().Len() == 0
		}
		for _, s := range b.Succs {
			if !visit(s) {
				return false
			}
		}
		return true
	}
	return len(g.Blocks) == 0 || visit(g.Blocks[0])
}

// failingReturn reports whether ret returns a failure: a non-nil error,
// or nothing but nils.
func failingReturn(sig *types.Signature, ret *ast.ReturnStmt) bool {
	if len(ret.Results) == 0 || sig == nil || sig.Results().Len() != len(ret.Results) {
		return false // a bare return, or a call's results: not known to fail
	}
	allNil := true
	for i, r := range ret.Results {
		isNil := code.IsNil(r)
		if types.Identical(sig.Results().At(i).Type(), types.Universe.Lookup("error").Type()) && !isNil {
			return true
		}
		allNil = allNil && isNil
	}
	return allNil
}

// endsProgram reports whether a call does not return: panic, os.Exit,
// runtime.Goexit, log.Fatal*/Panic*, and the Fatal*/Panic*/FailNow/Skip*
// methods of loggers and tests.
func endsProgram(pass *analysis.Pass, call *ast.CallExpr) bool {
	id := code.CalleeIdent(call)
	if id == nil {
		return false
	}
	switch obj := pass.TypesInfo.Uses[id].(type) {
	case *types.Builtin:
		return obj.Name() == "panic"
	case *types.Func:
		name := obj.Name()
		if obj.Signature().Recv() != nil {
			return hasAnyPrefix(name, "Fatal", "Panic", "Skip") || name == "FailNow"
		}
		if obj.Pkg() == nil {
			return false
		}
		switch obj.Pkg().Path() {
		case "os":
			return name == "Exit"
		case "runtime":
			return name == "Goexit"
		case "log":
			return hasAnyPrefix(name, "Fatal", "Panic")
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
