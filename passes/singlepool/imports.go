package singlepool

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// importRefs maps each import spec of a file to the positions of the
// identifiers that use it, computed once per file.
type importRefs map[*ast.ImportSpec][]token.Pos

func collectImportRefs(pass *analysis.Pass, file *ast.File) importRefs {
	byPkgName := make(map[types.Object]*ast.ImportSpec)
	byDot := make(map[string]*ast.ImportSpec)
	for _, imp := range file.Imports {
		if imp.Name != nil && imp.Name.Name == "_" {
			continue
		}
		if imp.Name != nil && imp.Name.Name == "." {
			path, _ := strconv.Unquote(imp.Path.Value)
			byDot[path] = imp
			continue
		}
		if obj := importedPkgName(pass, imp); obj != nil {
			byPkgName[obj] = imp
		}
	}
	refs := make(importRefs)
	ast.Inspect(file, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		obj := pass.TypesInfo.Uses[id]
		if obj == nil {
			return true
		}
		imp := byPkgName[obj]
		if imp == nil && len(byDot) > 0 && obj.Pkg() != nil && obj.Pkg() != pass.Pkg && obj.Parent() == obj.Pkg().Scope() {
			imp = byDot[obj.Pkg().Path()]
		}
		if imp != nil {
			refs[imp] = append(refs[imp], id.Pos())
		}
		return true
	})
	return refs
}

// unusedImports deletes the import specs whose every use lies in removed.
func unusedImports(file *ast.File, tf *token.File, src []byte, refs importRefs, removed []span) []analysis.TextEdit {
	var edits []analysis.TextEdit
	for _, imp := range file.Imports {
		uses := refs[imp]
		if len(uses) == 0 {
			continue
		}
		all := true
		for _, pos := range uses {
			if !inSpans(pos, removed) {
				all = false
				break
			}
		}
		if all {
			edits = append(edits, deleteImport(file, tf, src, imp))
		}
	}
	return edits
}

func importedPkgName(pass *analysis.Pass, imp *ast.ImportSpec) types.Object {
	if imp.Name != nil {
		return pass.TypesInfo.Defs[imp.Name]
	}
	return pass.TypesInfo.Implicits[imp]
}

// deleteImport removes one import spec: its whole line inside a
// parenthesized block, or the whole declaration otherwise.
func deleteImport(file *ast.File, tf *token.File, src []byte, imp *ast.ImportSpec) analysis.TextEdit {
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, sp := range gd.Specs {
			if sp != imp {
				continue
			}
			if !gd.Lparen.IsValid() {
				s := lineSpan(tf, src, gd.Pos(), gd.End())
				return analysis.TextEdit{Pos: s.pos, End: s.end}
			}
			s := widenImportLine(tf, src, lineSpan(tf, src, imp.Pos(), imp.End()))
			if s.end == imp.End() && src != nil {
				// Not alone on its line: take a following ";" with it.
				end := tf.Offset(s.end)
				i := end
				for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
					i++
				}
				if i < len(src) && src[i] == ';' {
					i++
					for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
						i++
					}
					s.end = tf.Pos(i)
				}
			}
			return analysis.TextEdit{Pos: s.pos, End: s.end}
		}
	}
	return analysis.TextEdit{Pos: imp.Pos(), End: imp.End()}
}

// widenImportLine extends the deletion of a whole import line over the
// blank line before it when ")" or another blank line follows, so that the
// block keeps no blank line at its edge (gofmt would remove it).
func widenImportLine(tf *token.File, src []byte, s span) span {
	if src == nil {
		return s
	}
	start, end := tf.Offset(s.pos), tf.Offset(s.end)
	if start < 1 || src[start-1] != '\n' {
		return s
	}
	prev := start - 1
	for prev > 0 && src[prev-1] != '\n' {
		prev--
	}
	if strings.TrimSpace(string(src[prev:start-1])) != "" {
		return s
	}
	rest := strings.TrimLeft(string(src[end:]), " \t")
	if strings.HasPrefix(rest, ")") || strings.HasPrefix(rest, "\n") {
		return span{tf.Pos(prev), s.end}
	}
	return s
}

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
		if obj, ok := importedPkgName(pass, imp).(*types.PkgName); ok && imp.Name.String() != "_" && free(obj.Name(), obj.Imported()) {
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
	if p := findPackage(pkg, path); p != nil {
		return p.Name()
	}
	last := strings.NewReplacer("-", "", ".", "").Replace(pathDir(path))
	if !token.IsIdentifier(last) {
		last = "pool"
	}
	return last
}
