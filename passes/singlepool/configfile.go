package singlepool

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"

	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"go.yaml.in/yaml/v3"
)

// ConfigFileName is the settings file singlepool discovers by walking up
// from each package's directory to its module root, as staticcheck finds
// staticcheck.conf. Its keys are those of Config (the flag names).
const ConfigFileName = ".singlepool.yml"

// A configError is a problem in a settings file, with its position.
type configError struct {
	file string
	line int // 0 if unknown
	msg  string
}

func (e *configError) Error() string {
	if e.line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg)
	}
	return fmt.Sprintf("%s: %s", e.file, e.msg)
}

var (
	// Compiled when first needed: go vet starts the tool once per package.
	yamlLine         = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`) })
	yamlUnknownField = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^field (\S+) not found in type .*$`) })
)

// parseConfigFile decodes a settings file. Unknown keys and values of the
// wrong type are errors naming the line; so are invalid values, which are
// validated here with the line of their key.
func parseConfigFile(name string, data []byte) (Config, error) {
	var cfg Config
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return cfg, yamlError(name, err)
	}
	if len(root.Content) == 0 {
		return cfg, nil // empty file, or only comments
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return cfg, &configError{name, doc.Line, "want a mapping of settings (allow:, singleton:, ...)"}
	}
	lines := make(map[string]int)
	for i := 0; i+1 < len(doc.Content); i += 2 {
		lines[doc.Content[i].Value] = doc.Content[i].Line
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil {
		return cfg, yamlError(name, err)
	}
	if _, err := compile(cfg); err != nil {
		line := 0
		var se *settingError
		if errors.As(err, &se) {
			line = lines[se.key]
		}
		return cfg, &configError{name, line, err.Error()}
	}
	return cfg, nil
}

// yamlError turns the YAML library's messages into "file:line: message".
func yamlError(name string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		err = errors.New(te.Errors[0])
	}
	msg := err.Error()
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1]) // the regexp matched digits
		text := m[2]
		if f := yamlUnknownField().FindStringSubmatch(text); f != nil {
			text = fmt.Sprintf("unknown setting %q (known: %s)", f[1], fileKeys())
		}
		return &configError{name, line, text}
	}
	return &configError{name, 0, msg}
}

// A loadedFile is a parsed settings file.
type loadedFile struct {
	key string // the file's name and content: a change makes a new key
	cfg Config
	err error
}

// fileCache caches parsed settings files by name and content. A file is
// read again on every run and found again from every package, because a
// long-lived driver (gopls) must see edits, new files and removed ones;
// only parsing and validation are saved.
//
// A one-shot driver that walks a fixed tree (the standalone command) pins
// the cache instead: each file is then found once per directory and read
// once per name, which saves a few stats and a read for every package.
type fileCache struct {
	mu     sync.Mutex
	parsed map[string]*loadedFile // by key

	pinned bool
	byDir  map[string]string      // pinned: dir -> settings file ("" for none)
	byName map[string]*loadedFile // pinned: name -> the file as first read
}

// unpin forgets what the cache found and read, for a driver that runs
// again over a tree that changed (the language server).
func (c *fileCache) unpin() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pinned, c.byDir, c.byName = false, nil, nil
}

// pin makes the cache remember what it finds and reads from now on.
func (c *fileCache) pin() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.pinned {
		c.pinned = true
		c.byDir = make(map[string]string)
		c.byName = make(map[string]*loadedFile)
	}
}

func (c *fileCache) load(name string) *loadedFile {
	return pinned(c, func() map[string]*loadedFile { return c.byName }, name, c.read)
}

// pinned returns the remembered value for key if the cache is pinned and
// has one, else compute(key), which it remembers if pinned. memo reads
// the map (nil until pin), under c.mu.
func pinned[V any](c *fileCache, memo func() map[string]V, key string, compute func(string) V) V {
	c.mu.Lock()
	v, ok := memo()[key]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = compute(key)
	c.mu.Lock()
	if c.pinned {
		memo()[key] = v
	}
	c.mu.Unlock()
	return v
}

func (c *fileCache) read(name string) *loadedFile {
	data, err := os.ReadFile(name)
	if err != nil {
		return &loadedFile{key: name + "\x00error", err: &configError{name, 0, err.Error()}}
	}
	key := name + "\x00" + string(data)
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.parsed[key]; ok {
		return f
	}
	f := &loadedFile{key: key}
	f.cfg, f.err = parseConfigFile(name, data)
	if c.parsed == nil {
		c.parsed = make(map[string]*loadedFile)
	}
	c.parsed[key] = f
	return f
}

// find returns the settings file that applies to dir: the nearest
// ConfigFileName in dir or its parents, up to the module root (the first
// directory with a go.mod) inclusive; "" if there is none.
func (c *fileCache) find(dir string) string {
	return pinned(c, func() map[string]string { return c.byDir }, dir, c.search)
}

// search looks in dir, then in its parent through find (which, pinned,
// remembers the parents too: packages share them).
func (c *fileCache) search(dir string) string {
	if name := filepath.Join(dir, ConfigFileName); code.FileExists(name) {
		return name
	}
	parent := filepath.Dir(dir)
	if parent == dir || code.FileExists(filepath.Join(dir, "go.mod")) {
		return ""
	}
	return c.find(parent)
}
