package code

import (
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/analysis"
)

// ModuleRoot returns the nearest directory at or above dir holding a
// go.mod, or "" if there is none.
func ModuleRoot(dir string) string {
	if dir == "" {
		return ""
	}
	for d := dir; ; {
		if FileExists(filepath.Join(d, "go.mod")) {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

func FileExists(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && !fi.IsDir()
}

// PackageDir returns the absolute directory of the package's source files.
func PackageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		name := pass.Fset.File(f.FileStart).Name()
		// Skip files generated into the build cache (cgo) and names that
		// are not Go files (//line directives may rename them).
		if !strings.HasSuffix(name, ".go") || strings.Contains(name, "go-build") {
			continue
		}
		// Drivers that pass relative names (Bazel's nogo runs in the
		// execution root) resolve against the working directory.
		if abs, err := filepath.Abs(name); err == nil {
			return filepath.Dir(abs)
		}
	}
	return ""
}

// PackageSource finds the directory of the package with the import path,
// when it is in the module whose root is root.
func PackageSource(root, path string) (string, bool) {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", false
	}
	mod := modfile.ModulePath(data)
	if mod == "" || (path != mod && !strings.HasPrefix(path, mod+"/")) {
		return "", false
	}
	dir := filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(strings.TrimPrefix(path, mod), "/")))
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return "", false
	}
	return dir, true
}
