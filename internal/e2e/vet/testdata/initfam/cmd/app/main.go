// Command app uses the mixed package: -init names it as where Close goes.
package main

import (
	"context"
	"log"

	"example.com/initfam/mixed"
)

func main() {
	p, err := mixed.Pool(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	_ = p
}
