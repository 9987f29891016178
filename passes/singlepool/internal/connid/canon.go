package connid

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
)

// Connection identity. A fix replaces a constructor call with the shared
// pool's accessor, which is right only when the call would have built the
// same pool: the same database, the same settings. Both sides are reduced
// to the canonical text of the constructor's arguments (without the
// context), in which
//
//   - a string constant is quoted ("pgx"), however it is written;
//   - os.Getenv("NAME") is $NAME;
//   - a call of a builder or function known to be pure (catalog.PureFuncs) is its
//     full name and canonical arguments: gorm.io/driver/postgres.Open($DATABASE_URL);
//   - a local or package-level variable, or a function without
//     parameters that only returns a value, stands for its one value;
//   - a composite literal lists its fields: &github.com/redis/go-redis/v9.Options{Addr: $REDIS_ADDR}.
//
// Anything else (a parameter, a loop variable, a field, a map lookup, a
// variable assigned twice or changed after it is set, another call) has no
// canonical text: canon says what it is, for the message.

// An argEnv tells canon what the names of one package stand for: from
// type information for the package being analyzed (typedEnv), from syntax
// alone for the accessor's package (syntaxEnv), or from a setting.
type argEnv interface {
	// importPath returns the path of the package x names, if it names one.
	importPath(x *ast.Ident) (string, bool)
	// stringConst returns e's value if e is a string constant.
	stringConst(e ast.Expr) (string, bool)
	// isType reports whether e denotes a type (a conversion's function).
	isType(e ast.Expr) bool
	// foreignFunc returns the one result of a function without
	// parameters of another package of the module, read from its source.
	foreignFunc(path, name string) (ast.Expr, argEnv, bool)
	// valueOf returns the expression a name stands for: a variable's one
	// value, or the one result of a function without parameters; or a
	// description of the name for the message, when it stands for no one
	// value.
	valueOf(id *ast.Ident) (ast.Expr, argEnv, string)
	// fieldWrites returns the pool settings set on the variable e names
	// after its declaration (cfg.MaxConns = 5), or a description of
	// another change (cfg.ConnConfig.Database = "x"), where valueOf does
	// not already refuse a variable that changes.
	fieldWrites(e ast.Expr) (settings []string, other string)
}

// maxCanonDepth bounds how many names canon follows, against cycles
// (var a = b; var b = a) and very long chains.
const maxCanonDepth = 16

// canonArgs returns the canonical text of a call's arguments, or a
// description of the first one that has none.
func canonArgs(env argEnv, args []ast.Expr) (string, string) {
	parts := make([]string, len(args))
	for i, a := range args {
		text, why := canon(env, a, 0)
		if why != "" {
			return "", why
		}
		parts[i] = text
	}
	return strings.Join(parts, ", "), ""
}

// canon returns the canonical text of e, or, when e has none, what e is
// in the user's words ("parameter dsn", "t.DSN, a field").
func canon(env argEnv, e ast.Expr, depth int) (string, string) {
	if depth > maxCanonDepth {
		return "", "a value singlepool cannot follow"
	}
	e = ast.Unparen(e)
	if v, ok := env.stringConst(e); ok {
		return strconv.Quote(v), ""
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Value, ""
	case *ast.Ident:
		switch e.Name {
		case "nil", "true", "false":
			if _, _, why := env.valueOf(e); why == "" {
				break // shadowed: a variable of that name
			}
			return e.Name, ""
		}
		v, venv, why := env.valueOf(e)
		if why != "" {
			return "", why
		}
		return canon(venv, v, depth+1)
	case *ast.CallExpr:
		return canonCall(env, e, depth)
	case *ast.BinaryExpr:
		x, why := canon(env, e.X, depth+1)
		if why != "" {
			return "", why
		}
		y, why := canon(env, e.Y, depth+1)
		if why != "" {
			return "", why
		}
		return x + " " + e.Op.String() + " " + y, ""
	case *ast.UnaryExpr:
		if e.Op != token.AND {
			break
		}
		x, why := canon(env, e.X, depth+1)
		if why != "" {
			return "", why
		}
		return "&" + x, ""
	case *ast.CompositeLit:
		return canonLiteral(env, e, depth)
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			if _, isPkg := env.importPath(x); isPkg {
				return "", fmt.Sprintf("%s.%s, a variable of another package", x.Name, e.Sel.Name)
			}
		}
		return "", fmt.Sprintf("%s, a field", exprText(e))
	case *ast.IndexExpr, *ast.IndexListExpr:
		return "", fmt.Sprintf("%s, a lookup", exprText(e))
	}
	return "", fmt.Sprintf("%s, an expression singlepool cannot follow", exprText(e))
}

// canonCall handles the calls canon can follow: os.Getenv of a constant,
// conversions, pure functions and builders, methods of a pure builder,
// and functions of the package that only return a value.
func canonCall(env argEnv, call *ast.CallExpr, depth int) (string, string) {
	fun := ast.Unparen(call.Fun)
	if env.isType(fun) && len(call.Args) == 1 {
		return canon(env, call.Args[0], depth+1) // a conversion
	}
	var name, path string
	var f *ast.SelectorExpr
	switch fn := fun.(type) {
	case *ast.Ident:
		// A function of the package: what it returns.
		v, venv, why := env.valueOf(fn)
		if why != "" {
			return "", why
		}
		if len(call.Args) > 0 {
			return "", fmt.Sprintf("a call of %s", briefCall(call))
		}
		return canon(venv, v, depth+1)
	case *ast.SelectorExpr:
		f = fn
		if x, ok := f.X.(*ast.Ident); ok {
			var isPkg bool
			if path, isPkg = env.importPath(x); isPkg {
				name = path + "." + f.Sel.Name
				break
			}
		}
		// A method of a pure builder: options.Client().ApplyURI(uri).
		if !catalog.IsBuilderMethod(f.Sel.Name) {
			return "", fmt.Sprintf("a call of %s", briefCall(call))
		}
		recv, why := canon(env, f.X, depth+1)
		if why != "" {
			return "", why
		}
		args, why := canonArgs(env, call.Args)
		if why != "" {
			return "", why
		}
		return recv + "." + f.Sel.Name + "(" + args + ")", ""
	default:
		return "", fmt.Sprintf("a call of %s", briefCall(call))
	}
	if name == "os.Getenv" && len(call.Args) == 1 {
		if key, why := canon(env, call.Args[0], depth+1); why == "" {
			if v, err := strconv.Unquote(key); err == nil {
				return "$" + v, ""
			}
		}
	}
	if !catalog.PureFuncs[name] {
		// A function of another package of the module that only returns
		// a value: config.DSN() { return os.Getenv("DATABASE_URL") }.
		if v, venv, ok := env.foreignFunc(path, f.Sel.Name); ok && len(call.Args) == 0 {
			return canon(venv, v, depth+1)
		}
		return "", fmt.Sprintf("a call of %s", briefCall(call))
	}
	args, why := canonArgs(env, call.Args)
	if why != "" {
		return "", why
	}
	return name + "(" + args + ")", ""
}

// canonLiteral is the canonical text of a composite literal of a named
// type: its fields in the order written.
func canonLiteral(env argEnv, lit *ast.CompositeLit, depth int) (string, string) {
	var typ string
	switch t := ast.Unparen(lit.Type).(type) {
	case *ast.Ident:
		typ = t.Name
	case *ast.SelectorExpr:
		x, ok := t.X.(*ast.Ident)
		path, isPkg := "", false
		if ok {
			path, isPkg = env.importPath(x)
		}
		if !isPkg {
			return "", fmt.Sprintf("%s, an expression singlepool cannot follow", exprText(lit))
		}
		typ = path + "." + t.Sel.Name
	default:
		return "", fmt.Sprintf("%s, an expression singlepool cannot follow", exprText(lit))
	}
	elems := make([]string, len(lit.Elts))
	for i, elt := range lit.Elts {
		key := ""
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			k, isIdent := kv.Key.(*ast.Ident)
			if !isIdent {
				return "", fmt.Sprintf("%s, an expression singlepool cannot follow", exprText(lit))
			}
			key, elt = k.Name+": ", kv.Value
		}
		v, why := canon(env, elt, depth+1)
		if why != "" {
			return "", why
		}
		elems[i] = key + v
	}
	return typ + "{" + strings.Join(elems, ", ") + "}", ""
}

// exprText is a short, one-line text of e for messages.
func exprText(e ast.Expr) string {
	return code.BriefText(token.NewFileSet(), e)
}

// briefCall is a call's text for messages: "loadDSN()", "cfg.Load(...)".
func briefCall(call *ast.CallExpr) string {
	fun := exprText(call.Fun)
	if len(call.Args) == 0 {
		return fun + "()"
	}
	return fun + "(...)"
}

// ParseSharedArgs parses a shared-args entry, "CONSTRUCTOR=(ARGS)", into
// the constructor and the identity those arguments give.
func ParseSharedArgs(e string) (code.FuncName, Identity, error) {
	ctorText, argsText, ok := strings.Cut(e, "=")
	if !ok {
		return code.FuncName{}, Identity{}, fmt.Errorf("%q is not CONSTRUCTOR=(ARGS)", e)
	}
	ctor, err := code.ParseFuncName(ctorText)
	if err != nil {
		return code.FuncName{}, Identity{}, fmt.Errorf("constructor: %v", err)
	}
	argsText = strings.TrimSpace(argsText)
	if !strings.HasPrefix(argsText, "(") || !strings.HasSuffix(argsText, ")") {
		return code.FuncName{}, Identity{}, fmt.Errorf("%q: write the arguments in parentheses, e.g. (\"pgx\", os.Getenv(\"DATABASE_URL\"))", argsText)
	}
	x, err := parser.ParseExpr("f" + argsText)
	call, isCall := x.(*ast.CallExpr)
	if isCall {
		if f, isIdent := call.Fun.(*ast.Ident); !isIdent || f.Name != "f" {
			isCall = false
		}
	}
	if err != nil || !isCall {
		return code.FuncName{}, Identity{}, fmt.Errorf("%q is not a Go argument list", argsText)
	}
	id, _, why := identityOf(statedEnv{}, ctor.String(), call.Args, nil)
	if why != "" {
		return code.FuncName{}, Identity{}, fmt.Errorf("%s: cannot use %s; write constants, os.Getenv(\"NAME\") and calls of the functions singlepool knows to be pure", argsText, why)
	}
	return ctor, id, nil
}

// statedEnv is the argEnv of a shared-args setting: package names of the
// standard library's pure functions, and literals.
type statedEnv struct{}

func (statedEnv) importPath(x *ast.Ident) (string, bool) {
	p, ok := catalog.StatedPackages[x.Name]
	return p, ok
}

func (statedEnv) stringConst(e ast.Expr) (string, bool) { return syntaxEnv{}.stringConst(e) }
func (statedEnv) isType(e ast.Expr) bool                { return syntaxEnv{}.isType(e) }

func (statedEnv) foreignFunc(string, string) (ast.Expr, argEnv, bool) { return nil, nil, false }

func (statedEnv) fieldWrites(ast.Expr) ([]string, string) { return nil, "" }

func (statedEnv) valueOf(id *ast.Ident) (ast.Expr, argEnv, string) {
	return nil, nil, id.Name
}
