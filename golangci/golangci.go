// Package golangci registers singlepool as a golangci-lint v2 module
// plugin. Import it for its side effect in a golangci-lint build (see
// tools/golangci-lint and .custom-gcl.yml), then enable it in
// .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [singlepool]
//	  settings:
//	    custom:
//	      singlepool:
//	        type: module
//	        settings:
//	          allow: [example.com/app/internal/db]
//
// The settings are the JSON keys of singlepool.Config, the names of the
// command's flags (allow, constructors, singleton, allow-tests, ...); an
// unknown key or a bad value makes golangci-lint stop (exit code 3) with an
// error naming it. See the README's golangci-lint section.
package golangci

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/singlepool/singlepool/passes/singlepool"
)

func init() { register.Plugin(singlepool.Name, newPlugin) }

// plugin is the golangci-lint plugin: decoded, not yet validated settings.
type plugin struct {
	cfg singlepool.Config
}

var _ register.LinterPlugin = (*plugin)(nil)

// newPlugin decodes the settings under linters.settings.custom.singlepool.settings.
// Unknown keys are rejected by register.DecodeSettings.
func newPlugin(settings any) (register.LinterPlugin, error) {
	cfg, err := register.DecodeSettings[singlepool.Config](settings)
	if err != nil {
		return nil, fmt.Errorf("%s: settings: %w", singlepool.Name, err)
	}
	return &plugin{cfg: cfg}, nil
}

// BuildAnalyzers validates the settings and returns the configured
// analyzer. golangci-lint applies //nolint directives itself (and
// nolintlint checks them), so the analyzer leaves them alone.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	a, err := singlepool.NewWithoutNolint(p.cfg)
	if err != nil {
		return nil, fmt.Errorf("%s: settings: %w", singlepool.Name, err)
	}
	return []*analysis.Analyzer{a}, nil
}

// GetLoadMode asks for type information: singlepool resolves constructor
// calls through types.Info.Uses.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
