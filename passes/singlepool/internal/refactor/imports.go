package refactor

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ImportRefs maps each import spec of a file to the positions of the
// identifiers that use it, computed once per file.
type ImportRefs map[*ast.ImportSpec][]token.Pos

func CollectImportRefs(pass *analysis.Pass, file *ast.File) ImportRefs {
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
		if obj := ImportedPkgName(pass, imp); obj != nil {
			byPkgName[obj] = imp
		}
	}
	refs := make(ImportRefs)
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

// UnusedImports deletes the import specs whose every use lies in removed.
func UnusedImports(file *ast.File, tf *token.File, src []byte, refs ImportRefs, removed []Span) []analysis.TextEdit {
	var edits []analysis.TextEdit
	for _, imp := range file.Imports {
		uses := refs[imp]
		if len(uses) == 0 {
			continue
		}
		all := true
		for _, pos := range uses {
			if !InSpans(pos, removed) {
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

func ImportedPkgName(pass *analysis.Pass, imp *ast.ImportSpec) types.Object {
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
				s := LineSpan(tf, src, gd.Pos(), gd.End())
				return analysis.TextEdit{Pos: s.Pos, End: s.End}
			}
			s := widenImportLine(tf, src, LineSpan(tf, src, imp.Pos(), imp.End()))
			if s.End == imp.End() && src != nil {
				// Not alone on its line: take a following ";" with it.
				end := tf.Offset(s.End)
				i := end
				for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
					i++
				}
				if i < len(src) && src[i] == ';' {
					i++
					for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
						i++
					}
					s.End = tf.Pos(i)
				}
			}
			return analysis.TextEdit{Pos: s.Pos, End: s.End}
		}
	}
	return analysis.TextEdit{Pos: imp.Pos(), End: imp.End()}
}

// widenImportLine extends the deletion of a whole import line over the
// blank line before it when ")" or another blank line follows, so that the
// block keeps no blank line at its edge (gofmt would remove it).
func widenImportLine(tf *token.File, src []byte, s Span) Span {
	if src == nil {
		return s
	}
	start, end := tf.Offset(s.Pos), tf.Offset(s.End)
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
		return Span{tf.Pos(prev), s.End}
	}
	return s
}
