package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/singlepool/singlepool/passes/singlepool"
)

// printVersion answers go vet's "-V=full" like x/tools' drivers do, with a
// build ID that also covers the module's settings files. go vet caches
// results by tool version, flags and package sources; without this, an
// edit of .singlepool.yml would replay results computed with the old
// settings.
func printVersion(w io.Writer) int {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "singlepool:", err)
		return 1
	}
	h := sha256.New()
	f, err := os.Open(exe)
	if err != nil {
		fmt.Fprintln(os.Stderr, "singlepool:", err)
		return 1
	}
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		fmt.Fprintln(os.Stderr, "singlepool:", err)
		return 1
	}
	hashSettingsFiles(h)
	fmt.Fprintf(w, "%s version devel comments-go-here buildID=%02x\n", exe, h.Sum(nil))
	return 0
}

// hashSettingsFiles adds the name and content of every settings file of
// the module holding the working directory (go vet runs from there), and
// of the directories above it, to h.
func hashSettingsFiles(h io.Writer) {
	wd, err := os.Getwd()
	if err != nil {
		return
	}
	root := wd
	for d := wd; ; d = filepath.Dir(d) {
		addFile(h, filepath.Join(d, singlepool.ConfigFileName))
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			root = d
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable directories do not matter here
		}
		if d.IsDir() && p != root && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !d.IsDir() && d.Name() == singlepool.ConfigFileName {
			addFile(h, p)
		}
		return nil
	})
}

func addFile(h io.Writer, name string) {
	data, err := os.ReadFile(name)
	if err != nil {
		return
	}
	fmt.Fprintf(h, "%s\x00%d\x00%s", name, len(data), data)
}
