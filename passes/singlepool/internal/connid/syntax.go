package connid

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
)

// The shared pool's arguments, when no setting states them, are derived
// from the accessor's package: the canonical arguments of its calls of
// the constructor. Its package is read from source, syntax only, so that
// every driver derives the same text whether or not the package being
// analyzed imports it (go vet sees only the facts of imports).

// syntaxEnv is the argEnv of a package known by its syntax alone.
type syntaxEnv struct {
	pkg     *syntaxPkg
	imports map[string]string // the file's import names -> paths
	bodies  []*ast.BlockStmt  // the enclosing function bodies, innermost first
}

// A syntaxPkg is a package's parsed files and package-level names.
type syntaxPkg struct {
	root     string // the module's root directory
	files    []*ast.File
	funcFile map[string]*ast.File     // package-level function -> its file
	vars     map[string]varDecl       // package-level var or const -> its declaration
	values   map[string]ast.Expr      // package-level var or const -> its value
	funcs    map[string]*ast.FuncDecl // package-level functions
	assigned map[string]bool          // names assigned somewhere with "="
}

// A varDecl is the declaration of one package-level name: Names[i] of
// spec, in file.
type varDecl struct {
	spec *ast.ValueSpec
	i    int
	file *ast.File
}

func (env syntaxEnv) importPath(x *ast.Ident) (string, bool) {
	p, ok := env.imports[x.Name]
	return p, ok
}

func (syntaxEnv) stringConst(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	v, err := strconv.Unquote(lit.Value)
	return v, err == nil
}

func (syntaxEnv) isType(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "string"
}

func (env syntaxEnv) foreignFunc(path, name string) (ast.Expr, argEnv, bool) {
	return moduleFunc(env.pkg.root, path, name)
}

// moduleFunc returns the one result of the function without parameters
// path.name, when path is a package of the module at root, read from its
// source, with the argEnv to read the result in.
func moduleFunc(root, path, name string) (ast.Expr, argEnv, bool) {
	dir, ok := code.PackageSource(root, path)
	if !ok {
		return nil, nil, false
	}
	pkg, err := derived.load(dir)
	if err != nil {
		return nil, nil, false
	}
	fd, ok := pkg.funcs[name]
	if !ok || fd.Type.Params.NumFields() != 0 {
		return nil, nil, false
	}
	r := code.OnlyResult(fd.Body)
	if r == nil {
		return nil, nil, false
	}
	return r, syntaxEnv{pkg, fileImports(pkg.funcFile[name]), []*ast.BlockStmt{fd.Body}}, true
}

// fieldWrites finds the changes of the variable e names: in the body
// that declares it, or, for a package-level variable, in the package.
func (env syntaxEnv) fieldWrites(e ast.Expr) ([]string, string) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, ""
	}
	var scopes []ast.Node
	for _, body := range env.bodies {
		if _, declared := localValue(body, id.Name); declared {
			scopes = []ast.Node{body}
			break
		}
	}
	if scopes == nil {
		if _, ok := env.pkg.values[id.Name]; !ok {
			return nil, ""
		}
		for _, f := range env.pkg.files {
			scopes = append(scopes, f)
		}
	}
	settings := settingNames()
	var set []string
	other := ""
	// first is the field or method after the variable: cfg.MaxConns,
	// cfg.ConnConfig.Database (ConnConfig), opts.SetMaxPoolSize(..).
	first := func(x ast.Expr) (string, bool) {
		name := ""
		for {
			switch y := ast.Unparen(x).(type) {
			case *ast.SelectorExpr:
				name, x = y.Sel.Name, y.X
			case *ast.IndexExpr:
				x = y.X
			case *ast.Ident:
				return name, y.Name == id.Name && name != ""
			default:
				return "", false
			}
		}
	}
	for _, scope := range scopes {
		ast.Inspect(scope, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if f, ok := first(l); ok {
						if settings[f] {
							set = append(set, f)
						} else if other == "" {
							other = fmt.Sprintf("%s, changed after it is set (%s)", id.Name, exprText(l))
						}
					}
				}
			case *ast.CallExpr:
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && catalog.IsBuilderMethod(sel.Sel.Name) {
					if f, ok := first(sel); ok && f == sel.Sel.Name {
						if settings[f] {
							set = append(set, f)
						} else if other == "" {
							other = fmt.Sprintf("%s, changed after it is set (%s)", id.Name, briefCall(n))
						}
					}
				}
			}
			return true
		})
	}
	return set, other
}

func (env syntaxEnv) valueOf(id *ast.Ident) (ast.Expr, argEnv, string) {
	for i, body := range env.bodies {
		if v, ok := localValue(body, id.Name); ok {
			if v == nil {
				return nil, nil, fmt.Sprintf("%s, a variable singlepool cannot follow", id.Name)
			}
			return v, syntaxEnv{env.pkg, env.imports, env.bodies[i:]}, ""
		}
	}
	if v, ok := env.pkg.values[id.Name]; ok {
		if v == nil || env.pkg.assigned[id.Name] {
			return nil, nil, fmt.Sprintf("%s, a variable singlepool cannot follow", id.Name)
		}
		return v, syntaxEnv{env.pkg, env.imports, nil}, ""
	}
	if fd, ok := env.pkg.funcs[id.Name]; ok && fd.Type.Params.NumFields() == 0 {
		if r := code.OnlyResult(fd.Body); r != nil {
			return r, syntaxEnv{env.pkg, env.imports, []*ast.BlockStmt{fd.Body}}, ""
		}
	}
	return nil, nil, fmt.Sprintf("%s, a name singlepool cannot follow", id.Name)
}

// localValue finds the declaration of name directly in body: its value,
// or nil if it is declared without one or assigned again; ok is false
// when body does not declare it.
func localValue(body *ast.BlockStmt, name string) (v ast.Expr, ok bool) {
	declared, again := false, false
	for _, st := range body.List {
		switch st := st.(type) {
		case *ast.AssignStmt:
			for i, l := range st.Lhs {
				id, isIdent := l.(*ast.Ident)
				if !isIdent || id.Name != name {
					continue
				}
				switch {
				case declared || st.Tok != token.DEFINE:
					again = true
				case len(st.Rhs) == len(st.Lhs):
					declared, v = true, st.Rhs[i]
				case len(st.Rhs) == 1 && i == 0:
					declared, v = true, st.Rhs[0]
				default:
					declared = true
				}
			}
		case *ast.DeclStmt:
			gd, isGen := st.Decl.(*ast.GenDecl)
			if !isGen {
				continue
			}
			for _, sp := range gd.Specs {
				vs, isValue := sp.(*ast.ValueSpec)
				if !isValue {
					continue
				}
				for i, n := range vs.Names {
					if n.Name == name && len(vs.Values) == len(vs.Names) {
						declared, v = true, vs.Values[i]
					} else if n.Name == name {
						declared = true
					}
				}
			}
		}
	}
	if !declared {
		return nil, false
	}
	if again {
		return nil, true
	}
	return v, true
}

// parsePackageDir parses the non-test Go files of dir.
func parsePackageDir(dir string) (*syntaxPkg, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	pkg := &syntaxPkg{
		values:   make(map[string]ast.Expr),
		funcs:    make(map[string]*ast.FuncDecl),
		funcFile: make(map[string]*ast.File),
		vars:     make(map[string]varDecl),
		assigned: make(map[string]bool),
	}
	fset := token.NewFileSet()
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		pkg.files = append(pkg.files, f)
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					pkg.funcs[d.Name.Name] = d
					pkg.funcFile[d.Name.Name] = f
				}
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					vs, ok := sp.(*ast.ValueSpec)
					if !ok {
						continue
					}
					for i, n := range vs.Names {
						var v ast.Expr
						if len(vs.Values) == len(vs.Names) {
							v = vs.Values[i]
						}
						pkg.values[n.Name] = v
						pkg.vars[n.Name] = varDecl{vs, i, f}
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && as.Tok != token.DEFINE {
				for _, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						pkg.assigned[id.Name] = true
					}
				}
			}
			return true
		})
	}
	return pkg, nil
}

// fileImports maps a file's import names to paths (dot and blank imports
// left out). An import without a name is known by the name its path
// suggests (syntax alone cannot tell the package's own): redis for
// github.com/redis/go-redis/v9.
func fileImports(f *ast.File) map[string]string {
	m := make(map[string]string)
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		name := code.AssumedName(path)
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if name != "_" && name != "." {
			m[name] = path
		}
	}
	return m
}

// derived caches the packages read from source.
var derived derivedCache

// DeclaredFunc returns the declared type of the package-level function or
// function variable name of the package in dir, read from its source, and
// the imports of its file; declared is false if it declares no such name,
// ok is false if the package cannot be read.
func DeclaredFunc(dir, name string) (ft *ast.FuncType, imports map[string]string, declared, ok bool) {
	pkg, err := derived.load(dir)
	if err != nil {
		return nil, nil, false, false
	}
	ft, imports, declared = pkg.funcType(name)
	return ft, imports, declared, true
}

// A derivedCache caches derived shared arguments by package directory
// and content of its files, so that a long-lived driver sees edits.
type derivedCache struct {
	mu   sync.Mutex
	pkgs map[string]*syntaxPkg // by directory and content
}

// load parses dir's package, or returns it from the cache when no file
// changed.
func (c *derivedCache) load(dir string) (*syntaxPkg, error) {
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var key strings.Builder
	key.WriteString(dir)
	for _, n := range names {
		if fi, err := os.Stat(n); err == nil {
			fmt.Fprintf(&key, "\x00%s\x00%d\x00%d", n, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if p, ok := c.pkgs[key.String()]; ok {
		return p, nil
	}
	p, err := parsePackageDir(dir)
	if err != nil {
		return nil, err
	}
	p.root = code.ModuleRoot(dir)
	if c.pkgs == nil {
		c.pkgs = make(map[string]*syntaxPkg)
	}
	c.pkgs[key.String()] = p
	return p, nil
}

// onceLiteral returns the function literal of "func(...) {...}" or
// "sync.OnceValue(s)(func() ... {...})".
func onceLiteral(e ast.Expr) (*ast.FuncLit, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return e, true
	case *ast.CallExpr:
		if IsOnceValue(e) && len(e.Args) == 1 {
			lit, ok := ast.Unparen(e.Args[0]).(*ast.FuncLit)
			return lit, ok
		}
	}
	return nil, false
}

// IsOnceValue reports whether e is a call of sync.OnceValue or
// sync.OnceValues (by the package's usual name).
func IsOnceValue(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && x.Name == "sync" && (sel.Sel.Name == "OnceValue" || sel.Sel.Name == "OnceValues")
}

// funcType returns the declared type of a package-level function, or of
// a variable initialized with a function literal or sync.OnceValue(s) of
// one, and the imports of its file; declared is false if name is neither.
func (p *syntaxPkg) funcType(name string) (ft *ast.FuncType, imports map[string]string, declared bool) {
	if fd, ok := p.funcs[name]; ok {
		return fd.Type, fileImports(p.funcFile[name]), true
	}
	vd, ok := p.vars[name]
	if !ok {
		return nil, nil, false
	}
	if t, ok := vd.spec.Type.(*ast.FuncType); ok {
		return t, fileImports(vd.file), true
	}
	if vd.i < len(vd.spec.Values) {
		if lit, ok := onceLiteral(vd.spec.Values[vd.i]); ok {
			t := *lit.Type
			if IsOnceValue(vd.spec.Values[vd.i]) {
				t.Params = &ast.FieldList{} // OnceValue(s) returns func() (T...)
			}
			return &t, fileImports(vd.file), true
		}
	}
	return nil, nil, true
}

// FieldTypes renders the types of a field list with package paths
// ("*github.com/jackc/pgx/v5/pgxpool.Pool"), one entry per name.
func FieldTypes(fl *ast.FieldList, imports map[string]string) []string {
	out := []string{}
	if fl == nil {
		return out
	}
	for _, f := range fl.List {
		t := typeText(f.Type, imports)
		n := max(len(f.Names), 1)
		for range n {
			out = append(out, t)
		}
	}
	return out
}

// typeText renders a type expression as types.TypeString does with
// package paths; "?" for forms the shape rule never needs.
func typeText(e ast.Expr, imports map[string]string) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.StarExpr:
		return "*" + typeText(e.X, imports)
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			if path, ok := imports[x.Name]; ok {
				return path + "." + e.Sel.Name
			}
		}
	case *ast.ParenExpr:
		return typeText(e.X, imports)
	}
	return "?"
}
