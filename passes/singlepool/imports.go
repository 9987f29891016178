package singlepool

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/refactor"
	"golang.org/x/tools/go/analysis"
)

// importEdit inserts the accessor's import.
type importEdit struct {
	pos  token.Pos
	text string
}

// accessorImport chooses the name by which the fixed sites of the file
// call the accessor's package, the same for every site (so that every fix
// adds the same import), and the import to add, if any.
func accessorImport(pass *analysis.Pass, file *ast.File, plans []*plan, fixable func(int) bool) (string, *importEdit, string) {
	var accPath string
	var positions []token.Pos
	for i, p := range plans {
		if !fixable(i) {
			continue
		}
		path := p.accessor.Pkg
		if accPath == "" {
			accPath = path
		} else if path != accPath {
			// Sites of one file mapped to accessors of different
			// packages: rare enough to leave to the user.
			return "", nil, "accessors from two packages in one file"
		}
		positions = append(positions, p.call.Pos())
	}
	if accPath == pass.Pkg.Path() {
		return "", nil, "" // the accessor is in this package
	}
	scope := pass.TypesInfo.Scopes[file]
	free := func(name string, want *types.Package) bool {
		for _, pos := range positions {
			inner := scope.Innermost(pos)
			if inner == nil {
				inner = scope
			}
			_, obj := inner.LookupParent(name, pos)
			if obj == nil {
				continue
			}
			pn, ok := obj.(*types.PkgName)
			if !ok || want == nil || pn.Imported() != want {
				return false
			}
		}
		return true
	}
	// Reuse an existing import of the package.
	for _, imp := range file.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if path != accPath {
			continue
		}
		if imp.Name != nil && imp.Name.Name == "." {
			return "", nil, ""
		}
		if obj, ok := refactor.ImportedPkgName(pass, imp).(*types.PkgName); ok && imp.Name.String() != "_" && free(obj.Name(), obj.Imported()) {
			return obj.Name(), nil, ""
		}
	}
	base := packageName(pass.Pkg, accPath)
	name := ""
	for i, cand := range []string{base, base + "pkg", base + "2", base + "3", base + "4"} {
		_ = i
		if free(cand, nil) {
			name = cand
			break
		}
	}
	if name == "" {
		return "", nil, "no free name for the accessor's package"
	}
	spec := strconv.Quote(accPath)
	if name != base {
		spec = name + " " + spec
	}
	// Add the import as a group of its own at the end of the first import
	// block (gofmt sorts within groups, so this keeps the file formatted),
	// or else as a new declaration after the package clause: positions
	// that no deleted import line can overlap.
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && gd.Lparen.IsValid() {
			return name, &importEdit{pos: gd.Rparen, text: "\n\t" + spec + "\n"}, ""
		}
	}
	return name, &importEdit{pos: file.Name.End(), text: "\n\nimport " + spec}, ""
}

// packageName returns the accessor package's name: from the import graph
// if the package is visible, else the last element of its path without a
// major version suffix.
func packageName(pkg *types.Package, path string) string {
	if p := code.FindPackage(pkg, path); p != nil {
		return p.Name()
	}
	last := strings.NewReplacer("-", "", ".", "").Replace(code.PathDir(path))
	if !token.IsIdentifier(last) {
		last = "pool"
	}
	return last
}
