package singlepool

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

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

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

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
		key, _, _ := strings.Cut(err.Error(), ":")
		return cfg, &configError{name, lines[key], err.Error()}
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
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1]) // the regexp matched digits
		text := m[2]
		if f := regexp.MustCompile(`^field (\S+) not found in type .*$`).FindStringSubmatch(text); f != nil {
			text = fmt.Sprintf("unknown setting %q (known: allow, constructors, singleton, allow-tests, single-conns, check-generated, max-pools)", f[1])
		}
		return &configError{name, line, text}
	}
	return &configError{name, 0, msg}
}

// A loadedFile is a settings file, read once.
type loadedFile struct {
	cfg Config
	err error
}

// fileCache caches settings files by path and the file found for each
// directory, so that each is read once per process (gopls, go vet's
// per-package processes, singlechecker).
type fileCache struct {
	mu    sync.Mutex
	files map[string]*loadedFile
	dirs  map[string]string // directory -> settings file ("" if none)
}

func (c *fileCache) load(name string) *loadedFile {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.files[name]; ok {
		return f
	}
	f := &loadedFile{}
	data, err := os.ReadFile(name)
	if err != nil {
		f.err = &configError{name, 0, err.Error()}
	} else {
		f.cfg, f.err = parseConfigFile(name, data)
	}
	if c.files == nil {
		c.files = make(map[string]*loadedFile)
	}
	c.files[name] = f
	return f
}

// find returns the settings file that applies to dir: the nearest
// ConfigFileName in dir or its parents, up to the module root (the first
// directory with a go.mod) inclusive.
func (c *fileCache) find(dir string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dirs == nil {
		c.dirs = make(map[string]string)
	}
	var visited []string
	found := ""
	for d := dir; ; {
		if f, ok := c.dirs[d]; ok {
			found = f
			break
		}
		visited = append(visited, d)
		if fileExists(filepath.Join(d, ConfigFileName)) {
			found = filepath.Join(d, ConfigFileName)
			break
		}
		parent := filepath.Dir(d)
		if parent == d || fileExists(filepath.Join(d, "go.mod")) {
			break
		}
		d = parent
	}
	for _, d := range visited {
		c.dirs[d] = found
	}
	return found
}

func fileExists(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && !fi.IsDir()
}
