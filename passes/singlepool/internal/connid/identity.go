package connid

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// An Identity is what a pool connects to: the driver it speaks, where
// (the canonical text of its connection string or options, without its
// pool settings), and the settings of the handle that change what the code
// does (gorm's Config). A site whose identity equals the shared pool's
// reaches the same database the same way; the shared pool's own settings
// (its size, its hooks) are the point of sharing and not compared.
type Identity struct {
	Driver string
	Where  string
	Handle string
}

// Site returns the identity of a constructor call in the analyzed package
// (args after the context, with the receiver of a method constructor
// first), the pool settings its arguments set, or why it cannot be told
// (in the user's words: "parameter dsn").
func Site(pass *analysis.Pass, ctor string, args []ast.Expr) (Identity, []string, string) {
	return identityOf(typedEnv{pass}, ctor, args, nil)
}

// A follower finds what an existing pool, handed to a wrapper, connects
// to; nil where none is followed (the analyzed package: a call that wraps
// an existing pool is no site).
type follower func(env argEnv, e ast.Expr) (Identity, string)

// identityOf reads where the call of ctor with args connects.
func identityOf(env argEnv, ctor string, args []ast.Expr, follow follower) (Identity, []string, string) {
	src, ok := catalog.Sources[ctor]
	if !ok || src.Arg >= len(args) || src.DriverArg >= len(args) {
		// A constructor whose arguments singlepool does not take apart:
		// all of them, settings included, must be the shared pool's.
		text, why := canonArgs(env, args)
		return Identity{Where: text}, nil, why
	}
	var id Identity
	var settings []string
	id.Driver = src.Driver
	if src.DriverArg >= 0 {
		text, why := canon(env, args[src.DriverArg], 0)
		if why != "" {
			return id, nil, why
		}
		name, err := strconv.Unquote(text)
		if err != nil {
			return id, nil, fmt.Sprintf("driver %s, not a constant", text)
		}
		if alias, ok := catalog.DriverAliases[name]; ok {
			name = alias
		}
		id.Driver = name
	}
	if src.Handle >= 0 && src.Handle < len(args) {
		text, set, why := stripped(env, args[src.Handle], catalog.HandleOpenOnly)
		if why != "" {
			return id, nil, why
		}
		_ = set // open-only fields may differ
		id.Handle = text
		for _, extra := range args[src.Handle+1:] {
			t, why := canon(env, extra, 0)
			if why != "" {
				return id, nil, why
			}
			id.Handle += ", " + t
		}
	}
	arg := args[src.Arg]
	if ctor == "gorm.io/gorm.Open" {
		d, why := dialector(env, arg, follow)
		if why != "" {
			return id, nil, why
		}
		id.Driver, id.Where = d.Driver, d.Where
		if d.Handle != "" {
			id.Handle = d.Handle + "; " + id.Handle
		}
		return id, nil, ""
	}
	where, set, why := source(env, arg, src.Parse)
	if why != "" {
		return id, nil, why
	}
	id.Where = where
	settings = append(settings, set...)
	if src.Variadic {
		for _, more := range args[src.Arg+1:] {
			w, set, why := source(env, more, src.Parse)
			if why != "" {
				return id, nil, why
			}
			id.Where += ", " + w
			settings = append(settings, set...)
		}
	}
	return id, settings, ""
}

// source reads the connection source of one argument: a connection string,
// a config parsed from one (parse), or options with their pool settings
// taken out (returned apart).
func source(env argEnv, e ast.Expr, parse string) (string, []string, string) {
	v, venv, why := resolve(env, e)
	if why != "" {
		return "", nil, why
	}
	if parse != "" {
		if call, ok := v.(*ast.CallExpr); ok && calleeName(venv, call) == parse && len(call.Args) == 1 {
			set, other := venv.fieldWrites(e)
			if other != "" {
				return "", nil, other
			}
			text, why := canon(venv, call.Args[0], 0)
			if why != "" {
				return "", nil, why
			}
			if name := catalog.PoolSettingIn(text); name != "" {
				set = append(set, name) // pool_max_conns in the string
			}
			return text, set, ""
		}
	}
	text, set, why := stripped(venv, v, settingNames())
	if why != "" {
		return "", nil, why
	}
	if name := catalog.PoolSettingIn(text); name != "" {
		set = append(set, name)
	}
	more, other := venv.fieldWrites(e)
	if other != "" {
		return "", nil, other
	}
	return text, append(set, more...), ""
}

// settingNames is the pool settings as a set.
func settingNames() map[string]bool {
	m := make(map[string]bool, len(catalog.PoolSettings))
	for _, s := range catalog.PoolSettings {
		m[s] = true
	}
	return m
}

// stripped is the canonical text of e without the composite-literal fields
// and builder methods named in drop (&redis.Options{Addr: a, PoolSize: 5}
// gives &redis.Options{Addr: a}; options.Client().ApplyURI(u).SetMaxPoolSize(5)
// gives options.Client().ApplyURI(u)), and the names it took out.
func stripped(env argEnv, e ast.Expr, drop map[string]bool) (string, []string, string) {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok {
				text, set, why := strippedLiteral(env, lit, drop)
				return "&" + text, set, why
			}
		}
	case *ast.CompositeLit:
		return strippedLiteral(env, x, drop)
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && drop[sel.Sel.Name] && catalog.IsBuilderMethod(sel.Sel.Name) {
			text, set, why := stripped(env, sel.X, drop)
			return text, append(set, sel.Sel.Name), why
		}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && catalog.IsBuilderMethod(sel.Sel.Name) {
			recv, set, why := stripped(env, sel.X, drop)
			if why != "" {
				return "", nil, why
			}
			args, why := canonArgs(env, x.Args)
			if why != "" {
				return "", nil, why
			}
			return recv + "." + sel.Sel.Name + "(" + args + ")", set, ""
		}
	}
	text, why := canon(env, e, 0)
	return text, nil, why
}

// strippedLiteral is canonLiteral without the fields named in drop.
func strippedLiteral(env argEnv, lit *ast.CompositeLit, drop map[string]bool) (string, []string, string) {
	var set []string
	kept := &ast.CompositeLit{Type: lit.Type, Lbrace: lit.Lbrace, Rbrace: lit.Rbrace}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && drop[k.Name] {
				set = append(set, k.Name)
				continue
			}
		}
		kept.Elts = append(kept.Elts, elt)
	}
	text, why := canonLiteral(env, kept, 0)
	return text, set, why
}

// resolve follows names to the expression they stand for, in its env.
func resolve(env argEnv, e ast.Expr) (ast.Expr, argEnv, string) {
	for depth := 0; depth < maxCanonDepth; depth++ {
		e = ast.Unparen(e)
		id, ok := e.(*ast.Ident)
		if !ok {
			return e, env, ""
		}
		v, venv, why := env.valueOf(id)
		if why != "" && (id.Name == "nil" || id.Name == "true" || id.Name == "false") {
			return e, env, "" // canon's, unless a variable shadows it
		}
		if why != "" {
			return nil, nil, why
		}
		e, env = v, venv
	}
	return nil, nil, "a value singlepool cannot follow"
}

// calleeName is the full name of a package-qualified call ("path.F"), or "".
func calleeName(env argEnv, call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return ""
	}
	path, ok := env.importPath(x)
	if !ok {
		return ""
	}
	return path + "." + sel.Sel.Name
}

// dialector reads a gorm dialector: postgres.Open(dsn), or
// postgres.New(postgres.Config{DSN: dsn}) or {Conn: db}, which connects
// where db does.
func dialector(env argEnv, e ast.Expr, follow follower) (Identity, string) {
	v, venv, why := resolve(env, e)
	if why != "" {
		return Identity{}, why
	}
	call, ok := v.(*ast.CallExpr)
	if !ok {
		return Identity{}, fmt.Sprintf("%s, a dialector singlepool cannot follow", code.BriefText(token.NewFileSet(), v))
	}
	name := calleeName(venv, call)
	d, ok := catalog.Dialectors[name]
	if !ok || len(call.Args) != 1 {
		return Identity{}, fmt.Sprintf("a call of %s", briefCall(call))
	}
	if strings.HasSuffix(name, ".Open") {
		text, why := canon(venv, call.Args[0], 0)
		return Identity{Driver: d.Driver, Where: text}, why
	}
	cv, cenv, why := resolve(venv, call.Args[0])
	if why != "" {
		return Identity{}, why
	}
	lit, ok := cv.(*ast.CompositeLit)
	if !ok {
		return Identity{}, fmt.Sprintf("%s, a dialector config singlepool cannot follow", code.BriefText(token.NewFileSet(), cv))
	}
	id := Identity{Driver: d.Driver}
	var rest []ast.Expr
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return Identity{}, "a dialector config singlepool cannot follow"
		}
		key, _ := kv.Key.(*ast.Ident)
		switch {
		case key != nil && key.Name == "DriverName":
			text, why := canon(cenv, kv.Value, 0)
			if why != "" {
				return Identity{}, why
			}
			name, err := strconv.Unquote(text)
			if err != nil {
				return Identity{}, fmt.Sprintf("driver %s, not a constant", text)
			}
			id.Driver = name
		case key != nil && slices.Contains(d.ConfigDSN, key.Name):
			text, why := canon(cenv, kv.Value, 0)
			if why != "" {
				return Identity{}, why
			}
			id.Where = text
		case key != nil && key.Name == "Conn" && !code.IsNil(kv.Value):
			if follow == nil {
				return Identity{}, "an existing pool"
			}
			inner, why := follow(cenv, kv.Value)
			if why != "" {
				return Identity{}, why
			}
			id.Where = inner.Where
			if inner.Driver != "" {
				id.Driver = inner.Driver
			}
		default:
			rest = append(rest, elt)
		}
	}
	if len(rest) > 0 {
		text, why := canonLiteral(cenv, &ast.CompositeLit{Type: lit.Type, Elts: rest}, 0)
		if why != "" {
			return Identity{}, why
		}
		id.Handle = text
	}
	return id, ""
}

// Differs says how the site's identity differs from the shared pool's, in
// the words of a message; "" if they are the same.
func Differs(site, shared Identity) string {
	switch {
	case site.Driver != shared.Driver:
		return fmt.Sprintf("it uses the %s driver; the shared pool the %s driver, whose errors and scanned types differ", driverText(site.Driver), driverText(shared.Driver))
	case site.Where != shared.Where:
		return fmt.Sprintf("it connects with (%s); the shared pool with (%s)", site.Where, shared.Where)
	case site.Handle != shared.Handle:
		return fmt.Sprintf("it opens its handle with (%s); the shared one with (%s)", site.Handle, shared.Handle)
	}
	return ""
}

func driverText(name string) string {
	if pkg, ok := catalog.DriverPackages[name]; ok {
		return fmt.Sprintf("%q (%s)", name, pkg)
	}
	return strconv.Quote(name)
}
