package singlepool

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
)

// suggestFix returns the fix replacing the constructor call with the
// configured accessor, or nil when none is configured or it is not safe.
func suggestFix(pass *analysis.Pass, s *settings, file *ast.File, path []ast.Node, st site) *analysis.SuggestedFix {
	return nil
}

// checkAccessors reports configured accessors declared in this
// (allowlisted) package whose signature does not fit the shape rule.
func checkAccessors(pass *analysis.Pass, s *settings) {}
