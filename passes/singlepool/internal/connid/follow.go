package connid

import (
	"fmt"
	"go/ast"
	"slices"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
)

// The shared pool's identity is read from the accessor's own code: its
// body is followed to the construction it returns, through sync.Once,
// sync.OnceValue(s), a nil check or double-checked locking (the package
// variables it returns, and every store into them), the functions it
// calls, other accessors it wraps (stdlib.OpenDBFromPool(pool),
// sqlx.NewDb(db, ...), gorm over postgres.Config{Conn: db}), and other
// packages' config functions. Other calls of the constructor in the
// package (a second database, a retry helper taking a dsn) do not matter.

// Accessor returns the identity of the pool the accessor acc returns,
// reading its package (in dir) from source; or why it cannot be told, in
// the user's words. ctors says which functions, by full name, are
// constructors, and whether they take a context first.
func Accessor(dir string, acc code.FuncName, ctors func(name string) (isCtor, ctxFirst bool)) (Identity, string) {
	pkg, err := derived.load(dir)
	if err != nil {
		return Identity{}, err.Error()
	}
	f := &follow{ctors: ctors, seen: make(map[string]bool)}
	var e ast.Expr
	var env syntaxEnv
	if fd, ok := pkg.funcs[acc.Name]; ok && acc.Recv == "" {
		env = syntaxEnv{pkg, fileImports(pkg.funcFile[acc.Name]), nil}
		return f.returns(env, fd.Body, 0)
	}
	if vd, ok := pkg.vars[acc.Name]; ok && acc.Recv == "" && vd.i < len(vd.spec.Values) {
		e, env = vd.spec.Values[vd.i], syntaxEnv{pkg, fileImports(vd.file), nil}
		return f.callOf(env, e, 0)
	}
	return Identity{}, fmt.Sprintf("%s is not a function singlepool can read", acc.Short())
}

// A follow is one derivation: what it has visited, against cycles.
type follow struct {
	ctors func(string) (bool, bool)
	seen  map[string]bool
}

const maxFollowDepth = 12

// returns is the identity of what body returns first, over every return
// statement of its own (not of nested literals) but those returning nil.
func (f *follow) returns(env syntaxEnv, body *ast.BlockStmt, depth int) (Identity, string) {
	if body == nil {
		return Identity{}, "a function without a body"
	}
	env.bodies = append([]*ast.BlockStmt{body}, env.bodies...)
	var results []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			// A literal run once here (sync.Once.Do) stores what is
			// returned; its own returns are not the function's.
			return false
		case *ast.ReturnStmt:
			if len(n.Results) > 0 && !code.IsNil(n.Results[0]) {
				results = append(results, n.Results[0])
			}
		}
		return true
	})
	if len(results) == 0 {
		return Identity{}, "it returns no pool singlepool can see"
	}
	return f.union(env, results, depth)
}

// union is the one identity of every expression, or why there is none.
func (f *follow) union(env syntaxEnv, es []ast.Expr, depth int) (Identity, string) {
	var ids []Identity
	for _, e := range es {
		id, why := f.value(env, e, depth+1)
		if why != "" {
			return Identity{}, why
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) > 1 {
		return Identity{}, fmt.Sprintf("it returns pools on different databases ((%s) and (%s))", ids[0].Where, ids[1].Where)
	}
	return ids[0], ""
}

// value is the identity of the pool e holds.
func (f *follow) value(env syntaxEnv, e ast.Expr, depth int) (Identity, string) {
	if depth > maxFollowDepth {
		return Identity{}, "a chain singlepool does not follow so far"
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return f.call(env, e, depth)
	case *ast.Ident:
		return f.variable(env, e, depth)
	}
	return Identity{}, fmt.Sprintf("%s, an expression singlepool cannot follow", exprText(e))
}

// call is the identity of the pool a call returns: a constructor's, a
// wrapper's (the pool it wraps), or a function's of this or another
// package of the module (what it returns).
func (f *follow) call(env syntaxEnv, call *ast.CallExpr, depth int) (Identity, string) {
	name := calleeName(env, call)
	if name != "" {
		if w, ok := catalog.Wrappers[name]; ok && w.Of < len(call.Args) {
			id, why := f.value(env, call.Args[w.Of], depth+1)
			if w.Driver != "" && why == "" {
				id.Driver = w.Driver
			}
			return id, why
		}
		if isCtor, ctxFirst := f.ctors(name); isCtor {
			args := call.Args
			if ctxFirst && len(args) > 0 {
				args = args[1:]
			}
			id, _, why := identityOf(env, name, args, f.follower(depth))
			return id, why
		}
		// Another package of the module: what its function returns.
		sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return f.foreign(env, strings.TrimSuffix(name, "."+sel.Sel.Name), sel.Sel.Name, depth)
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return Identity{}, fmt.Sprintf("a call of %s", briefCall(call))
	}
	return f.local(env, id.Name, depth)
}

// follower lets a gorm dialector's Conn be followed.
func (f *follow) follower(depth int) follower {
	return func(env argEnv, e ast.Expr) (Identity, string) {
		se, ok := env.(syntaxEnv)
		if !ok {
			return Identity{}, "an existing pool"
		}
		return f.value(se, e, depth+1)
	}
}

// local is what the package's function (or function variable) name returns.
func (f *follow) local(env syntaxEnv, name string, depth int) (Identity, string) {
	key := fmt.Sprintf("%p.%s", env.pkg, name)
	if f.seen[key] {
		return Identity{}, "a function that calls itself"
	}
	f.seen[key] = true
	defer delete(f.seen, key)
	if fd, ok := env.pkg.funcs[name]; ok {
		return f.returns(syntaxEnv{env.pkg, fileImports(env.pkg.funcFile[name]), nil}, fd.Body, depth)
	}
	if vd, ok := env.pkg.vars[name]; ok && vd.i < len(vd.spec.Values) {
		return f.callOf(syntaxEnv{env.pkg, fileImports(vd.file), nil}, vd.spec.Values[vd.i], depth)
	}
	return Identity{}, fmt.Sprintf("a call of %s()", name)
}

// callOf is what calling the function value e returns: a function
// literal, or sync.OnceValue(s) of one.
func (f *follow) callOf(env syntaxEnv, e ast.Expr, depth int) (Identity, string) {
	lit, ok := onceLiteral(e)
	if !ok {
		return Identity{}, fmt.Sprintf("%s, a function value singlepool cannot follow", exprText(e))
	}
	return f.returns(env, lit.Body, depth)
}

// foreign is what the function name of the module's package path returns.
func (f *follow) foreign(env syntaxEnv, path, name string, depth int) (Identity, string) {
	dir, ok := code.PackageSource(env.pkg.root, path)
	if !ok {
		return Identity{}, fmt.Sprintf("a call of %s.%s, outside this module", code.PathDir(path), name)
	}
	pkg, err := derived.load(dir)
	if err != nil {
		return Identity{}, err.Error()
	}
	return f.local(syntaxEnv{pkg, nil, nil}, name, depth)
}

// variable is the identity of what a local or package-level variable
// holds: every value stored in it (nil aside) must be the same pool.
func (f *follow) variable(env syntaxEnv, id *ast.Ident, depth int) (Identity, string) {
	for i, body := range env.bodies {
		if _, declared := localValue(body, id.Name); declared {
			stores := storesIn(body, id.Name)
			if len(stores) == 0 {
				return Identity{}, fmt.Sprintf("%s, a variable singlepool cannot follow", id.Name)
			}
			return f.union(syntaxEnv{env.pkg, env.imports, env.bodies[i:]}, stores, depth)
		}
	}
	if _, ok := env.pkg.values[id.Name]; !ok {
		return Identity{}, fmt.Sprintf("%s, a name singlepool cannot follow", id.Name)
	}
	// A package-level variable: its value, and every store into it, each
	// read in its own function's scope.
	var ids []Identity
	add := func(senv syntaxEnv, e ast.Expr) string {
		v, why := f.value(senv, e, depth+1)
		if why != "" {
			return why
		}
		if !slices.Contains(ids, v) {
			ids = append(ids, v)
		}
		return ""
	}
	if vd := env.pkg.vars[id.Name]; vd.i < len(vd.spec.Values) && !code.IsNil(vd.spec.Values[vd.i]) {
		if why := add(syntaxEnv{env.pkg, fileImports(vd.file), nil}, vd.spec.Values[vd.i]); why != "" {
			return Identity{}, why
		}
	}
	for _, file := range env.pkg.files {
		imports := fileImports(file)
		var why string
		walkBodies(file, func(bodies []*ast.BlockStmt, n ast.Node) {
			if why != "" {
				return
			}
			for _, e := range storesOf(n, id.Name) {
				why = add(syntaxEnv{env.pkg, imports, bodies}, e)
			}
		})
		if why != "" {
			return Identity{}, why
		}
	}
	switch len(ids) {
	case 0:
		return Identity{}, fmt.Sprintf("%s, a variable no pool is stored in", id.Name)
	case 1:
		return ids[0], ""
	}
	return Identity{}, fmt.Sprintf("%s holds pools on different databases ((%s) and (%s))", id.Name, ids[0].Where, ids[1].Where)
}

// storesIn returns the values stored in the local name in body: its
// declaration's and each assignment's, nil aside.
func storesIn(body *ast.BlockStmt, name string) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		out = append(out, storesOf(n, name)...)
		if ds, ok := n.(*ast.DeclStmt); ok {
			if gd, ok := ds.Decl.(*ast.GenDecl); ok {
				for _, sp := range gd.Specs {
					if vs, ok := sp.(*ast.ValueSpec); ok {
						for i, nm := range vs.Names {
							if nm.Name == name && i < len(vs.Values) && !code.IsNil(vs.Values[i]) {
								out = append(out, vs.Values[i])
							}
						}
					}
				}
			}
		}
		return true
	})
	return out
}

// storesOf returns what the assignment n stores in name: "name = e",
// "name, err = C()" (the call's first result), nil aside.
func storesOf(n ast.Node, name string) []ast.Expr {
	as, ok := n.(*ast.AssignStmt)
	if !ok {
		return nil
	}
	var out []ast.Expr
	for i, l := range as.Lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok || id.Name != name {
			continue
		}
		switch {
		case len(as.Rhs) == len(as.Lhs):
			if !code.IsNil(as.Rhs[i]) {
				out = append(out, as.Rhs[i])
			}
		case len(as.Rhs) == 1 && i == 0:
			out = append(out, as.Rhs[0])
		}
	}
	return out
}

// walkBodies calls visit for every node of file inside a function, with
// the enclosing function bodies, innermost first.
func walkBodies(file *ast.File, visit func(bodies []*ast.BlockStmt, n ast.Node)) {
	var bodies []*ast.BlockStmt
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
		if body != nil {
			bodies = append([]*ast.BlockStmt{body}, bodies...)
			ast.Inspect(body, walk)
			bodies = bodies[1:]
			return false
		}
		if n != nil && len(bodies) > 0 {
			visit(bodies, n)
		}
		return true
	}
	ast.Inspect(file, walk)
}
