package singlepool

import (
	"fmt"
	"go/ast"
	"go/token"
	"maps"
	"slices"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/poolsize"
	"golang.org/x/tools/go/analysis"
)

// The connection budget: how many connections a program can open, per
// database system, against the servers' max_connections (max-conns), and
// the pools that have no limit at all (unbounded-pool).

// checkMaxConns reports, on a main package's clause, each database system
// whose pools in the program can open more than max-conns connections
// (replicas included), or have no bound.
func checkMaxConns(pass *analysis.Pass, s *settings, deps depSummary, own []poolSite) {
	if len(s.maxConns) == 0 || pass.Pkg.Name() != "main" || len(pass.Files) == 0 || strings.HasSuffix(pass.Pkg.Path(), ".test") {
		return
	}
	bySystem := make(map[string][]poolSite)
	seen := make(map[[2]string]bool)
	for _, st := range append(append([]poolSite(nil), deps.sites...), own...) {
		if k := [2]string{st.Type, st.Pos}; !seen[k] && st.System != "" {
			seen[k] = true
			bySystem[st.System] = append(bySystem[st.System], st)
		}
	}
	replicas := max(s.cfg.Replicas, 1)
	for _, system := range slices.Sorted(maps.Keys(bySystem)) {
		limit, ok := s.connLimit(system)
		if !ok || system == "unknown" {
			continue // not a server singlepool can name
		}
		sites := bySystem[system]
		slices.SortFunc(sites, func(a, b poolSite) int { return code.ComparePositions(a.Pos, b.Pos) })
		total, exact, unbounded, unknown := 0, true, false, 0
		var parts []string
		for _, st := range sites {
			n, ex := st.Size.Conns(s.cfg.CPUs)
			switch {
			case n < 0:
				unbounded = true
			case st.Size.Unknown:
				unknown++
			default:
				total += n
				exact = exact && ex
			}
			parts = append(parts, st.Pos+" "+st.Size.Describe(s.cfg.CPUs))
		}
		if !unbounded && total*replicas <= limit {
			continue
		}
		name := catalog.Systems[system]
		var what string
		switch {
		case unbounded:
			what = "an unbounded number of " + name + " connections"
		case replicas > 1:
			what = fmt.Sprintf("%s %d %s connections × %d replicas = %d", upTo(exact), total, name, replicas, total*replicas)
		default:
			what = fmt.Sprintf("%s %d %s connections", upTo(exact), total, name)
		}
		msg := fmt.Sprintf("this program can open %s (max-conns=%d): %s", what, limit, strings.Join(parts, ", "))
		if unknown > 0 {
			msg += fmt.Sprintf("; %d pool(s) of a size singlepool cannot tell are not counted", unknown)
		}
		if !exact {
			msg += "; set cpus to the deployment's CPU count for the defaults that depend on it"
		}
		name0 := pass.Files[0].Name
		report(pass, name0.Pos(), name0.End(), categoryMaxConns, msg, nil)
	}
}

func upTo(exact bool) string {
	if exact {
		return "up to"
	}
	return "at least"
}

// checkUnbounded reports, with max-conns set, each database/sql-style
// construction whose pool never gets SetMaxOpenConns, inside the
// allowlist too: the shared pool is where the limit belongs.
func checkUnbounded(pass *analysis.Pass, s *settings, sites []site) {
	if len(s.maxConns) == 0 {
		return
	}
	for _, st := range sites {
		if st.factory != nil || st.kind == catalog.KindConn {
			continue
		}
		rule, ok := catalog.SizeRules[code.FuncNameOf(st.fn).String()]
		if !ok || rule.Setter != catalog.SetMaxOpenConns {
			continue
		}
		file := code.FileOf(pass, st.id.Pos())
		if file == nil || !s.checksFile(pass.Fset.File(file.FileStart).Name(), file) {
			continue
		}
		if strings.HasSuffix(pass.Fset.File(file.FileStart).Name(), "_test.go") {
			continue // not in the program, nor in its budget
		}
		path := st.path(pass)
		system, size := st.statedSize(pass)
		if !size.Unbounded {
			continue
		}
		limit := ""
		if n, ok := s.connLimit(system); ok {
			limit = fmt.Sprintf(" (max-conns=%d)", n)
		}
		msg := fmt.Sprintf("%s's pool has no connection limit: it opens a new connection whenever every open one is busy (%s); call SetMaxOpenConns on it%s",
			writtenName(st, path), size.Source, limit)
		var fix *analysis.SuggestedFix
		if s.cfg.MaxOpenConns > 0 {
			var why string
			if fix, why = limitFix(pass, file, st, path, s.cfg.MaxOpenConns); fix == nil {
				msg += " (no suggested fix: " + why + ")"
			}
		}
		report(pass, st.id.Pos(), st.id.End(), categoryUnbounded, msg, fix)
	}
}

// limitFix inserts target.SetMaxOpenConns(n) after the construction, or
// after the error check that follows it, so that it runs on a pool that
// exists. It says why not when it cannot.
func limitFix(pass *analysis.Pass, file *ast.File, st site, path []ast.Node, n int) (*analysis.SuggestedFix, string) {
	if why := catalog.SizeRules[code.FuncNameOf(st.fn).String()].NoLimitFix; why != "" {
		return nil, why
	}
	call := poolsize.SiteCall(path)
	if call == nil {
		return nil, "a function value"
	}
	var stmt *ast.AssignStmt
	var block *ast.BlockStmt
	for i, node := range path {
		if node != ast.Node(call) {
			continue
		}
		if i+2 < len(path) {
			stmt, _ = path[i+1].(*ast.AssignStmt)
			block, _ = path[i+2].(*ast.BlockStmt)
		}
		break
	}
	if stmt == nil || block == nil || len(stmt.Rhs) != 1 || stmt.Rhs[0] != ast.Expr(call) || code.IsBlank(stmt.Lhs[0]) {
		return nil, "the pool is not assigned to a variable in a statement of its own"
	}
	idx := slices.Index(block.List, ast.Stmt(stmt))
	after := ast.Stmt(stmt)
	if sig := st.fn.Signature(); sig.Results().Len() == 2 {
		// The next statement must check the error and leave.
		if idx+1 >= len(block.List) || len(stmt.Lhs) != 2 || !checksErr(pass, block.List[idx+1], stmt.Lhs[1]) {
			return nil, "its error is not checked right after it"
		}
		after = block.List[idx+1]
	}
	tf := pass.Fset.File(file.FileStart)
	src := code.FileContent(pass, tf)
	if src == nil {
		return nil, "the file cannot be read"
	}
	line := tf.LineStart(tf.Line(stmt.Pos()))
	indent := string(src[tf.Offset(line):tf.Offset(stmt.Pos())])
	text := fmt.Sprintf("\n%s%s.SetMaxOpenConns(%d)", indent, code.NodeText(pass.Fset, stmt.Lhs[0]), n)
	// At the end of the line, after a comment that follows the statement.
	end := tf.Offset(after.End())
	for end < len(src) && src[end] != '\n' {
		end++
	}
	at := tf.Pos(end)
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("Limit the pool to %d connections", n),
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}},
	}, ""
}

// checksErr reports whether s is "if err != nil { ...; return/panic }".
func checksErr(pass *analysis.Pass, s ast.Stmt, errExpr ast.Expr) bool {
	ifs, ok := s.(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil {
		return false
	}
	cond, ok := ifs.Cond.(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ || !code.IsNil(cond.Y) || !code.SameRef(pass, cond.X, errExpr) {
		return false
	}
	if len(ifs.Body.List) == 0 {
		return false
	}
	switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		// panic(err), log.Fatal(err), t.Fatal(err): they do not return.
		if c, ok := last.X.(*ast.CallExpr); ok {
			if id := code.CalleeIdent(c); id != nil && (id.Name == "panic" || strings.HasPrefix(id.Name, "Fatal") || id.Name == "Exit") {
				return true
			}
		}
	}
	return false
}
