// Package refactor builds the text edits of singlepool's fixes that do
// not depend on the rule: removed spans widened to whole lines (Span,
// StmtSpan, LineSpan), the imports a removal leaves unused
// (CollectImportRefs, UnusedImports), and the locals it leaves unused
// (UnusedLocals).
package refactor
