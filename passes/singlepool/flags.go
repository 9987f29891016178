package singlepool

import (
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

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
	for _, e := range splitList(v) {
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

// splitList splits a flag's value at the commas that are outside
// parentheses and quotes (shared-args entries hold Go argument lists).
func splitList(v string) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case quote != 0:
			if c == '\\' && quote != '`' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '`' || c == '\'':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth <= 0:
			out = append(out, v[start:i])
			start = i + 1
		}
	}
	return append(out, v[start:])
}

// bindFlags registers the settings on fs, writing into cfg and recording
// in set each flag given on the command line. Drivers copy the values to
// their own flag set (singlechecker, unitchecker), so fs itself never
// records them: the values do.
func bindFlags(fs *flag.FlagSet, cfg *Config, set *flagsSet) {
	for _, st := range settingsTable {
		var v flag.Value
		switch dst := st.field(cfg).(type) {
		case *[]string:
			v = listFlag{dst, st.check}
		case *bool:
			v = boolFlag{dst}
		case *int:
			v = intFlag{dst}
		case *string:
			v = pathFlag{dst}
		}
		fs.Var(trackedFlag{v, st.key, set}, st.key, st.usage)
	}
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
