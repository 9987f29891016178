package main

import (
	"context"
	"log"
	"time"

	"example.com/app/internal/clean"
	"example.com/app/internal/orders"
	"example.com/app/internal/reports/monthly"
	"example.com/app/internal/users"
)

func nightly(ctx context.Context) {
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

// main runs the nightly job once a day: nightly runs more than once, so
// the factories it calls build new pools each time. (Called once, at
// startup, they would be reported only where they build.)
func main() {
	for range time.Tick(24 * time.Hour) {
		nightly(context.Background())
	}
}
