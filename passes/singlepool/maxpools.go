package singlepool

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// checkMaxPools reports, on a main package's clause, each pool type whose
// construction sites in the program exceed max-pools.
func checkMaxPools(pass *analysis.Pass, s *settings, deps depSummary, own []poolSite) {
	if s.cfg.MaxPools <= 0 || pass.Pkg.Name() != "main" || len(pass.Files) == 0 {
		return
	}
	if strings.HasSuffix(pass.Pkg.Path(), ".test") {
		return
	}
	byType := make(map[string][]string)
	seen := make(map[[2]string]bool)
	for _, st := range append(append([]poolSite(nil), deps.sites...), own...) {
		if k := [2]string{st.Type, st.Pos}; !seen[k] {
			seen[k] = true
			byType[st.Type] = append(byType[st.Type], st.Pos)
		}
	}
	for _, t := range slices.Sorted(maps.Keys(byType)) {
		sites := byType[t]
		if len(sites) <= s.cfg.MaxPools {
			continue
		}
		code.SortPositions(sites)
		name := pass.Files[0].Name
		report(pass, name.Pos(), name.End(), categoryMaxPools,
			fmt.Sprintf("this program can open %d %s pools (max-pools=%d): %s",
				len(sites), shortType(t), s.cfg.MaxPools, strings.Join(sites, ", ")), nil)
	}
}

// shortType shortens "*github.com/jackc/pgx/v5/pgxpool#pgxpool.Pool" (see
// poolType) to "*pgxpool.Pool".
func shortType(t string) string {
	return qualifiedPath().ReplaceAllString(t, "")
}

// qualifiedPath matches the "path#" of each package in a poolType.
var qualifiedPath = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^\s\[\]*,()]+#`) })
