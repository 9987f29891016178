// Command singlepool reports database pool and client constructors used
// outside the package that owns the shared pool.
//
// Standalone:
//
//	singlepool -allow=example.com/app/internal/db ./...
//
// Under go vet:
//
//	go vet -vettool=$(command -v singlepool) -allow=example.com/app/internal/db ./...
package main

import (
	"os"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() {
	if len(os.Args) == 2 && os.Args[1] == "-V=full" {
		// go vet asks for the tool's version to key its result cache.
		os.Exit(printVersion(os.Stdout))
	}
	singlechecker.Main(singlepool.Analyzer)
}
