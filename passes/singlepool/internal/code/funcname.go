package code

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/mod/module"
)

// A FuncName names a package-level function or a method: the grammar of
// the catalog, the constructors and singleton settings, and the names
// Constructors hands to drivers. Written "pkg/path.Func" or
// "(*pkg/path.Type).Method"; the star is optional and not kept, since a
// method is found through either receiver.
type FuncName struct {
	Pkg  string // import path
	Recv string // receiver type name for a method; "" for a function
	Name string
}

// ParseFuncName parses and validates a function name. Errors quote s and
// say what is wrong with it.
func ParseFuncName(s string) (FuncName, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return FuncName{}, fmt.Errorf("empty function name")
	}
	if strings.HasPrefix(s, "(") {
		recv, method, ok := strings.Cut(s[1:], ").")
		if !ok {
			return FuncName{}, fmt.Errorf("%q: want (*pkg/path.Type).Method", s)
		}
		recv = strings.TrimPrefix(recv, "*")
		pkg, typ, err := splitQualified(recv)
		if err != nil {
			return FuncName{}, fmt.Errorf("%q: %v", s, err)
		}
		if !token.IsIdentifier(method) {
			return FuncName{}, fmt.Errorf("%q: %q is not a method name", s, method)
		}
		return FuncName{Pkg: pkg, Recv: typ, Name: method}, nil
	}
	pkg, name, err := splitQualified(s)
	if err != nil {
		return FuncName{}, fmt.Errorf("%q: %v; want pkg/path.Func", s, err)
	}
	return FuncName{Pkg: pkg, Name: name}, nil
}

// splitQualified splits "pkg/path.Name" at the last dot after the last slash.
func splitQualified(s string) (pkg, name string, err error) {
	slash := strings.LastIndex(s, "/")
	dot := strings.LastIndex(s, ".")
	if dot <= slash || dot == len(s)-1 {
		return "", "", fmt.Errorf("missing package path or name")
	}
	pkg, name = s[:dot], s[dot+1:]
	if !token.IsIdentifier(name) {
		return "", "", fmt.Errorf("%q is not an identifier", name)
	}
	if err := module.CheckImportPath(pkg); err != nil {
		return "", "", fmt.Errorf("bad package path: %v", err)
	}
	return pkg, name, nil
}

// FuncNameOf returns the name of fn (of its generic origin), as the
// settings would write it.
func FuncNameOf(fn *types.Func) FuncName {
	fn = fn.Origin()
	f := FuncName{Pkg: fn.Pkg().Path(), Name: fn.Name()}
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			f.Recv = n.Obj().Name()
		}
	}
	return f
}

// String is the canonical form: "pkg/path.Func" or "(pkg/path.Type).Method".
func (f FuncName) String() string {
	if f.Recv != "" {
		return "(" + f.Pkg + "." + f.Recv + ")." + f.Name
	}
	return f.Pkg + "." + f.Name
}

// Short names the package as code imports it: "db.Pool" for
// "example.com/app/internal/db.Pool", "redis.NewClient" for go-redis v9.
func (f FuncName) Short() string {
	pkg := AssumedName(f.Pkg) // redis for github.com/redis/go-redis/v9
	if f.Recv != "" {
		return "(" + pkg + "." + f.Recv + ")." + f.Name
	}
	return pkg + "." + f.Name
}

// ShortFuncName is "pgxpool.New" or "(*gocql.ClusterConfig).CreateSession".
func ShortFuncName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		star := ""
		if p, ok := t.(*types.Pointer); ok {
			star, t = "*", p.Elem()
		}
		name := types.TypeString(t, (*types.Package).Name)
		if i := strings.IndexByte(name, '['); i >= 0 {
			name = name[:i]
		}
		return "(" + star + name + ")." + fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}
