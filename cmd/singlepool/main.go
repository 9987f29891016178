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
	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(singlepool.Analyzer) }
