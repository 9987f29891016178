package connid

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
