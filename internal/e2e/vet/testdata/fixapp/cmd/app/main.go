package main

import (
	"context"
	"log"
	"net/http"

	"example.com/app/internal/cache"
	"example.com/app/internal/legacy"
	"example.com/app/internal/orders"
	"example.com/app/internal/reports"
	"example.com/app/internal/users"
)

func main() {
	ctx := context.Background()
	store, err := users.NewStore(ctx)
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()
	if _, err := store.Count(ctx); err != nil {
		log.Print(err)
	}
	if _, err := users.Open(ctx, "postgres://localhost/app"); err != nil {
		log.Print(err)
	}
	if s, err := orders.Totals(ctx); err == nil {
		log.Print(s)
	}
	if _, err := orders.Recent(ctx); err != nil {
		log.Print(err)
	}
	if _, err := reports.Monthly(ctx); err != nil {
		log.Print(err)
	}
	if _, err := reports.Yearly(ctx); err != nil {
		log.Print(err)
	}
	if _, err := legacy.FromConfig(); err != nil {
		log.Print(err)
	}
	if _, err := legacy.Connect(); err != nil {
		log.Print(err)
	}
	_ = cache.New()
	http.HandleFunc("/users", users.Handler)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
