package singlepool

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/frequency"
	"golang.org/x/tools/go/analysis"
)

// Diagnostic categories (LSP "code"), each a section of docs/rules.md.
const (
	categoryPool     = "new-pool"
	categoryConn     = "new-conn"
	categoryAccessor = "bad-accessor"
	categoryConfig   = "bad-config"
	// Beyond the allowlist: factories, pools per request or iteration,
	// and programs over max-pools.
	categoryFactory      = "pool-factory"
	categoryPerRequest   = "pool-per-request"
	categoryPerIteration = "pool-per-iteration"
	categoryMaxPools     = "max-pools"
	categoryCloseShared  = "close-shared"
	categoryNolint       = "nolint"
	categoryMaxConns     = "max-conns"
	categoryUnbounded    = "unbounded-pool"
)

// categories lists every category; each has its section in docs/rules.md.
var categories = []string{
	categoryPool, categoryConn, categoryAccessor, categoryConfig, categoryFactory,
	categoryPerRequest, categoryPerIteration, categoryMaxPools, categoryCloseShared, categoryNolint,
	categoryMaxConns, categoryUnbounded,
}

// report reports a diagnostic of the category at [pos, end) (end may be
// NoPos), linking to the rule's section of docs/rules.md.
func report(pass *analysis.Pass, pos, end token.Pos, cat, msg string, fix *analysis.SuggestedFix) {
	d := analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: cat,
		URL:      URL + "#" + cat,
		Message:  msg,
	}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	pass.Report(d)
}

// reports decides whether a site is reported: every site outside the
// allowlist, and inside it only a pool built per request or per iteration.
func reports(allowed bool, freq frequency.Frequency) bool {
	return !allowed || !freq.Once()
}

// category is the rule a site's diagnostic belongs to.
func category(st site, freq frequency.Frequency) string {
	switch {
	case freq.Per == frequency.Iteration:
		return categoryPerIteration
	case !freq.Once():
		return categoryPerRequest // a request, a gRPC call, a Lambda invocation
	case st.factory != nil:
		return categoryFactory
	case st.kind == catalog.KindConn:
		return categoryConn
	}
	return categoryPool
}

// message says what the site creates, how often, and what to do instead.
func message(s *settings, allowed bool, name string, st site, freq frequency.Frequency) string {
	what := "creates a new connection pool"
	switch {
	case st.kind == catalog.KindConn:
		what = "opens a new database connection"
	case st.factory != nil && st.factory.Closes:
		what = "opens and closes a new connection pool"
	}
	// One parenthesis: "on every request (gin handler; pgxpool.New at ...)".
	var notes []string
	switch {
	case !freq.Once():
		what += " on every " + freq.Per
		if freq.Label != "" {
			notes = append(notes, freq.Label)
		}
	case st.factory != nil:
		what += " on every call"
	}
	if st.factory != nil {
		notes = append(notes, st.factory.Via)
	}
	if len(notes) > 0 {
		what += " (" + strings.Join(notes, "; ") + ")"
	}
	switch {
	case allowed:
		return fmt.Sprintf("%s %s; create it once and share it", name, what)
	case len(s.allow) == 0:
		return fmt.Sprintf("%s %s; create the pool once in the package that owns it, allowlist that package (-allow=PKG) and use its shared pool everywhere else", name, what)
	}
	return fmt.Sprintf("%s %s outside %s; use the shared pool", name, what, s.allowText())
}

// writtenName names the constructor as the code writes it: "pgxpool.New",
// "pg.New" for a renamed import, "New" for a dot import, and
// "(*gocql.ClusterConfig).CreateSession" for a method.
func writtenName(st site, path []ast.Node) string {
	if st.fn.Signature().Recv() != nil {
		return code.ShortFuncName(st.fn)
	}
	if len(path) > 1 {
		if sel, ok := path[1].(*ast.SelectorExpr); ok && sel.Sel == st.id {
			if x, ok := sel.X.(*ast.Ident); ok {
				return x.Name + "." + st.id.Name
			}
		}
	}
	return st.id.Name
}
