package singlepool

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// unusedLocals returns the declarations of local variables that have no
// use left outside removed, adding each deleted declaration to removed.
// A variable that cannot be deleted safely (declared with others, by a
// call that may have effects, or only assigned afterwards) is a reason
// not to offer the fix.
func unusedLocals(pass *analysis.Pass, scope []ast.Node, removed *[]span) ([]ast.Stmt, string) {
	var decls []ast.Stmt
	deleted := make(map[types.Object]bool)
	for changed := true; changed; {
		changed = false
		// Uses of each local, inside and outside the removed spans.
		type count struct{ gone, reads, writes int }
		counts := make(map[*types.Var]*count)
		var order []*types.Var
		writes := make(map[*ast.Ident]bool)
		inspect := func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
				for _, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						writes[id] = true
					}
				}
			}
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			v, ok := pass.TypesInfo.Uses[id].(*types.Var)
			if !ok || !isLocal(pass, v) || deleted[v] {
				return true
			}
			c := counts[v]
			if c == nil {
				c = &count{}
				counts[v] = c
				order = append(order, v)
			}
			switch {
			case inSpans(id.Pos(), *removed):
				c.gone++
			case writes[id]:
				c.writes++
			default:
				c.reads++
			}
			return true
		}
		for _, n := range scope {
			ast.Inspect(n, inspect)
		}
		for _, v := range order {
			c := counts[v]
			if c.gone == 0 || c.reads > 0 {
				continue
			}
			if c.writes > 0 {
				return nil, fmt.Sprintf("%s would only be assigned, never used", v.Name())
			}
			if isParam(fileOf(pass, v.Pos()), v) {
				continue // an unused parameter compiles
			}
			decl, init := localDecl(fileOf(pass, v.Pos()), v)
			if decl == nil {
				return nil, fmt.Sprintf("%s would be left unused and its declaration cannot be removed", v.Name())
			}
			if init != nil && !droppable(pass, init) {
				return nil, fmt.Sprintf("%s would be left unused and its initializer %s may have side effects", v.Name(), briefText(pass.Fset, init))
			}
			deleted[v] = true
			decls = append(decls, decl)
			*removed = append(*removed, span{decl.Pos(), decl.End()})
			changed = true
		}
	}
	return decls, ""
}

// localDecl returns the statement declaring only v ("v := e", "var v = e",
// "var v T") and its initializer, or nil if v is declared with others.
func localDecl(file *ast.File, v *types.Var) (ast.Stmt, ast.Expr) {
	path := enclosingPath(file, v.Pos())
	for i, n := range path {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				return n, n.Rhs[0]
			}
			return nil, nil
		case *ast.ValueSpec:
			if len(n.Names) != 1 || len(n.Values) > 1 || i+2 >= len(path) {
				return nil, nil
			}
			gd, ok := path[i+1].(*ast.GenDecl)
			if !ok || len(gd.Specs) != 1 {
				return nil, nil
			}
			ds, ok := path[i+2].(*ast.DeclStmt)
			if !ok {
				return nil, nil
			}
			if len(n.Values) == 1 {
				return ds, n.Values[0]
			}
			return ds, nil
		case *ast.FuncDecl, *ast.FuncLit, *ast.BlockStmt:
			return nil, nil
		}
	}
	return nil, nil
}

// isParam reports whether v is a parameter or named result of a function.
func isParam(file *ast.File, v *types.Var) bool {
	path := enclosingPath(file, v.Pos())
	for _, n := range path {
		switch n.(type) {
		case *ast.FieldList:
			return true
		case *ast.BlockStmt, *ast.FuncDecl:
			return false
		}
	}
	return false
}

// isLocal reports whether v is a variable declared inside a function.
func isLocal(pass *analysis.Pass, v *types.Var) bool {
	return !v.IsField() && v.Parent() != nil && v.Parent() != pass.Pkg.Scope() && v.Pkg() == pass.Pkg
}

// pureFuncs are calls that a fix may drop: they compute a value and have
// no effect that the program could depend on.
var pureFuncs = map[string]bool{
	"os.Getenv": true, "os.ExpandEnv": true,
	"fmt.Sprintf": true, "fmt.Sprint": true,
	"net.JoinHostPort": true, "path.Join": true, "path/filepath.Join": true,
	"strconv.Itoa": true, "strconv.Quote": true, "net/url.QueryEscape": true,
	"net/url.PathEscape": true, "strings.TrimSpace": true, "strings.Join": true,
	"strings.ReplaceAll": true, "strings.TrimPrefix": true, "strings.TrimSuffix": true,
	"strings.ToLower": true, "strings.Repeat": true,

	// Builders of the catalog's libraries: they only build a value from
	// their arguments (checked against each library's source; see
	// docs/catalog.md). gorm.io/driver/postgres v1.6.3, mysql v1.6.0
	// (ParseDSN may panic on a bad DSN), sqlite v1.6.0, sqlserver v1.6.3,
	// github.com/glebarez/sqlite v1.11.0.
	"gorm.io/driver/postgres.Open": true, "gorm.io/driver/postgres.New": true,
	"gorm.io/driver/mysql.Open": true, "gorm.io/driver/mysql.New": true,
	"gorm.io/driver/sqlite.Open": true, "gorm.io/driver/sqlite.New": true,
	"gorm.io/driver/sqlserver.Open": true, "gorm.io/driver/sqlserver.New": true,
	"github.com/glebarez/sqlite.Open": true,
	// pgx v5.13.0's ParseConfig reads PG* variables and ~/.pgpass, and
	// writes nothing; v4 v4.18.3 alike.
	"github.com/jackc/pgx/v5/pgxpool.ParseConfig": true, "github.com/jackc/pgx/v4/pgxpool.ParseConfig": true,
	"github.com/jackc/pgx/v5.ParseConfig": true,
	// go-redis v9.23.0, v8.11.5.
	"github.com/redis/go-redis/v9.ParseURL": true, "github.com/go-redis/redis/v8.ParseURL": true,
	// mongo-driver v1.17.10 and v2.10.0: options.Client and its setters
	// only set fields; ApplyURI parses (a mongodb+srv:// URI is also looked
	// up in DNS, which dropping does not make unsafe).
	"go.mongodb.org/mongo-driver/mongo/options.Client": true, "go.mongodb.org/mongo-driver/v2/mongo/options.Client": true,
	"(*go.mongodb.org/mongo-driver/mongo/options.ClientOptions).ApplyURI":    true,
	"(*go.mongodb.org/mongo-driver/v2/mongo/options.ClientOptions).ApplyURI": true,
}

// droppable reports whether the expression can be removed from the
// program without changing what it does: literals, names, selectors,
// operators, composite literals, function literals, conversions and calls
// of pureFuncs over droppable operands.
func droppable(pass *analysis.Pass, e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // defining a function has no effect
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		case *ast.CallExpr:
			if tv, isType := pass.TypesInfo.Types[n.Fun]; isType && tv.IsType() {
				return true // a conversion
			}
			if id := calleeIdent(n); id != nil {
				if b, isBuiltin := pass.TypesInfo.Uses[id].(*types.Builtin); isBuiltin {
					switch b.Name() {
					case "len", "cap", "min", "max", "complex", "real", "imag":
						return true
					}
				}
				if fn, isFunc := pass.TypesInfo.Uses[id].(*types.Func); isFunc && pureFuncs[fn.FullName()] {
					return true
				}
				// A function of the package, or of another package of
				// the module, that only returns a value canon can
				// follow, which has no effect: dsn() { return os.Getenv(...) }.
				if _, why := canon(typedEnv{pass}, n, 0); why == "" {
					return false
				}
			}
			ok = false
		case *ast.IndexExpr:
			// Map and slice reads are pure, but a slice index can panic;
			// dropping a panic is fine for a fix.
		}
		return ok
	})
	return ok
}
