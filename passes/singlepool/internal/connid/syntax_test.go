package connid

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
)

// TestSharedArgsDerived derives the shared pool's arguments from the
// accessor's package read from source, as sharedArgs does for a site in
// the same module, and agrees with the shared-args setting's text.
func TestSharedArgsDerived(t *testing.T) {
	sqlOpen := code.FuncName{Pkg: "database/sql", Name: "Open"}
	pgxNew := code.FuncName{Pkg: "github.com/jackc/pgx/v5/pgxpool", Name: "New"}
	for _, tc := range []struct {
		name, src string
		ctor      code.FuncName
		ctxFirst  bool
		want, why string
	}{
		{"once values", `package db
import ("database/sql"; "os"; "sync")
var pool = sync.OnceValues(func() (*sql.DB, error) { return sql.Open("pgx", os.Getenv("DATABASE_URL")) })
func SQL() (*sql.DB, error) { return pool() }`, sqlOpen, false, `"pgx", $DATABASE_URL`, ""},
		{"locals, constants, helpers", `package db
import ("context"; "os"; pg "github.com/jackc/pgx/v5/pgxpool")
const key = "DATABASE_URL"
func url() string { return os.Getenv(key) }
func build(ctx context.Context) (*pg.Pool, error) {
	dsn := url()
	return pg.New(context.Background(), dsn)
}`, pgxNew, true, `$DATABASE_URL`, ""},
		{"two databases", `package db
import ("database/sql"; "os")
func a() { sql.Open("pgx", os.Getenv("A")) }
func b() { sql.Open("pgx", os.Getenv("B")) }`, sqlOpen, false, "", "it builds pools with different arguments"},
		{"reassigned", `package db
import ("database/sql"; "os")
func a() { dsn := os.Getenv("A"); dsn = dsn + "?x=1"; sql.Open("pgx", dsn) }`, sqlOpen, false, "", "dsn, a variable singlepool cannot follow"},
		{"no call", `package db
func SQL() {}`, sqlOpen, false, "", "it has no call of sql.Open"},
		{"from a parameter", `package db
import "database/sql"
func open(dsn string) { sql.Open("pgx", dsn) }`, sqlOpen, false, "", "dsn, a name singlepool cannot follow"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			write := func(name, data string) {
				t.Helper()
				if err := os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(root, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write("go.mod", "module example.com/app\n\ngo 1.26\n")
			write("internal/db/db.go", tc.src)
			write("internal/db/db_test.go", "package db\nimport \"database/sql\"\nfunc init() { sql.Open(\"sqlite\", \":memory:\") }\n")
			dir, ok := code.PackageSource(root, "example.com/app/internal/db")
			if !ok {
				t.Fatalf("packageSource did not find internal/db under %s", root)
			}
			if _, ok := code.PackageSource(root, "example.com/other/db"); ok {
				t.Errorf("packageSource found a package of another module")
			}
			pkg, err := parsePackageDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			got, why := sharedArgsIn(pkg, tc.ctor, tc.ctxFirst)
			if got != tc.want || why != tc.why {
				t.Errorf("sharedArgsIn = %q, %q; want %q, %q", got, why, tc.want, tc.why)
			}
		})
	}
	// The setting's text for the same arguments is the same.
	_, text, err := ParseSharedArgs(`database/sql.Open=("pgx", os.Getenv("DATABASE_URL"))`)
	if err != nil || text != `"pgx", $DATABASE_URL` {
		t.Errorf("parseSharedArgs = %q, %v", text, err)
	}
}

// TestAccessorShapeFromSource reads accessors' declared types from
// syntax, as checkAccessorSource does when their package is not imported.
func TestAccessorShapeFromSource(t *testing.T) {
	dir := t.TempDir()
	src := `package db
import ("context"; "database/sql"; "sync"; pg "github.com/jackc/pgx/v5/pgxpool")
func Pool(ctx context.Context) (*pg.Pool, error) { return nil, nil }
func Bad() *sql.DB { return nil }
var SQL = sync.OnceValues(func() (*sql.DB, error) { return nil, nil })
var Lit = func() (a, b *sql.DB) { return nil, nil }
var Other = makeIt()
func makeIt() func() {return nil}
`
	if err := os.WriteFile(filepath.Join(dir, "db.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	pkg, err := parsePackageDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name            string
		declared, typed bool
		params, results string
	}{
		{"Pool", true, true, "context.Context", "*github.com/jackc/pgx/v5/pgxpool.Pool error"},
		{"Bad", true, true, "", "*database/sql.DB"},
		{"SQL", true, true, "", "*database/sql.DB error"},
		{"Lit", true, true, "", "*database/sql.DB *database/sql.DB"},
		{"Other", true, false, "", ""},
		{"Missing", false, false, "", ""},
	} {
		ft, imports, declared := pkg.funcType(tc.name)
		if declared != tc.declared || (ft != nil) != tc.typed {
			t.Errorf("%s: declared %v, typed %v; want %v, %v", tc.name, declared, ft != nil, tc.declared, tc.typed)
			continue
		}
		if ft == nil {
			continue
		}
		params := strings.Join(FieldTypes(ft.Params, imports), " ")
		results := strings.Join(FieldTypes(ft.Results, imports), " ")
		if params != tc.params || results != tc.results {
			t.Errorf("%s: (%s) (%s), want (%s) (%s)", tc.name, params, results, tc.params, tc.results)
		}
	}
}
