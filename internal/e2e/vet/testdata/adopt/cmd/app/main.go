package main

import (
	"context"
	"log"
	"net/http"

	"example.com/app/internal/audit"
	"example.com/app/internal/db"
	"example.com/app/internal/orders"
	"example.com/app/internal/users"
)

func main() {
	ctx := context.Background()
	defer db.Close()
	auditLog, err := audit.Open(ctx)
	if err != nil {
		log.Fatal(err)
	}
	defer auditLog.Close()
	if n, err := orders.Count(ctx); err == nil {
		log.Printf("%d orders", n)
	}
	http.HandleFunc("/users", users.Handler)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
