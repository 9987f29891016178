package server

import (
	"encoding/json"
	"testing"
)

// TestCodeActionKinds: singlepool's kinds are added to gopls' list, once;
// a provider of every kind (true) is left alone; none becomes singlepool's.
func TestCodeActionKinds(t *testing.T) {
	for _, c := range []struct{ caps, want string }{
		{`{"codeActionProvider":{"codeActionKinds":["quickfix","source.organizeImports"],"resolveProvider":true},"hoverProvider":true}`,
			`{"codeActionProvider":{"codeActionKinds":["quickfix","source.organizeImports","source.fixAll.singlepool"],"resolveProvider":true},"hoverProvider":true}`},
		{`{"codeActionProvider":true}`, `{"codeActionProvider":true}`},
		{`{"hoverProvider":true}`, `{"codeActionProvider":{"codeActionKinds":["quickfix","source.fixAll.singlepool"]},"hoverProvider":true}`},
	} {
		got, err := withCodeActionKinds(json.RawMessage(`{"capabilities":` + c.caps + `,"serverInfo":{"name":"gopls"}}`))
		if err != nil {
			t.Fatal(err)
		}
		var r struct{ Capabilities, ServerInfo json.RawMessage }
		if err := json.Unmarshal(got, &r); err != nil {
			t.Fatal(err)
		}
		if string(r.Capabilities) != c.want || string(r.ServerInfo) != `{"name":"gopls"}` {
			t.Errorf("%s:\ngot  %s\nwant %s", c.caps, got, c.want)
		}
	}
	if _, err := withCodeActionKinds(json.RawMessage(`[]`)); err == nil {
		t.Error("an initialize result that is not an object: no error")
	}
}

// TestAppendArrays: gopls' code actions first, then singlepool's; null is
// none.
func TestAppendArrays(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{`[{"title":"g"}]`, `[{"title":"s"}]`, `[{"title":"g"},{"title":"s"}]`},
		{`null`, `[{"title":"s"}]`, `[{"title":"s"}]`},
		{`[{"title":"g"}]`, `null`, `[{"title":"g"}]`},
		{`null`, ``, `null`},
	} {
		got, err := appendArrays(json.RawMessage(c.a), json.RawMessage(c.b))
		if err != nil || string(got) != c.want {
			t.Errorf("appendArrays(%s, %s) = %s, %v; want %s", c.a, c.b, got, err, c.want)
		}
	}
}
