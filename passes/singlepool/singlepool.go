package singlepool

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/frequency"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: the go vet and gopls check name, the
// golangci-lint linter name and its settings key.
const Name = "singlepool"

// URL is the documentation of the rules; diagnostics link to URL#category.
const URL = "https://github.com/singlepool/singlepool/blob/main/docs/rules.md"

// Analyzer reports constructor uses with default settings, which the
// command-line flags (-allow, -singleton, ...) change.
var Analyzer = newFlagAnalyzer()

// New returns an analyzer configured by cfg, for drivers that do not pass
// flags (golangci-lint, programs embedding singlepool). It fails if cfg, or
// the settings file it names, is invalid; the error names the setting.
// Without cfg.ConfigFile, New does not look for a settings file.
func New(cfg Config) (*analysis.Analyzer, error) {
	r := &runner{cfg: cfg}
	if _, err := r.settingsFor(cfg.ConfigFile); err != nil {
		return nil, err
	}
	return r.analyzer(), nil
}

// NewWithoutNolint is New for a linter runner that applies //nolint
// directives itself (golangci-lint): every finding is reported, for the
// runner to filter, so that its own checks of the directives (nolintlint)
// see them. It refuses require-reason and report-unused-nolint, which are
// the runner's to check there.
func NewWithoutNolint(cfg Config) (*analysis.Analyzer, error) {
	for _, st := range []struct {
		key string
		set bool
	}{{keyRequireReason, cfg.RequireReason}, {keyReportUnused, cfg.ReportUnusedNolint}} {
		if st.set {
			return nil, errSetting(st.key, "//nolint directives are the linter runner's here: use nolintlint (require-explanation, allow-unused: false)")
		}
	}
	r := &runner{cfg: cfg, leaveNolint: true}
	if _, err := r.settingsFor(cfg.ConfigFile); err != nil {
		return nil, err
	}
	return r.analyzer(), nil
}

// run checks one package and returns its *Result.
func (r *runner) run(pass *analysis.Pass) (any, error) {
	res := new(Result)
	if err := r.check(pass, res); err != nil {
		return nil, err
	}
	return res, nil
}

// check checks one package: settings, facts, then each file's sites.
func (r *runner) check(pass *analysis.Pass, res *Result) error {
	s, err := r.settingsFor(r.settingsFile(pass))
	if err == nil && !r.leaveNolint {
		defer installNolintFilter(pass, s)()
	}
	if cerr, ok := err.(*configError); ok {
		// A bad settings file is one diagnostic per package, at its
		// package clause, where every driver (gopls too) shows it.
		if len(pass.Files) > 0 {
			report(pass, pass.Files[0].Name.Pos(), token.NoPos, categoryConfig, "singlepool settings: "+cerr.Error(), nil)
		}
		return nil
	}
	if err != nil {
		return err
	}
	if s.pkgs[pass.Pkg.Path()] || catalog.GormDrivers[pass.Pkg.Path()] {
		// The library that implements constructors (database/sql, pgx's
		// stdlib, and gorm's dialectors, which open gorm.Open's pool):
		// its calls of them are their implementation, not uses, nor the
		// program's pools; its wrappers (stdlib.OpenDBFromPool) are not
		// factories.
		return nil
	}
	allowed := s.allowed(pass.Pkg.Path())
	if allowed {
		checkAccessors(pass, s)
	}
	deps := dependencies(pass)
	shares := false
	if mayUseShared(pass.Pkg, s, deps) {
		shares = checkCloseShared(pass, s, deps, allowed)
	}
	if !mayUseConstructors(pass.Pkg, s) && len(deps.factoryPkgs) == 0 {
		exportPackageFact(pass, false, shares, nil, deps)
		checkMaxPools(pass, s, deps, nil)
		checkMaxConns(pass, s, deps, nil)
		return nil // the common case: no syntax is visited
	}
	sites := findSites(pass, s, deps)
	hs := frequency.NewIndex(pass, s.handlers)
	own, local := exportFacts(pass, s, hs, deps, sites, shares)
	if r.census {
		takeCensus(pass, s, hs, allowed, sites, res)
	}
	checkMaxPools(pass, s, deps, own)
	checkMaxConns(pass, s, deps, own)
	if len(s.allow) == 0 && s.countsSites() {
		checkUnbounded(pass, s, sites)
		return nil // counting mode: only programs over the limits
	}
	// Last: a runner that keeps one finding per line (golangci-lint)
	// then shows the new pool rather than its missing limit.
	defer checkUnbounded(pass, s, sites)
	sites = localFactoryCalls(pass, sites, local)
	startup := startupFuncs(pass)
	files := make(map[*token.File]*ast.File, len(pass.Files))
	for _, f := range pass.Files {
		files[pass.Fset.File(f.FileStart)] = f
	}
	for len(sites) > 0 {
		// Sites are in file order: a file's fixes are planned together.
		tf := pass.Fset.File(sites[0].id.Pos())
		n := 1
		for n < len(sites) && pass.Fset.File(sites[n].id.Pos()) == tf {
			n++
		}
		if file := files[tf]; file != nil && s.checksFile(tf.Name(), file) {
			reportFile(pass, s, hs, allowed, startup, file, sites[:n], res)
		}
		sites = sites[n:]
	}
	return nil
}

// reportFile decides which of a file's sites to report and in what words,
// plans their fixes, and reports them.
func reportFile(pass *analysis.Pass, s *settings, hs *frequency.Index, allowed bool, startup map[*types.Func]bool, file *ast.File, sites []site, res *Result) {
	var reported []site
	var paths [][]ast.Node
	var freqs []frequency.Frequency
	for _, st := range sites {
		freq := st.frequency(pass, hs)
		if st.local && freq.Once() {
			continue // the factory's own site is reported
		}
		if !reports(allowed, freq) {
			continue
		}
		if st.factory != nil && freq.Once() && inStartup(pass, startup, st.path(pass)) {
			continue // built once, at startup: reported where it is built
		}
		reported = append(reported, st)
		paths = append(paths, st.path(pass))
		freqs = append(freqs, freq)
	}
	fixes := make([]*analysis.SuggestedFix, len(reported))
	noFix := make([]string, len(reported))
	if !allowed {
		fixes, noFix = fileFixes(pass, s, file, reported, paths, res)
	}
	for i, st := range reported {
		msg := message(s, allowed, writtenName(st, paths[i]), st, freqs[i])
		if noFix[i] != "" {
			// A singleton is configured, so a fix is expected: say
			// why there is none.
			msg += " (no suggested fix: " + noFix[i] + ")"
		}
		report(pass, st.id.Pos(), st.id.End(), category(st, freqs[i]), msg, fixes[i])
	}
}

// extractDoc returns the analyzer documentation from the text of doc.go:
// the package comment from its "# Analyzer singlepool" heading on.
func extractDoc(src string) string {
	var b strings.Builder
	started := false
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "//") {
			if started {
				break
			}
			continue
		}
		line = strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		if !started {
			if line != "# Analyzer "+Name {
				continue
			}
			started = true
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	// Like x/tools' passes, the first line reads "name: title"; drivers
	// print the name themselves.
	return strings.TrimPrefix(strings.TrimSpace(b.String()), Name+": ")
}
