package singlepool

import (
	"go/ast"
	"go/token"
	"maps"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/connid"
	"github.com/singlepool/singlepool/passes/singlepool/internal/frequency"
	"golang.org/x/tools/go/analysis"
)

// A CensusSite is a construction site as `singlepool -init` counts it:
// what it builds, what it connects to, and why it could not take a shared
// pool. The driver groups the sites of a program by what they connect to
// and writes one accessor per constructor of the largest groups.
type CensusSite struct {
	Pos         token.Pos
	Constructor string // canonical: database/sql.Open
	Rule        string // the diagnostic's category
	Test        bool   // in a _test.go file
	// What it connects to (connid.Identity): the same identity -fix
	// compares with the shared pool's.
	Driver, Where, Handle string
	// System is the database system (postgres, redis), for max-conns;
	// Source, Where as Go text ("" if it cannot be written); DriverPkg,
	// the package registering a database/sql driver.
	System, Source, DriverPkg string
	// Args are its arguments after the context as a shared-args entry
	// states them, "(...)" (gorm's options come from there); "" if they
	// cannot be stated.
	Args string
	// Why says why it cannot take a shared pool whatever the accessor
	// (its own settings, a parameter, a function value); "" if it can.
	Why string
}

// NewCensusAnalyzer returns an analyzer like NewFlagAnalyzer whose
// results also hold every construction site outside the allowlist
// (Result.Sites), for `singlepool -init`.
func NewCensusAnalyzer() *analysis.Analyzer {
	a := newFlagAnalyzer()
	v, _ := runners.Load(a)
	v.(*runner).census = true
	return a
}

// takeCensus records the sites a normal run reports (not calls of
// factories, which are not constructions) in res.
func takeCensus(pass *analysis.Pass, s *settings, hs *frequency.Index, allowed bool, sites []site, res *Result) {
	for _, st := range sites {
		if st.factory != nil || st.local {
			continue
		}
		tf := pass.Fset.File(st.id.Pos())
		file := code.FileOf(pass, st.id.Pos())
		if file == nil || !s.checksFile(tf.Name(), file) {
			continue
		}
		freq := st.frequency(pass, hs)
		if !reports(allowed, freq) {
			continue
		}
		res.Sites = append(res.Sites, censusOf(pass, st, freq))
	}
}

func censusOf(pass *analysis.Pass, st site, freq frequency.Frequency) CensusSite {
	ctor := code.FuncNameOf(st.fn).String()
	cs := CensusSite{
		Pos:         st.id.Pos(),
		Constructor: ctor,
		Rule:        category(st, freq),
		Test:        strings.HasSuffix(pass.Fset.File(st.id.Pos()).Name(), "_test.go"),
	}
	c := callOf(pass, st, st.path(pass))
	if c.reason != "" {
		cs.Why = c.reason
		return cs
	}
	for _, e := range c.args {
		if !connid.Droppable(pass, e) {
			cs.Why = "its arguments may have side effects (" + code.BriefText(pass.Fset, e) + ")"
			return cs
		}
	}
	id, settings, why := connid.Site(pass, ctor, c.args)
	switch {
	case why != "" && catalog.PoolSettingIn(why) != "":
		cs.Why = "it configures its own pool (" + why + ")"
	case why != "":
		cs.Why = "it connects with " + why
	case len(settings) > 0:
		cs.Why = "it configures its own pool (" + settings[0] + ")"
	}
	cs.Driver, cs.Where, cs.Handle = id.Driver, id.Where, id.Handle
	cs.System, _ = st.statedSize(pass)
	cs.Source, _ = connid.GoText(id.Where)
	cs.DriverPkg = catalog.DriverPackages[id.Driver]
	if cs.Why == "" {
		cs.Args = connid.Stated(pass.Fset, ctor, c.args, id)
		if cs.Source == "" {
			cs.Why = "it connects with values an accessor cannot be written from (" + briefArgs(pass, c.args) + ")"
		}
	}
	return cs
}

func briefArgs(pass *analysis.Pass, args []ast.Expr) string {
	text := ""
	for i, e := range args {
		if i > 0 {
			text += ", "
		}
		text += code.BriefText(pass.Fset, e)
	}
	return text
}

// A Budget is what a's settings say of the connections a program may
// open: the limit per database system (max-conns) and how many instances
// run (replicas), so that -init sizes the pools it writes within them.
type Budget struct {
	limit    func(system string) (int, bool)
	Replicas int // at least 1
	// MaxConns and Given are the settings as given (max-conns, replicas:
	// 0 if not), for writing them to a settings file.
	MaxConns []string
	Given    int
}

// Limit returns the connection limit of a database system, if set.
func (b Budget) Limit(system string) (int, bool) { return b.limit(system) }

// BudgetOf returns the budget a's flags set (a was made by this package).
func BudgetOf(a *analysis.Analyzer) (Budget, error) {
	v, ok := runners.Load(a)
	if !ok {
		return Budget{}, errSetting("max-conns", "analyzer %s was not made by package singlepool", a.Name)
	}
	s, err := v.(*runner).settingsFor("")
	if err != nil {
		return Budget{}, err
	}
	return Budget{limit: s.connLimit, Replicas: max(s.cfg.Replicas, 1), MaxConns: s.cfg.MaxConns, Given: s.cfg.Replicas}, nil
}

// StatedPackages returns the package names the Go text of CensusSite
// (Args, Source) may use, with their import paths.
func StatedPackages() map[string]string { return maps.Clone(catalog.StatedPackages) }
