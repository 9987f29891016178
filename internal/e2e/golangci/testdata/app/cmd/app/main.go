// Command app wires the packages together.
package main

import (
	"context"
	"fmt"
	"os"

	"example.com/app/internal/db"
	"example.com/app/internal/users"
)

func main() {
	ctx := context.Background()
	if _, err := db.Pool(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	s, err := users.NewStore(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	n, err := s.Count(ctx)
	fmt.Println(n, err)
}
