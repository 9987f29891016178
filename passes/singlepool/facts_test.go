package singlepool_test

import (
	"testing"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestFactories(t *testing.T) {
	a := mustNew(t, singlepool.Config{Allow: []string{"facts/owner", "facts/store", "facts/once", "facts/helper", "facts/registry", "facts/iface"}})
	analysistest.Run(t, analysistest.TestData(), a, "facts/store", "facts/wrap", "facts/once", "facts/owner", "facts/helper", "facts/registry", "facts/iface", "facts/caller")
}

// With max-pools and no allowlist, only the programs over the limit are
// reported, on their package clause.
func TestMaxPools(t *testing.T) {
	a := mustNew(t, singlepool.Config{MaxPools: 1})
	analysistest.Run(t, analysistest.TestData(), a, "maxpools/cmd/over", "maxpools/cmd/under", "maxpools/cmd/gormapp", "maxpools/a", "maxpools/b", "maxpools/c", "maxpools/mid", "maxpools/top")
}
