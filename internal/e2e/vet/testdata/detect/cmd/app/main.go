package main

import (
	"context"
	"log"

	"example.com/app/internal/clean"
	"example.com/app/internal/orders"
	"example.com/app/internal/reports/monthly"
	"example.com/app/internal/users"
)

func main() {
	ctx := context.Background()
	if err := clean.Ping(ctx); err != nil {
		log.Fatal(err)
	}
	if _, err := users.NewStore(ctx); err != nil {
		log.Fatal(err)
	}
	if _, _, _, err := orders.Open(ctx); err != nil {
		log.Fatal(err)
	}
	if err := monthly.Run(); err != nil {
		log.Fatal(err)
	}
}
