package connid

import (
	"go/ast"
	"go/printer"
	"go/token"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
)

// Stated returns the arguments of a site, "(...)", as a shared-args entry
// for ctor would state them so that ParseSharedArgs gives the site's
// identity id back: the arguments as written where they are constants,
// os.Getenv and known pure calls, else rebuilt from id (a local dsn, a
// config function); "" when neither gives id back (gorm's handle settings,
// a package name shared-args does not know). It is what a -summary
// proposes when the shared pool's connection cannot be read.
func Stated(fset *token.FileSet, ctor string, args []ast.Expr, id Identity) string {
	if len(args) > 0 {
		parts := make([]string, len(args))
		for i, a := range args {
			var b strings.Builder
			if err := printer.Fprint(&b, fset, a); err != nil {
				return ""
			}
			parts[i] = b.String()
		}
		if text := "(" + strings.Join(parts, ", ") + ")"; statesIdentity(ctor, text, id) {
			return text
		}
	}
	text, ok := rebuilt(ctor, id)
	if !ok || !statesIdentity(ctor, text, id) {
		return ""
	}
	return text
}

// statesIdentity reports whether the shared-args entry ctor=text gives id.
func statesIdentity(ctor, text string, id Identity) bool {
	_, got, err := ParseSharedArgs(ctor + "=" + text)
	return err == nil && got == id
}

// rebuilt writes the arguments that give id, from its canonical text.
func rebuilt(ctor string, id Identity) (string, bool) {
	if id.Handle != "" {
		return "", false // gorm: the dialector and its config are not kept apart
	}
	where, ok := goText(id.Where)
	if !ok {
		return "", false
	}
	src, known := catalog.Sources[ctor]
	if known && src.DriverArg >= 0 {
		if src.DriverArg != 0 || src.Arg != 1 {
			return "", false
		}
		return "(" + strconv.Quote(id.Driver) + ", " + where + ")", true
	}
	return "(" + where + ")", true
}

// GoText is the Go text of an identity's canonical Where (a DSN, options),
// its package names those of catalog.StatedPackages; ok is false if it
// names a package shared-args does not know.
func GoText(canonical string) (string, bool) { return goText(canonical) }

// goText turns canonical text back into Go: $NAME is os.Getenv("NAME"),
// an import path before a name is the package's name in shared-args.
func goText(canonical string) (string, bool) {
	names := make(map[string]string, len(catalog.StatedPackages))
	for name, path := range catalog.StatedPackages {
		if old, ok := names[path]; !ok || name < old {
			names[path] = name
		}
	}
	paths := slices.Collect(maps.Keys(names))
	// The longest path first: gorm.io/driver/postgres before gorm.io/gorm
	// cannot clash, but github.com/jackc/pgx/v5/pgxpool must win over
	// github.com/jackc/pgx/v5.
	slices.SortFunc(paths, func(a, b string) int { return len(b) - len(a) })
	var b strings.Builder
	s := canonical
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '`':
			n, ok := quotedLen(s[i:])
			if !ok {
				return "", false
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		case c == '$':
			j := i + 1
			for j < len(s) && isNameByte(s[j]) {
				j++
			}
			if j == i+1 {
				return "", false
			}
			b.WriteString(`os.Getenv(` + strconv.Quote(s[i+1:j]) + `)`)
			i = j
			continue
		case i == 0 || !isNameByte(s[i-1]) && s[i-1] != '.' && s[i-1] != '/':
			if p, ok := pathAt(s[i:], paths); ok {
				b.WriteString(names[p])
				i += len(p)
				continue
			}
			if strings.ContainsAny(wordAt(s[i:]), "/") {
				return "", false // a package shared-args cannot name
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String(), true
}

// pathAt returns the import path among paths that s starts with, followed
// by the dot of a qualified name.
func pathAt(s string, paths []string) (string, bool) {
	for _, p := range paths {
		if strings.HasPrefix(s, p+".") {
			return p, true
		}
	}
	return "", false
}

// wordAt is the run of name, dot and slash bytes s starts with.
func wordAt(s string) string {
	n := 0
	for n < len(s) && (isNameByte(s[n]) || s[n] == '.' || s[n] == '/' || s[n] == '-') {
		n++
	}
	return s[:n]
}

// quotedLen is the length of the Go string literal s starts with.
func quotedLen(s string) (int, bool) {
	q := s[0]
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '\\' && q == '"':
			i++
		case s[i] == q:
			return i + 1, true
		}
	}
	return 0, false
}

func isNameByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
