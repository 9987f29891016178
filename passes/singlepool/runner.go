package singlepool

import (
	"fmt"
	"iter"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// A runner holds an analyzer's settings: from New, or from the flags and
// the settings file that applies to each package.
type runner struct {
	cfg      Config
	flags    *flagsSet // the flags given on the command line; nil for New
	discover bool      // look for ConfigFileName above each package
	files    fileCache
	mu       sync.Mutex
	compiled map[string]*compiledSettings // by settings file key; "" for none
	// leaveNolint: the driver applies //nolint directives (golangci-lint).
	leaveNolint bool
	census      bool // record every site in Result.Sites (NewCensusAnalyzer)
}

type compiledSettings struct {
	s   *settings
	err error
}

// NewFlagAnalyzer returns a fresh analyzer like Analyzer: configured by
// its own flags and the settings files it discovers. A driver that runs
// the analysis twice (the -fix summary) parses the command line into it,
// leaving Analyzer's flags untouched.
func NewFlagAnalyzer() *analysis.Analyzer { return newFlagAnalyzer() }

func newFlagAnalyzer() *analysis.Analyzer {
	r := &runner{discover: true, flags: new(flagsSet)}
	a := r.analyzer()
	bindFlags(&a.Flags, &r.cfg, r.flags)
	return a
}

func (r *runner) analyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:       Name,
		Doc:        extractDoc(doc),
		URL:        URL,
		Run:        r.run,
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  []analysis.Fact{new(factoryFact), new(sharedFact), new(packageFact)},
	}
	runners.Store(a, r)
	return a
}

// settingsFor returns the settings compiled from the named settings file
// ("" for none) and the directly given ones, which take precedence.
func (r *runner) settingsFor(file string) (*settings, error) {
	var lf *loadedFile
	key := ""
	if file != "" {
		lf = r.files.load(file)
		key = lf.key
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.compiled[key]; ok {
		return c.s, c.err
	}
	c := &compiledSettings{}
	cfg := r.cfg
	if lf != nil {
		if lf.err != nil {
			c.err = lf.err
		} else {
			cfg = merge(lf.cfg, r.cfg, r.isSet)
		}
	}
	if c.err == nil {
		c.s, c.err = compile(cfg)
	}
	if r.compiled == nil {
		r.compiled = make(map[string]*compiledSettings)
	}
	r.compiled[key] = c
	return c.s, c.err
}

// isSet reports whether a setting was given directly: a flag set on the
// command line, or a non-zero field of the Config passed to New.
func (r *runner) isSet(name string) bool {
	if r.flags != nil {
		return r.flags.has(name)
	}
	return !isZeroSetting(r.cfg, name)
}

// settingsFile returns the settings file for the package: -config, or the
// nearest ConfigFileName above its directory.
func (r *runner) settingsFile(pass *analysis.Pass) string {
	return r.settingsFileFor(code.PackageDir(pass))
}

// settingsFileFor is settingsFile for a package in dir ("" if unknown).
func (r *runner) settingsFileFor(dir string) string {
	if cf := r.cfg.ConfigFile; cf != "" || !r.discover {
		if cf != "" && !filepath.IsAbs(cf) && r.discover {
			if root := code.ModuleRoot(dir); root != "" {
				return filepath.Join(root, cf)
			}
		}
		return cf
	}
	if dir != "" {
		return r.files.find(dir)
	}
	return ""
}

// runners maps each analyzer made here to its runner, for Constructors.
var runners sync.Map // *analysis.Analyzer -> *runner

// Constructors returns the constructors a checks in the packages whose
// files are in dirs: the catalog's and those the flags and settings files
// add, sorted by name. Only a package that can call one of them (or a
// function that calls one) can hold a fact, which lets a driver load every other dependency from export
// data (see internal/driver). An invalid settings file adds nothing: its
// packages get one bad-config diagnostic and hold no facts. It fails if
// the settings given directly are invalid, or if a was not made by this
// package.
//
// A driver that calls Constructors runs once over a tree that does not
// change meanwhile: from then on, a's settings files are found and read
// once (the analysis of each package uses what this call found).
func Constructors(a *analysis.Analyzer, dirs []string) ([]code.FuncName, error) {
	return fromSettings(a, dirs, func(s *settings) iter.Seq[code.FuncName] { return maps.Keys(s.ctors) })
}

// Reread makes a's next run find and read its settings files afresh:
// Constructors remembers them for a run over a tree that does not change,
// and a language server runs again after each edit.
func Reread(a *analysis.Analyzer) {
	if v, ok := runners.Load(a); ok {
		v.(*runner).files.unpin()
	}
}

// Accessors returns the accessors of the shared pool that the settings of
// the packages in dirs name (as Constructors does for constructors): a
// function that returns one's result holds a fact, though neither calls a
// constructor.
func Accessors(a *analysis.Analyzer, dirs []string) ([]code.FuncName, error) {
	return fromSettings(a, dirs, func(s *settings) iter.Seq[code.FuncName] { return maps.Values(s.singletons) })
}

// fromSettings collects the names pick takes from the settings of the
// packages in dirs, sorted.
func fromSettings(a *analysis.Analyzer, dirs []string, pick func(*settings) iter.Seq[code.FuncName]) ([]code.FuncName, error) {
	v, ok := runners.Load(a)
	if !ok {
		return nil, fmt.Errorf("analyzer %s was not made by package singlepool", a.Name)
	}
	r := v.(*runner)
	r.files.pin()
	names := make(map[code.FuncName]bool)
	files := make(map[string]bool)
	for _, dir := range dirs {
		file := r.settingsFileFor(dir)
		if files[file] {
			continue
		}
		files[file] = true
		s, err := r.settingsFor(file)
		if _, bad := err.(*configError); bad {
			continue
		}
		if err != nil {
			return nil, err
		}
		for k := range pick(s) {
			names[k] = true
		}
	}
	return slices.SortedFunc(maps.Keys(names), func(a, b code.FuncName) int {
		return strings.Compare(a.String(), b.String())
	}), nil
}

// Inert reports whether singlepool skips the package whatever the
// settings: it implements a constructor (a gorm dialector, whose
// Initialize opens gorm.Open's pool), so it is neither reported nor holds
// facts, like a constructor's own package. A driver may load it from
// export data.
func Inert(pkgPath string) bool { return catalog.GormDrivers[pkgPath] }
