package singlepool

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// The callers of an exported factory in the packages that import it.
//
// A pool returned by an exported function becomes the shared pool only if
// no caller relies on its own: drivers analyze a package before its
// importers, so their types are not known yet when the factory's fix is
// decided. Their files are read from disk, syntax only, and a caller is
// accepted only in the shapes that the close-shared rule then fixes in its
// own package (the factory's sharedFact names the fix): it keeps the pool in
// a local, uses it, and closes it with a statement of its own, never before
// a later use. Anything else is a caller that relies on its own pool.

// importerFiles indexes, per scanned root, the Go files by the import paths
// they import. Built once per process and root: a go vet process analyzes
// one package, a standalone run all of them.
var importerFiles sync.Map // root -> *importIndex

type importIndex struct {
	once  sync.Once
	files map[string][]string // import path -> files
}

// importersRelyOnOwnPool returns the first caller of fn (an exported
// package-level function of pass's package) outside the package that needs
// a pool of its own, as where ("reports/reports.go:20") and why; "" if
// every caller takes the shared pool as it is.
func importersRelyOnOwnPool(pass *analysis.Pass, s *settings, fn *types.Func) (where, why string) {
	root := scanRoot(pass)
	if root == "" {
		return "", "the packages that import it cannot be found (no go.mod above it)"
	}
	v, _ := importerFiles.LoadOrStore(root, new(importIndex))
	idx := v.(*importIndex)
	idx.once.Do(func() { idx.files = indexImports(root) })
	// Files that do not parse may import it too: they are checked, and say
	// so, rather than missing a caller.
	for _, name := range append(idx.files[pass.Pkg.Path()], idx.files[""]...) {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return shortPos(fset, name, token.NoPos), "the file does not parse"
		}
		c := &importerCheck{fset: fset, file: f, s: s, fn: fn.Name(), name: name}
		if pos, why := c.check(pass.Pkg); why != "" {
			return shortPos(fset, name, pos), why
		}
	}
	return "", ""
}

// scanRoot is the directory whose packages may import pass's package: its
// module's root, or, for a GOPATH package (analysistest's testdata), the
// GOPATH's src directory if that is nearer.
func scanRoot(pass *analysis.Pass) string {
	dir := code.PackageDir(pass)
	if dir == "" {
		return ""
	}
	root := code.ModuleRoot(dir)
	slash := filepath.ToSlash(dir)
	if suffix := "/" + pass.Pkg.Path(); strings.HasSuffix(slash, suffix) {
		if src := filepath.FromSlash(strings.TrimSuffix(slash, suffix)); len(src) > len(root) {
			root = src
		}
	}
	return root
}

// indexImports reads the imports of every Go file below root, skipping
// what the go command skips (testdata, vendor, dot and underscore
// directories) and nested modules.
func indexImports(root string) map[string][]string {
	files := make(map[string][]string)
	fset := token.NewFileSet()
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error { // errors are per entry, below
		if err != nil {
			return nil // unreadable: nothing of it can import the package
		}
		if d.IsDir() {
			if p != root {
				n := d.Name()
				if n == "testdata" || n == "vendor" || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") || code.FileExists(filepath.Join(p, "go.mod")) {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			// Indexed under every path it could import: its check then
			// says it does not parse, rather than missing a caller.
			files[""] = append(files[""], p)
			return nil
		}
		for _, imp := range f.Imports {
			if path, err := strconv.Unquote(imp.Path.Value); err == nil {
				files[path] = append(files[path], p)
			}
		}
		return nil
	})
	return files
}

// shortPos is pos as the diagnostics write a site: "dir/file.go:line".
func shortPos(fset *token.FileSet, name string, pos token.Pos) string {
	s := filepath.Base(filepath.Dir(name)) + "/" + filepath.Base(name)
	if pos.IsValid() {
		s += ":" + strconv.Itoa(fset.Position(pos).Line)
	}
	return s
}

// An importerCheck checks the calls of one function in one importing file.
type importerCheck struct {
	fset *token.FileSet
	file *ast.File
	s    *settings
	fn   string // the function's name
	name string // the file's name
}

// check returns the first call of the function that relies on its own
// pool, and why.
func (c *importerCheck) check(pkg *types.Package) (token.Pos, string) {
	local := ""
	for _, imp := range c.file.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path != pkg.Path() {
			continue
		}
		switch {
		case imp.Name == nil:
			local = pkg.Name()
		case imp.Name.Name == "_":
			continue
		case imp.Name.Name == ".":
			return imp.Pos(), fmt.Sprintf("it imports %s with a dot, which singlepool does not follow", pkg.Name())
		default:
			local = imp.Name.Name
		}
	}
	if local == "" {
		return token.NoPos, ""
	}
	var pos token.Pos
	why := ""
	ast.PreorderStack(c.file, nil, func(n ast.Node, stack []ast.Node) bool {
		if why != "" {
			return false
		}
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != c.fn {
			return true
		}
		if x, ok := sel.X.(*ast.Ident); !ok || x.Name != local {
			return true
		}
		pos, why = sel.Pos(), c.call(code.InnermostFirst(append(stack[:len(stack):len(stack)], n)))
		return false
	})
	return pos, why
}

// call decides for one use of the function (path innermost first, from
// its selector).
func (c *importerCheck) call(path []ast.Node) string {
	if len(path) < 3 {
		return "it uses the function as a value, which singlepool does not follow"
	}
	call, ok := path[1].(*ast.CallExpr)
	if !ok || call.Fun != path[0] {
		return "it uses the function as a value, which singlepool does not follow"
	}
	if c.unchecked() {
		return "its file is one singlepool does not check (a generated or test file the settings leave out), so its Close would stay"
	}
	var lhs ast.Expr
	switch p := path[2].(type) {
	case *ast.ExprStmt:
		return ""
	case *ast.ReturnStmt:
		return "it returns it to its own callers"
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && p.Rhs[0] == call && len(p.Lhs) > 0 {
			lhs = p.Lhs[0]
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && p.Values[0] == call && len(p.Names) > 0 {
			lhs = p.Names[0]
		}
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return "it hands the pool on where singlepool does not follow it"
	}
	if id.Name == "_" {
		return ""
	}
	body := enclosingFuncBody(path)
	if body == nil {
		return fmt.Sprintf("it keeps the pool in the package variable %s, which singlepool does not follow across packages", id.Name)
	}
	return c.local(body, id, c.inMainFunc(path))
}

// inMainFunc reports whether path is inside main's own function, whose
// Close of the shared pool is its shutdown: close-shared leaves it, and so
// may the caller.
func (c *importerCheck) inMainFunc(path []ast.Node) bool {
	if c.file.Name.Name != "main" {
		return false
	}
	fd, ok := path[len(path)-2].(*ast.FuncDecl) // path ends with the file
	return ok && fd.Recv == nil && fd.Name.Name == "main"
}

// unchecked reports whether the settings leave the file out, so that the
// close-shared rule would not remove its Close.
func (c *importerCheck) unchecked() bool {
	return !c.s.checksFile(c.name, c.file)
}

// enclosingFuncBody is the body of the innermost function around path.
func enclosingFuncBody(path []ast.Node) *ast.BlockStmt {
	for _, n := range path {
		switch n := n.(type) {
		case *ast.FuncDecl:
			return n.Body
		case *ast.FuncLit:
			return n.Body
		}
	}
	return nil
}

// A closeUse is a Close of the caller's pool.
type closeUse struct {
	pos token.Pos
	// until is where the path that closes it ends: a later use is one
	// between pos and until. NoPos: the rest of the function (a deferred
	// Close: pos itself).
	until token.Pos
}

// local decides for a caller that keeps the pool in the local def, used
// in body. Uses are matched by name, so a second variable of that name
// makes singlepool give up. In main's own function (inMain) its Close
// stays and closes the shared pool at exit, as main should.
func (c *importerCheck) local(body *ast.BlockStmt, def *ast.Ident, inMain bool) string {
	var closes []closeUse
	var uses []token.Pos
	why := ""
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		if why != "" {
			return false
		}
		id, ok := n.(*ast.Ident)
		if !ok || id == def || id.Name != def.Name {
			return true
		}
		path := code.InnermostFirst(append(stack[:len(stack):len(stack)], n))
		switch p := path[1].(type) {
		case *ast.SelectorExpr:
			if p.Sel == id {
				return true // a field or method named like it
			}
		case *ast.KeyValueExpr:
			if p.Key == id {
				return true // a struct field named like it
			}
		case *ast.Field:
			if slices.Contains(p.Names, id) {
				why = fmt.Sprintf("it declares a second %s, which singlepool does not tell apart", def.Name)
				return false
			}
		case *ast.ValueSpec:
			if slices.Contains(p.Names, id) {
				why = fmt.Sprintf("it declares a second %s, which singlepool does not tell apart", def.Name)
				return false
			}
		case *ast.AssignStmt:
			if p.Tok == token.DEFINE && slices.Contains(p.Lhs, ast.Expr(id)) {
				why = fmt.Sprintf("it declares a second %s, which singlepool does not tell apart", def.Name)
				return false
			}
		case *ast.ReturnStmt:
			why = "it returns it to its own callers"
			return false
		}
		if id.Pos() < def.Pos() {
			return true
		}
		if inMain && closesIt(path) {
			uses = append(uses, id.Pos()) // a Close main keeps
			return true
		}
		cl, w := c.use(path)
		switch {
		case w != "":
			why = w
		case cl != nil:
			closes = append(closes, *cl)
		default:
			uses = append(uses, id.Pos())
		}
		return true
	})
	if why != "" {
		return why
	}
	if len(closes) > 0 && len(uses) == 0 {
		return fmt.Sprintf("it only closes the pool: without its Close, %s would be unused", def.Name)
	}
	for _, cl := range closes {
		for _, u := range append(uses, closePositions(closes)...) {
			if u > cl.pos && (!cl.until.IsValid() || u < cl.until) {
				return fmt.Sprintf("it uses %s after closing it (line %d): the code relies on closing it", def.Name, c.fset.Position(cl.pos).Line)
			}
		}
	}
	return ""
}

// use classifies one use of the caller's pool (path innermost first, from
// its identifier): a Close, a use, or a reason it needs its own pool.
func (c *importerCheck) use(path []ast.Node) (*closeUse, string) {
	sel, ok := path[1].(*ast.SelectorExpr)
	if !ok || len(path) < 4 {
		return nil, ""
	}
	m := sel.Sel.Name
	call, _ := path[2].(*ast.CallExpr)
	called := call != nil && call.Fun == sel
	switch {
	case catalog.IsCloseMethod(m):
		if !called {
			return nil, fmt.Sprintf("it hands %s over as a value: it would close the shared pool later", code.BriefText(c.fset, sel))
		}
		switch st := path[3].(type) {
		case *ast.DeferStmt:
			return &closeUse{pos: sel.Pos(), until: sel.Pos()}, ""
		case *ast.ReturnStmt:
			if len(st.Results) == 1 {
				return &closeUse{pos: sel.Pos(), until: st.End()}, ""
			}
		case *ast.ExprStmt:
			return &closeUse{pos: sel.Pos(), until: returnAfter(path[4:], st)}, ""
		}
		return nil, fmt.Sprintf("it uses the result of %s()", code.BriefText(c.fset, sel))
	case catalog.SQLPoolSetters[m]:
		var n ast.Node = sel
		if called {
			n = call
		}
		return nil, fmt.Sprintf("it tunes its pool after getting it (%s)", code.BriefText(c.fset, n))
	case isViewMethod(m):
		return nil, fmt.Sprintf("it takes a view of the pool (%s), which singlepool does not follow across packages", code.BriefText(c.fset, sel))
	}
	return nil, ""
}

// closesIt reports whether the use (path innermost first, from its
// identifier) names its Close method.
func closesIt(path []ast.Node) bool {
	sel, ok := path[1].(*ast.SelectorExpr)
	return ok && sel.X == path[0] && catalog.IsCloseMethod(sel.Sel.Name)
}

// returnAfter returns the end of the return that follows the statement st
// (path from its parent outward) in its block: no use after it runs after
// st. NoPos if none does.
func returnAfter(path []ast.Node, st ast.Stmt) token.Pos {
	if len(path) == 0 {
		return token.NoPos
	}
	block, ok := path[0].(*ast.BlockStmt)
	if !ok {
		return token.NoPos
	}
	after := false
	for _, s := range block.List {
		if s == st {
			after = true
			continue
		}
		if ret, ok := s.(*ast.ReturnStmt); ok && after {
			return ret.End()
		}
	}
	return token.NoPos
}

// isViewMethod reports whether m is a method that returns the pool a value
// wraps (gorm's DB), in any library.
func isViewMethod(m string) bool {
	for k := range catalog.PoolViews {
		if k[1] == m {
			return true
		}
	}
	return false
}

func closePositions(cs []closeUse) []token.Pos {
	ps := make([]token.Pos, len(cs))
	for i, c := range cs {
		ps[i] = c.pos
	}
	return ps
}
