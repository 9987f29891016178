package singlepool

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/connid"
	"golang.org/x/tools/go/analysis"
)

// What a fix must not change: which database the site connects to, and
// with which pool settings. (That the shared pool stays open is decided
// with its Close calls, in closes.go, and for pools returned to callers,
// in returnedReason.)

// connectionReason says why the site's pool is not the shared one: it
// connects elsewhere, its arguments cannot be followed, or it configures
// its own pool; "" when its canonical arguments are the shared pool's.
// args are the dropped arguments: the receiver of a method constructor,
// then the arguments after the context.
func connectionReason(pass *analysis.Pass, s *settings, st site, acc code.FuncName, args []ast.Expr, memo *siteMemo) string {
	siteArgs, why := connid.Args(pass, args)
	if why != "" {
		if name := catalog.PoolSettingIn(why); name != "" {
			return fmt.Sprintf("it configures its own pool (%s); the fix would use the shared pool's settings instead", why)
		}
		return fmt.Sprintf("it connects with %s, which may not be the shared pool's database", why)
	}
	key := [2]code.FuncName{code.FuncNameOf(st.fn), acc}
	r, ok := memo.shared[key]
	if !ok {
		r[0], r[1] = sharedArgs(pass, s, st, acc)
		memo.shared[key] = r
	}
	shared, why := r[0], r[1]
	if why != "" {
		return why
	}
	if siteArgs == shared {
		return ""
	}
	if name := catalog.PoolSettingIn(siteArgs); name != "" && catalog.PoolSettingIn(shared) != name {
		return fmt.Sprintf("it configures its own pool (%s); the fix would use the shared pool's settings instead", name)
	}
	return fmt.Sprintf("it connects with (%s); the shared pool with (%s)", siteArgs, shared)
}

// sharedArgs returns the canonical arguments the shared pool is built
// with: the shared-args setting, or what the accessor's package passes to
// the constructor; or why they are unknown.
func sharedArgs(pass *analysis.Pass, s *settings, st site, acc code.FuncName) (string, string) {
	ctor := code.FuncNameOf(st.fn)
	if t, ok := s.sharedArgs[ctor]; ok {
		return t, ""
	}
	unknown := func(why string) (string, string) {
		return "", fmt.Sprintf("what %s connects to is unknown (%s); state it with shared-args=%s=(...)", acc.Short(), why, ctor)
	}
	dir, ok := code.PackageSource(code.ModuleRoot(code.PackageDir(pass)), acc.Pkg)
	if !ok {
		return unknown("its package is not in this module")
	}
	sig := st.fn.Signature()
	ctxFirst := sig.Params().Len() > 0 && code.IsContext(sig.Params().At(0).Type())
	t, why := connid.Derive(dir, ctor, ctxFirst)
	if why != "" {
		return unknown(why)
	}
	return t, ""
}

// returnedReason says why a pool the enclosing function returns cannot
// become the shared one: its callers may close it. An exported function's
// callers are out of sight; an unexported one's are checked in the
// package. "" if the pool is not returned, or no caller closes it.
func returnedReason(pass *analysis.Pass, path []ast.Node, call *ast.CallExpr, target types.Object) string {
	var fd *ast.FuncDecl
	for _, n := range path {
		if d, ok := n.(*ast.FuncDecl); ok {
			fd = d
			break
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return "" // returned to whoever calls the literal: not followed
		}
	}
	if fd == nil || !returnsPool(pass, fd.Body, call, target) {
		return ""
	}
	fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return ""
	}
	if fd.Name.IsExported() {
		return fmt.Sprintf("%s returns the pool to callers in other packages, which may close it", fd.Name.Name)
	}
	for _, f := range pass.Files {
		if pos := callerCloses(pass, f, fn); pos != "" {
			return fmt.Sprintf("%s returns the pool to a caller that closes or tunes it (%s)", fd.Name.Name, pos)
		}
	}
	return ""
}

// returnsPool reports whether body returns the call's pool: the call
// itself, or the local it is stored in.
func returnsPool(pass *analysis.Pass, body *ast.BlockStmt, call *ast.CallExpr, target types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || found {
			return !found
		}
		for _, r := range ret.Results {
			r = ast.Unparen(r)
			if r == call {
				found = true
			}
			if id, ok := r.(*ast.Ident); ok && target != nil && pass.TypesInfo.Uses[id] == target {
				found = true
			}
		}
		return true
	})
	return found
}

// callerCloses returns the position of a call of fn in file whose pool
// its caller closes (or hands on), or "".
func callerCloses(pass *analysis.Pass, file *ast.File, fn *types.Func) string {
	var pos string
	ast.Inspect(file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || pos != "" {
			return pos == ""
		}
		id := code.CalleeIdent(call)
		if id == nil || pass.TypesInfo.Uses[id] != fn {
			return true
		}
		path := code.EnclosingPath(file, call.Pos())
		for i, p := range path {
			if p == call {
				path = path[i:]
				break
			}
		}
		target := code.PoolTarget(pass, path)
		if target == nil {
			if len(path) > 1 {
				if _, ret := path[1].(*ast.ReturnStmt); ret {
					pos = code.SitePos(pass, call.Pos()) // handed on to its own callers
				}
			}
			return true
		}
		if edits, bad := closeCalls(pass, path, target); len(edits) > 0 || bad != "" {
			pos = code.SitePos(pass, call.Pos())
		}
		return true
	})
	return pos
}
