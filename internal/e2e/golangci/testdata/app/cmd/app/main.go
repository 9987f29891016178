// Command app uses the shared pool.
package main

import (
	"context"
	"fmt"
	"os"

	"example.com/app/internal/db"
)

func main() {
	ctx := context.Background()
	pool, err := db.Pool(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(pool.Ping(ctx))
}
