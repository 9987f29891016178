package singlepool

import (
	"flag"
	"fmt"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

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

	// ConfigFile names a .singlepool.yml to read instead of discovering
	// one. Settings given directly (flags) take precedence over the file.
	ConfigFile string `json:"config" yaml:"-"`
}

// settings is a validated Config, ready for matching.
type settings struct {
	allow      []pattern
	ctors      map[string]kind   // full name (without '*') -> kind
	singletons map[string]string // constructor full name (without '*') -> accessor full name
	pkgs       map[string]bool   // packages that declare a constructor
	methodPkgs map[string]bool   // packages that declare a constructor method
	cfg        Config
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

// compile validates cfg. Errors name the setting and the bad value.
func compile(cfg Config) (*settings, error) {
	s := &settings{
		ctors:      make(map[string]kind),
		singletons: make(map[string]string),
		pkgs:       make(map[string]bool),
		methodPkgs: make(map[string]bool),
		cfg:        cfg,
	}
	if cfg.MaxPools < 0 {
		return nil, fmt.Errorf("max-pools: %d is negative; use 0 to turn the check off", cfg.MaxPools)
	}
	for _, a := range cfg.Allow {
		p, err := parsePattern(a)
		if err != nil {
			return nil, fmt.Errorf("allow: %v", err)
		}
		s.allow = append(s.allow, p)
	}
	for _, c := range catalog {
		if c.Kind == kindConn && !cfg.SingleConns {
			continue
		}
		s.add(strings.Replace(c.Name, "(*", "(", 1), c.Kind)
	}
	for _, c := range cfg.Constructors {
		name, err := parseFuncName(c)
		if err != nil {
			return nil, fmt.Errorf("constructors: %v", err)
		}
		if _, ok := s.ctors[name]; !ok {
			s.add(name, kindUser)
		}
	}
	for _, m := range cfg.Singleton {
		ctor, acc, ok := strings.Cut(m, "=")
		if !ok {
			return nil, fmt.Errorf("singleton: %q is not CONSTRUCTOR=ACCESSOR", m)
		}
		cname, err := parseFuncName(strings.TrimSpace(ctor))
		if err != nil {
			return nil, fmt.Errorf("singleton: constructor: %v", err)
		}
		aname, err := parseFuncName(strings.TrimSpace(acc))
		if err != nil {
			return nil, fmt.Errorf("singleton: accessor: %v", err)
		}
		if strings.HasPrefix(aname, "(") {
			return nil, fmt.Errorf("singleton: accessor %q must be a package-level function, not a method", acc)
		}
		if _, ok := s.ctors[cname]; !ok {
			return nil, fmt.Errorf("singleton: %q is not a constructor singlepool checks (add it to constructors, or set single-conns)", ctor)
		}
		if prev, dup := s.singletons[cname]; dup && prev != aname {
			return nil, fmt.Errorf("singleton: %q has two accessors, %s and %s", ctor, prev, aname)
		}
		s.singletons[cname] = aname
	}
	return s, nil
}

func (s *settings) add(name string, k kind) {
	s.ctors[name] = k
	s.pkgs[funcPkg(name)] = true
	if strings.HasPrefix(name, "(") {
		s.methodPkgs[funcPkg(name)] = true
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

// parseFuncName validates "pkg/path.Func" or "(*pkg/path.Type).Method"
// (the star is optional) and returns the canonical key without the star.
func parseFuncName(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", fmt.Errorf("empty function name")
	}
	if strings.HasPrefix(s, "(") {
		recv, method, ok := strings.Cut(s[1:], ").")
		if !ok {
			return "", fmt.Errorf("%q: want (*pkg/path.Type).Method", s)
		}
		recv = strings.TrimPrefix(recv, "*")
		pkg, typ, err := splitQualified(recv)
		if err != nil {
			return "", fmt.Errorf("%q: %v", s, err)
		}
		if !token.IsIdentifier(method) {
			return "", fmt.Errorf("%q: %q is not a method name", s, method)
		}
		return "(" + pkg + "." + typ + ")." + method, nil
	}
	pkg, name, err := splitQualified(s)
	if err != nil {
		return "", fmt.Errorf("%q: %v; want pkg/path.Func", s, err)
	}
	return pkg + "." + name, nil
}

// splitQualified splits "pkg/path.Name" at the last dot after the last slash.
func splitQualified(s string) (pkg, name string, err error) {
	slash := strings.LastIndex(s, "/")
	dot := strings.LastIndex(s, ".")
	if dot <= slash || dot == len(s)-1 {
		return "", "", fmt.Errorf("missing package path or name")
	}
	pkg, name = s[:dot], s[dot+1:]
	if !token.IsIdentifier(name) {
		return "", "", fmt.Errorf("%q is not an identifier", name)
	}
	if err := module.CheckImportPath(pkg); err != nil {
		return "", "", fmt.Errorf("bad package path: %v", err)
	}
	return pkg, name, nil
}

// funcPkg returns the package path of a canonical function key.
func funcPkg(key string) string {
	key = strings.TrimPrefix(key, "(")
	if i := strings.Index(key, ")."); i >= 0 {
		key = key[:i]
	}
	return key[:strings.LastIndex(key, ".")]
}

// listFlag is a flag.Value for a comma-separated list that validates each
// element as it is set, so that a bad flag fails before any analysis.
type listFlag struct {
	dst   *[]string
	check func(string) error
}

func (f listFlag) String() string {
	if f.dst == nil {
		return ""
	}
	return strings.Join(*f.dst, ",")
}

func (f listFlag) Set(v string) error {
	var out []string
	for _, e := range strings.Split(v, ",") {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		if err := f.check(e); err != nil {
			return err
		}
		out = append(out, e)
	}
	*f.dst = append(*f.dst, out...)
	return nil
}

// bindFlags registers the settings on fs, writing into cfg and recording
// in set each flag given on the command line. Drivers copy the values to
// their own flag set (singlechecker, unitchecker), so fs itself never
// records them: the values do.
func bindFlags(fs *flag.FlagSet, cfg *Config, set *flagsSet) {
	track := func(name string, v flag.Value) flag.Value { return trackedFlag{v, name, set} }
	fs.Var(track("allow", listFlag{&cfg.Allow, func(e string) error { _, err := parsePattern(e); return err }}), "allow",
		"comma-separated packages that own the shared pool and may create pools: import paths, or path/... for a tree")
	fs.Var(track("constructors", listFlag{&cfg.Constructors, func(e string) error { _, err := parseFuncName(e); return err }}), "constructors",
		"comma-separated extra constructors: pkg/path.Func or (*pkg/path.Type).Method")
	fs.Var(track("singleton", listFlag{&cfg.Singleton, checkSingleton}), "singleton",
		"comma-separated CONSTRUCTOR=ACCESSOR pairs: the function returning the shared pool that a suggested fix calls instead")
	fs.Var(track("allow-tests", boolFlag{&cfg.AllowTests}), "allow-tests", "allow constructors in _test.go files")
	fs.Var(track("single-conns", boolFlag{&cfg.SingleConns}), "single-conns", "also report single-connection constructors (pgx.Connect, pgconn.Connect, ...)")
	fs.Var(track("check-generated", boolFlag{&cfg.CheckGenerated}), "check-generated", "also check generated files")
	fs.Var(track("max-pools", intFlag{&cfg.MaxPools}), "max-pools", "report main packages whose program links more than N construction sites of one pool type (0: off)")
	fs.Var(track("config", pathFlag{&cfg.ConfigFile}), "config",
		"settings file to use instead of the "+ConfigFileName+" found by walking up from each package's directory to its module root (a relative path is relative to the module root)")
}

// flagsSet records which flags were given.
type flagsSet struct {
	mu  sync.Mutex
	set map[string]bool
}

func (s *flagsSet) has(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.set[name]
}

// trackedFlag records in set that the flag was given.
type trackedFlag struct {
	flag.Value
	name string
	set  *flagsSet
}

// String handles the zero trackedFlag, which flag.PrintDefaults (-help)
// makes to find out whether a default is worth printing.
func (f trackedFlag) String() string {
	if f.Value == nil {
		return ""
	}
	return f.Value.String()
}

func (f trackedFlag) Set(v string) error {
	if err := f.Value.Set(v); err != nil {
		return err
	}
	f.set.mu.Lock()
	defer f.set.mu.Unlock()
	if f.set.set == nil {
		f.set.set = make(map[string]bool)
	}
	f.set.set[f.name] = true
	return nil
}

// IsBoolFlag lets "-allow-tests" stand for "-allow-tests=true".
func (f trackedFlag) IsBoolFlag() bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

type boolFlag struct{ dst *bool }

func (f boolFlag) String() string {
	if f.dst == nil {
		return "false"
	}
	return strconv.FormatBool(*f.dst)
}

func (f boolFlag) Set(v string) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("%q is not a boolean", v)
	}
	*f.dst = b
	return nil
}

func (boolFlag) IsBoolFlag() bool { return true }

type intFlag struct{ dst *int }

func (f intFlag) String() string {
	if f.dst == nil {
		return "0"
	}
	return strconv.Itoa(*f.dst)
}

func (f intFlag) Set(v string) error {
	n, err := strconv.Atoi(v)
	if err != nil {
		return fmt.Errorf("%q is not a number", v)
	}
	if n < 0 {
		return fmt.Errorf("%d is negative; use 0 to turn the check off", n)
	}
	*f.dst = n
	return nil
}

// pathFlag is a file-path flag. A relative path is resolved against the
// module root of each package, not the working directory, because go vet
// runs the tool in each package's directory.
type pathFlag struct{ dst *string }

func (f pathFlag) String() string {
	if f.dst == nil {
		return ""
	}
	return *f.dst
}

func (f pathFlag) Set(v string) error {
	if v == "" {
		return fmt.Errorf("empty path")
	}
	*f.dst = filepath.Clean(v)
	return nil
}

func checkSingleton(e string) error {
	ctor, acc, ok := strings.Cut(e, "=")
	if !ok {
		return fmt.Errorf("%q is not CONSTRUCTOR=ACCESSOR", e)
	}
	if _, err := parseFuncName(ctor); err != nil {
		return fmt.Errorf("constructor: %v", err)
	}
	if _, err := parseFuncName(acc); err != nil {
		return fmt.Errorf("accessor: %v", err)
	}
	return nil
}

// merge returns the file's settings with those given directly on top.
func merge(file, direct Config, isSet func(name string) bool) Config {
	out := file
	if isSet("allow") {
		out.Allow = direct.Allow
	}
	if isSet("constructors") {
		out.Constructors = direct.Constructors
	}
	if isSet("singleton") {
		out.Singleton = direct.Singleton
	}
	if isSet("allow-tests") {
		out.AllowTests = direct.AllowTests
	}
	if isSet("single-conns") {
		out.SingleConns = direct.SingleConns
	}
	if isSet("check-generated") {
		out.CheckGenerated = direct.CheckGenerated
	}
	if isSet("max-pools") {
		out.MaxPools = direct.MaxPools
	}
	out.ConfigFile = direct.ConfigFile
	return out
}

// isZeroSetting reports whether the named setting of cfg has its zero value.
func isZeroSetting(cfg Config, name string) bool {
	switch name {
	case "allow":
		return len(cfg.Allow) == 0
	case "constructors":
		return len(cfg.Constructors) == 0
	case "singleton":
		return len(cfg.Singleton) == 0
	case "allow-tests":
		return !cfg.AllowTests
	case "single-conns":
		return !cfg.SingleConns
	case "check-generated":
		return !cfg.CheckGenerated
	case "max-pools":
		return cfg.MaxPools == 0
	}
	return true
}

// ValidateFlag checks a value for one of the analyzer's flags without
// setting it, for drivers that want to reject a bad value in one line
// (the go vet tool is started once per package).
func ValidateFlag(name, value string) error {
	var fs flag.FlagSet
	bindFlags(&fs, new(Config), new(flagsSet))
	fl := fs.Lookup(name)
	if fl == nil {
		return fmt.Errorf("unknown flag -%s", name)
	}
	return fl.Value.Set(value)
}
