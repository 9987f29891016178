package singlepool

import (
	"flag"
	"reflect"
	"strings"
	"testing"
)

// TestSettingsTable checks that settingsTable describes Config: one row
// per field, in order, whose key is the field's json tag (golangci-lint's
// settings) and, for a key a file may hold, its yaml tag; and that the
// row's field is that field.
func TestSettingsTable(t *testing.T) {
	typ := reflect.TypeFor[Config]()
	if typ.NumField() != len(settingsTable) {
		t.Fatalf("Config has %d fields, settingsTable %d rows", typ.NumField(), len(settingsTable))
	}
	for i, st := range settingsTable {
		f := typ.Field(i)
		if got := f.Tag.Get("json"); got != st.key {
			t.Errorf("Config.%s: json tag %q, table key %q", f.Name, got, st.key)
		}
		wantYAML := st.key
		if st.direct {
			wantYAML = "-"
		}
		if got := f.Tag.Get("yaml"); got != wantYAML {
			t.Errorf("Config.%s: yaml tag %q, want %q", f.Name, got, wantYAML)
		}
		var cfg Config
		ptr := reflect.ValueOf(st.field(&cfg)).Pointer()
		if want := reflect.ValueOf(&cfg).Elem().Field(i).Addr().Pointer(); ptr != want {
			t.Errorf("row %q points at another field than Config.%s", st.key, f.Name)
		}
		if _, list := st.field(&cfg).(*[]string); list != (st.check != nil) {
			t.Errorf("row %q: a list setting needs a check, and only a list has one", st.key)
		}
	}
}

// TestSettingsByKey checks that every place that handles settings by key
// (flags, merge, the zero test) handles each key of the table.
func TestSettingsByKey(t *testing.T) {
	values := map[string]string{
		keyAllow: "a.com/x", keyConstructors: "a.com/x.New", keySingleton: "a.com/x.New=a.com/db.Pool",
		keyAllowTests: "true", keySingleConns: "true", keyCheckGenerated: "true", keyMaxPools: "2", keyConfig: "s.yml", keySharedArgs: `a.com/x.New=("pgx", os.Getenv("X"))`,
		keyRequireReason: "true", keyReportUnused: "true", keyMaxConns: "postgres=100", keyHandlers: "a.com/fw.HandlerFunc", keyReplicas: "3", keyCPUs: "8", keyMaxOpenConns: "25",
	}
	var fs flag.FlagSet
	var direct Config
	set := new(flagsSet)
	bindFlags(&fs, &direct, set)
	for _, st := range settingsTable {
		v, ok := values[st.key]
		if !ok {
			t.Fatalf("no test value for %q", st.key)
		}
		if fs.Lookup(st.key) == nil {
			t.Fatalf("no flag -%s", st.key)
		}
		if err := fs.Set(st.key, v); err != nil {
			t.Fatalf("-%s=%s: %v", st.key, v, err)
		}
		if !set.has(st.key) {
			t.Errorf("-%s was not recorded as given", st.key)
		}
		if !st.direct && isZeroSetting(direct, st.key) {
			t.Errorf("isZeroSetting(%q) after setting it", st.key)
		}
		if !st.direct && !isZeroSetting(Config{}, st.key) {
			t.Errorf("isZeroSetting(%q) false for the zero Config", st.key)
		}
	}
	// Every key given directly replaces the file's value.
	file := Config{Allow: []string{"file.com/db"}, MaxPools: 7}
	got := merge(file, direct, set.has)
	if !reflect.DeepEqual(got, direct) {
		t.Errorf("merge with every flag set = %+v, want %+v", got, direct)
	}
	// No key given: the file's values, except the direct-only ones.
	got = merge(file, direct, func(string) bool { return false })
	if got.MaxPools != 7 || got.Allow[0] != "file.com/db" || got.ConfigFile != "s.yml" {
		t.Errorf("merge with no flag set = %+v", got)
	}
	if known := fileKeys(); strings.Contains(known, keyConfig) || !strings.HasPrefix(known, keyAllow+", ") {
		t.Errorf("fileKeys() = %q", known)
	}
}
