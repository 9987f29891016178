package golangci

import (
	"reflect"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/singlepool/singlepool/passes/singlepool"
)

// Settings arrive as golangci-lint's YAML loader decodes them: maps with
// string keys and []any lists.

func TestRegistered(t *testing.T) {
	if _, err := register.GetPlugin(singlepool.Name); err != nil {
		t.Fatalf("plugin not registered under %q: %v", singlepool.Name, err)
	}
}

func TestDecodeGoodSettings(t *testing.T) {
	settings := map[string]any{
		"allow":           []any{"example.com/app/internal/db", "example.com/app/cmd/..."},
		"constructors":    []any{"example.com/app/internal/cache.NewPool"},
		"singleton":       []any{"github.com/jackc/pgx/v5/pgxpool.New=example.com/app/internal/db.Pool"},
		"allow-tests":     true,
		"single-conns":    true,
		"check-generated": false,
	}
	p := mustPlugin(t, settings)
	want := singlepool.Config{
		Allow:        []string{"example.com/app/internal/db", "example.com/app/cmd/..."},
		Constructors: []string{"example.com/app/internal/cache.NewPool"},
		Singleton:    []string{"github.com/jackc/pgx/v5/pgxpool.New=example.com/app/internal/db.Pool"},
		AllowTests:   true,
		SingleConns:  true,
	}
	if got := p.(*plugin).cfg; !reflect.DeepEqual(got, want) {
		t.Errorf("decoded settings:\n got %+v\nwant %+v", got, want)
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", mode, register.LoadModeTypesInfo)
	}
	analyzers, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatalf("BuildAnalyzers: %v", err)
	}
	if len(analyzers) != 1 || analyzers[0].Name != singlepool.Name {
		t.Fatalf("BuildAnalyzers() = %v, want one analyzer named %q", analyzers, singlepool.Name)
	}
	// The linter name must equal the analyzer name, or golangci-lint
	// prefixes every message with the analyzer's name.
	if analyzers[0].Run == nil || analyzers[0].Doc == "" {
		t.Errorf("analyzer is incomplete: %+v", analyzers[0])
	}
}

func TestDecodeMissingSettings(t *testing.T) {
	// No settings: key under custom.singlepool decodes to the zero Config.
	for _, settings := range []any{nil, map[string]any{}} {
		p := mustPlugin(t, settings)
		if got := p.(*plugin).cfg; !reflect.DeepEqual(got, singlepool.Config{}) {
			t.Errorf("settings %#v decoded to %+v, want the zero Config", settings, got)
		}
		if _, err := p.BuildAnalyzers(); err != nil {
			t.Errorf("settings %#v: BuildAnalyzers: %v", settings, err)
		}
	}
}

func TestUnknownKey(t *testing.T) {
	_, err := newPlugin(map[string]any{"alow": []any{"example.com/app/internal/db"}})
	if err == nil {
		t.Fatal("newPlugin accepted the unknown key alow")
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "singlepool: settings: ") || !strings.Contains(msg, `"alow"`) {
		t.Errorf("error %q should start with %q and name the key \"alow\"", msg, "singlepool: settings: ")
	}
}

func TestWrongType(t *testing.T) {
	_, err := newPlugin(map[string]any{"allow": "example.com/app/internal/db"})
	if err == nil {
		t.Fatal("newPlugin accepted a string for the list allow")
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "singlepool: settings: ") || !strings.Contains(msg, "allow") {
		t.Errorf("error %q should start with %q and name the key allow", msg, "singlepool: settings: ")
	}
}

func TestBadValues(t *testing.T) {
	for _, tc := range []struct {
		settings map[string]any
		want     []string // substrings of the error
	}{
		{map[string]any{"allow": []any{"./internal/db"}}, []string{"allow", `"./internal/db"`}},
		{map[string]any{"allow": []any{"./..."}}, []string{"allow", `"./..."`}},
		{map[string]any{"constructors": []any{"NewPool"}}, []string{"constructors", `"NewPool"`}},
		{map[string]any{"singleton": []any{"github.com/jackc/pgx/v5/pgxpool.New"}}, []string{"singleton"}},
		{map[string]any{"shared-args": []any{`database/sql.Open=("pgx", dsn)`}}, []string{"shared-args", "cannot use dsn"}},
		{map[string]any{"shared-args": []any{`database/sql.Open="pgx"`}}, []string{"shared-args", "parentheses"}},
	} {
		p := mustPlugin(t, tc.settings) // values are checked when the analyzer is built
		analyzers, err := p.BuildAnalyzers()
		if err == nil {
			t.Errorf("settings %v: BuildAnalyzers() = %v, want an error", tc.settings, analyzers)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "singlepool: settings: ") {
			t.Errorf("settings %v: error %q should start with %q", tc.settings, msg, "singlepool: settings: ")
		}
		for _, w := range tc.want {
			if !strings.Contains(msg, w) {
				t.Errorf("settings %v: error %q should contain %s", tc.settings, msg, w)
			}
		}
	}
}

func mustPlugin(t *testing.T, settings any) register.LinterPlugin {
	t.Helper()
	p, err := newPlugin(settings)
	if err != nil {
		t.Fatalf("newPlugin(%#v): %v", settings, err)
	}
	return p
}
