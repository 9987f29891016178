package code

import (
	"fmt"
	"go/token"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
)

// SitePos formats a position for messages and facts: the package's
// directory (PathDir), the file's base name and the line, stable across
// machines.
func SitePos(pass *analysis.Pass, pos token.Pos) string {
	p := pass.Fset.Position(pos)
	return fmt.Sprintf("%s/%s:%d", PathDir(strings.TrimSuffix(pass.Pkg.Path(), "_test")), path.Base(p.Filename), p.Line)
}

// AssumedName is the package name an import path suggests, as goimports
// assumes it: the last element, or the one before a major version suffix,
// without a "go-" prefix, up to its first character that cannot be in an
// identifier (redis for github.com/redis/go-redis/v9, nats for
// github.com/nats-io/nats.go).
func AssumedName(importPath string) string {
	base := strings.TrimPrefix(PathDir(importPath), "go-")
	if i := strings.IndexFunc(base, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	}); i >= 0 {
		base = base[:i]
	}
	return base
}

// PathDir is the directory an import path names in the usual layout: its
// last element, or the one before a major version suffix (goose for
// github.com/pressly/goose/v3, whose root package has no v3 directory).
func PathDir(pkgPath string) string {
	dir, base := path.Split(pkgPath)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" && dir != "" {
		return path.Base(strings.TrimSuffix(dir, "/"))
	}
	return base
}

// SortPositions sorts "file:line" strings by file, then line as a number
// (a.go:9 before a.go:10).
func SortPositions(ps []string) {
	sort.Slice(ps, func(i, j int) bool {
		fi, li := SplitPosition(ps[i])
		fj, lj := SplitPosition(ps[j])
		if fi != fj {
			return fi < fj
		}
		return li < lj
	})
}

func SplitPosition(p string) (string, int) {
	i := strings.LastIndexByte(p, ':')
	if i < 0 {
		return p, 0
	}
	n, _ := strconv.Atoi(p[i+1:])
	return p[:i], n
}

// ComparePositions orders "file:line" strings by file, then line.
func ComparePositions(a, b string) int {
	fa, la := SplitPosition(a)
	fb, lb := SplitPosition(b)
	if c := strings.Compare(fa, fb); c != 0 {
		return c
	}
	return la - lb
}
