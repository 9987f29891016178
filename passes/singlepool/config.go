package singlepool

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/connid"
	"golang.org/x/mod/module"
)

// Config holds singlepool's settings. The same keys are used by the
// command-line flags, the golangci-lint settings and the .singlepool.yml
// file; list values use the same syntax as one element of the
// comma-separated flag.
type Config struct {
	// Allow lists the packages that own the shared pool and may call
	// constructors: an import path, or "path/..." for it and every
	// package below it.
	Allow []string `json:"allow" yaml:"allow"`

	// Constructors adds functions or methods to the built-in catalog:
	// "example.com/x.NewPool" or "(*example.com/x.Config).Open".
	Constructors []string `json:"constructors" yaml:"constructors"`

	// Singleton maps a constructor to the accessor of the shared pool that
	// replaces it in suggested fixes: "CONSTRUCTOR=ACCESSOR", for example
	// "github.com/jackc/pgx/v5/pgxpool.New=example.com/app/internal/db.Pool".
	Singleton []string `json:"singleton" yaml:"singleton"`

	// SharedArgs states the arguments (without the context) that the
	// shared pool is built with, for constructors whose accessor's package
	// does not show them: "CONSTRUCTOR=(ARGS)" in Go syntax, for example
	// `database/sql.Open=("pgx", os.Getenv("DATABASE_URL"))`. A site is
	// fixed only when its own arguments are the same.
	SharedArgs []string `json:"shared-args" yaml:"shared-args"`

	// AllowTests allows constructors in _test.go files.
	AllowTests bool `json:"allow-tests" yaml:"allow-tests"`

	// SingleConns also reports constructors of single connections
	// (pgx.Connect, pgconn.Connect, nats.Connect, amqp.Dial, ...).
	SingleConns bool `json:"single-conns" yaml:"single-conns"`

	// CheckGenerated also checks generated files (// Code generated ... DO NOT EDIT.).
	CheckGenerated bool `json:"check-generated" yaml:"check-generated"`

	// MaxPools, when positive, reports each main package whose program
	// links more than MaxPools construction sites of one pool type. With
	// MaxPools set and Allow empty, only those counts are reported.
	MaxPools int `json:"max-pools" yaml:"max-pools"`

	// Handlers names in-house frameworks' handlers: function types
	// ("example.com/fw.HandlerFunc": a function of that shape runs per
	// request) or registrars ("example.com/fw.Handle": the functions
	// passed to it do).
	Handlers []string `json:"handlers" yaml:"handlers"`

	// MaxConns is the server's connection limit the program is checked
	// against (max-conns): "100" for every database system, or per system,
	// "postgres=100", "mysql=151".
	MaxConns []string `json:"max-conns" yaml:"max-conns"`

	// Replicas is how many instances of each program run (default 1).
	Replicas int `json:"replicas" yaml:"replicas"`

	// MaxOpenConns is the limit unbounded-pool's suggested fix sets
	// (SetMaxOpenConns(N)); 0: no fix.
	MaxOpenConns int `json:"max-open-conns" yaml:"max-open-conns"`

	// CPUs is the deployment's CPU count, for the pools whose default
	// size depends on it (pgxpool, go-redis). 0: not known.
	CPUs int `json:"cpus" yaml:"cpus"`

	// RequireReason reports the //nolint directives that silence
	// singlepool without a reason ("//nolint:singlepool // why").
	RequireReason bool `json:"require-reason" yaml:"require-reason"`

	// ReportUnusedNolint reports the //nolint:singlepool directives that
	// silence nothing.
	ReportUnusedNolint bool `json:"report-unused-nolint" yaml:"report-unused-nolint"`

	// ConfigFile names a .singlepool.yml to read instead of discovering
	// one. Settings given directly (flags) take precedence over the file.
	ConfigFile string `json:"config" yaml:"-"`
}

// settings is a validated Config, ready for matching.
type settings struct {
	allow      []pattern
	ctors      map[code.FuncName]catalog.Kind    // constructor -> what it creates
	singletons map[code.FuncName]code.FuncName   // constructor -> accessor
	sharedArgs map[code.FuncName]connid.Identity // constructor -> what the shared pool connects to, as stated
	pkgs       map[string]bool                   // packages that declare a constructor
	methodPkgs map[string]bool                   // packages that declare a constructor method
	// methodReach: which packages import one of methodPkgs.
	methodReach *reachCache
	// accessorPkgs are the packages that declare a singleton accessor.
	accessorPkgs map[string]bool
	// handlers: the handlers setting, parsed.
	handlers []code.FuncName
	// maxConns is max-conns by system; "" for every system.
	maxConns map[string]int
	cfg      Config
}

// countsSites reports whether construction sites travel in package facts:
// a program's pools (max-pools) or connections (max-conns) are wanted.
func (s *settings) countsSites() bool { return s.cfg.MaxPools > 0 || len(s.maxConns) > 0 }

// connLimit returns max-conns for a system, if set.
func (s *settings) connLimit(system string) (int, bool) {
	if n, ok := s.maxConns[system]; ok {
		return n, true
	}
	n, ok := s.maxConns[""]
	return n, ok
}

// parseMaxConns parses one max-conns element: "N" or "system=N".
func parseMaxConns(e string) (system string, n int, err error) {
	num := e
	if sys, v, ok := strings.Cut(e, "="); ok {
		system, num = strings.TrimSpace(sys), v
		if _, known := catalog.Systems[system]; !known || system == "unknown" {
			return "", 0, fmt.Errorf("%q: unknown database system %q (known: %s)", e, system, knownSystems())
		}
	}
	n, err = strconv.Atoi(strings.TrimSpace(num))
	if err != nil || n <= 0 {
		return "", 0, fmt.Errorf("%q: want a positive number of connections, or system=N", e)
	}
	return system, n, nil
}

func knownSystems() string {
	var names []string
	for k := range catalog.Systems {
		if k != "unknown" {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// A pattern is one allow entry.
type pattern struct {
	path string
	tree bool // "path/...": path and every package below it
}

func (p pattern) String() string {
	if p.tree {
		return p.path + "/..."
	}
	return p.path
}

func (p pattern) matches(pkgPath string) bool {
	if pkgPath == p.path {
		return true
	}
	return p.tree && strings.HasPrefix(pkgPath, p.path+"/")
}

// A settingError is an invalid value of one setting. Its text starts
// with the key ("allow: ..."), which a settings file's error uses to find
// the key's line.
type settingError struct {
	key string
	err error
}

func (e *settingError) Error() string { return e.key + ": " + e.err.Error() }

func errSetting(key, format string, args ...any) error {
	return &settingError{key, fmt.Errorf(format, args...)}
}

// compile validates cfg. Errors are *settingError values naming the
// setting and the bad value.
func compile(cfg Config) (*settings, error) {
	s := &settings{
		ctors:       make(map[code.FuncName]catalog.Kind),
		singletons:  make(map[code.FuncName]code.FuncName),
		sharedArgs:  make(map[code.FuncName]connid.Identity),
		pkgs:        make(map[string]bool),
		methodPkgs:  make(map[string]bool),
		methodReach: new(reachCache),
		cfg:         cfg,
	}
	if cfg.MaxPools < 0 {
		return nil, errSetting(keyMaxPools, "%d is negative; use 0 to turn the check off", cfg.MaxPools)
	}
	if cfg.Replicas < 0 {
		return nil, errSetting(keyReplicas, "%d is negative; the default, 0, means one instance", cfg.Replicas)
	}
	if cfg.MaxOpenConns < 0 {
		return nil, errSetting(keyMaxOpenConns, "%d is negative; 0 means no suggested fix", cfg.MaxOpenConns)
	}
	if cfg.CPUs < 0 {
		return nil, errSetting(keyCPUs, "%d is negative; 0 means not known", cfg.CPUs)
	}
	for _, h := range cfg.Handlers {
		name, err := code.ParseFuncName(h)
		if err != nil {
			return nil, &settingError{keyHandlers, err}
		}
		s.handlers = append(s.handlers, name)
	}
	for _, e := range cfg.MaxConns {
		system, n, err := parseMaxConns(e)
		if err != nil {
			return nil, &settingError{keyMaxConns, err}
		}
		if prev, dup := s.maxConns[system]; dup && prev != n {
			return nil, errSetting(keyMaxConns, "%q is given twice (%d and %d)", system, prev, n)
		}
		if s.maxConns == nil {
			s.maxConns = make(map[string]int)
		}
		s.maxConns[system] = n
	}
	for _, a := range cfg.Allow {
		p, err := parsePattern(a)
		if err != nil {
			return nil, &settingError{keyAllow, err}
		}
		s.allow = append(s.allow, p)
	}
	for i, c := range catalog.Constructors {
		if c.Kind == catalog.KindConn && !cfg.SingleConns {
			continue
		}
		s.add(catalog.Names[i], c.Kind)
	}
	for _, c := range cfg.Constructors {
		name, err := code.ParseFuncName(c)
		if err != nil {
			return nil, &settingError{keyConstructors, err}
		}
		if _, ok := s.ctors[name]; !ok {
			s.add(name, catalog.KindUser)
		}
	}
	for _, m := range cfg.Singleton {
		ctor, acc, err := parseSingleton(m)
		if err != nil {
			return nil, &settingError{keySingleton, err}
		}
		ctorText, accText, _ := strings.Cut(m, "=")
		if acc.Recv != "" {
			return nil, errSetting(keySingleton, "accessor %q must be a package-level function, not a method", accText)
		}
		if _, ok := s.ctors[ctor]; !ok {
			return nil, errSetting(keySingleton, "%q is not a constructor singlepool checks (add it to constructors, or set single-conns)", ctorText)
		}
		if prev, dup := s.singletons[ctor]; dup && prev != acc {
			return nil, errSetting(keySingleton, "%q has two accessors, %s and %s", ctorText, prev, acc)
		}
		s.singletons[ctor] = acc
	}
	for _, e := range cfg.SharedArgs {
		ctor, args, err := connid.ParseSharedArgs(e)
		if err != nil {
			return nil, &settingError{keySharedArgs, err}
		}
		if _, ok := s.ctors[ctor]; !ok {
			return nil, errSetting(keySharedArgs, "%s is not a constructor singlepool checks", ctor)
		}
		if prev, dup := s.sharedArgs[ctor]; dup && prev != args {
			return nil, errSetting(keySharedArgs, "%s has two argument lists, (%s) and (%s)", ctor, prev.Where, args.Where)
		}
		s.sharedArgs[ctor] = args
	}
	s.accessorPkgs = accessorPackages(s.singletons)
	return s, nil
}

// parseSingleton parses one "CONSTRUCTOR=ACCESSOR" entry.
func parseSingleton(e string) (ctor, acc code.FuncName, err error) {
	ctorText, accText, ok := strings.Cut(e, "=")
	if !ok {
		return ctor, acc, fmt.Errorf("%q is not CONSTRUCTOR=ACCESSOR", e)
	}
	if ctor, err = code.ParseFuncName(ctorText); err != nil {
		return ctor, acc, fmt.Errorf("constructor: %v", err)
	}
	if acc, err = code.ParseFuncName(accText); err != nil {
		return ctor, acc, fmt.Errorf("accessor: %v", err)
	}
	return ctor, acc, nil
}

func (s *settings) add(name code.FuncName, k catalog.Kind) {
	s.ctors[name] = k
	s.pkgs[name.Pkg] = true
	if name.Recv != "" {
		s.methodPkgs[name.Pkg] = true
	}
}

// allowed reports whether pkgPath is allowlisted. External test packages
// ("x_test") belong to the package they test.
func (s *settings) allowed(pkgPath string) bool {
	pkgPath = strings.TrimSuffix(pkgPath, "_test")
	for _, p := range s.allow {
		if p.matches(pkgPath) {
			return true
		}
	}
	return false
}

// allowText is the allowlist as shown in messages.
func (s *settings) allowText() string {
	parts := make([]string, len(s.allow))
	for i, p := range s.allow {
		parts[i] = p.String()
	}
	return strings.Join(parts, ", ")
}

func parsePattern(a string) (pattern, error) {
	a = strings.TrimSpace(a)
	p := pattern{path: a}
	if a == "" {
		return p, fmt.Errorf("empty package pattern")
	}
	if a == "..." || a == "./..." {
		return p, fmt.Errorf("%q would allow every package; name the package that owns the shared pool", a)
	}
	if strings.HasPrefix(a, ".") || strings.HasPrefix(a, "/") {
		return p, fmt.Errorf("%q is a file path; use the package's import path (e.g. example.com/app/internal/db)", a)
	}
	if rest, ok := strings.CutSuffix(a, "/..."); ok {
		p = pattern{path: rest, tree: true}
	}
	if strings.Contains(p.path, "...") {
		return p, fmt.Errorf("%q: \"...\" is only supported as a final \"/...\"", a)
	}
	if err := module.CheckImportPath(p.path); err != nil {
		return p, fmt.Errorf("%q is not a valid import path: %v", a, err)
	}
	return p, nil
}
