package code

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestParseFuncName(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want FuncName
		text string // String()
	}{
		{"database/sql.Open", FuncName{Pkg: "database/sql", Name: "Open"}, "database/sql.Open"},
		{" github.com/redis/go-redis/v9.NewClient ", FuncName{Pkg: "github.com/redis/go-redis/v9", Name: "NewClient"}, "github.com/redis/go-redis/v9.NewClient"},
		{"(*github.com/gocql/gocql.ClusterConfig).CreateSession", FuncName{Pkg: "github.com/gocql/gocql", Recv: "ClusterConfig", Name: "CreateSession"}, "(github.com/gocql/gocql.ClusterConfig).CreateSession"},
		{"(github.com/nats-io/nats.go.Options).Connect", FuncName{Pkg: "github.com/nats-io/nats.go", Recv: "Options", Name: "Connect"}, "(github.com/nats-io/nats.go.Options).Connect"},
	} {
		got, err := ParseFuncName(tc.in)
		if err != nil || got != tc.want || got.String() != tc.text {
			t.Errorf("ParseFuncName(%q) = %+v (%s), %v; want %+v (%s)", tc.in, got, got, err, tc.want, tc.text)
		}
	}
	for _, bad := range []string{"", "Open", "database/sql.", "(x.T.M", "(a.com/x.T).1m", "a.com/x.F-g", "../x.F"} {
		if got, err := ParseFuncName(bad); err == nil {
			t.Errorf("ParseFuncName(%q) = %+v, want an error", bad, got)
		}
	}
}

// TestFuncNameOf checks that a function found by type has the name the
// settings write for it: pointer and value receivers alike, generic
// receivers by their type's name.
func TestFuncNameOf(t *testing.T) {
	const src = `package p
type T struct{}
func (*T) Open() {}
func (T) Dial() {}
type G[X any] struct{}
func (*G[X]) New() {}
func F() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: make(map[*ast.Ident]types.Object)}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("example.com/p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Open": "(example.com/p.T).Open", "Dial": "(example.com/p.T).Dial",
		"New": "(example.com/p.G).New", "F": "example.com/p.F",
	}
	for id, obj := range info.Defs {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		got := FuncNameOf(fn)
		if got.String() != want[id.Name] {
			t.Errorf("funcNameOf(%s) = %s, want %s", fn.FullName(), got, want[id.Name])
		}
		if p, err := ParseFuncName(got.String()); err != nil || p != got {
			t.Errorf("%s does not parse back: %+v, %v", got, p, err)
		}
	}
}
