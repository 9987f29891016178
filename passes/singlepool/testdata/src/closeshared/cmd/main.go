package main

import (
	"context"

	"example.com/pool/db"
)

// main closes the shared pool at exit: allowed.
func main() {
	p, err := db.Pool(context.Background())
	if err != nil {
		return
	}
	defer p.Close()
	serve(p)
}

// stop is not main: reported.
func stop() {
	p, _ := db.Pool(context.Background())
	p.Close() // want `\(no suggested fix: removing it would leave p unused\)$`
}

func serve(p any) {}
