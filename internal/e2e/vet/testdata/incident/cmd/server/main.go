// Command server is the game's backend.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/incident/internal/admin"
	"example.com/incident/internal/audit"
	"example.com/incident/internal/cache"
	"example.com/incident/internal/chat"
	"example.com/incident/internal/config"
	"example.com/incident/internal/db"
	"example.com/incident/internal/finance"
	"example.com/incident/internal/inventory"
	"example.com/incident/internal/jobs"
	"example.com/incident/internal/leaderboard"
	"example.com/incident/internal/leagues"
	"example.com/incident/internal/matches"
	"example.com/incident/internal/notify"
	"example.com/incident/internal/ratelimit"
	"example.com/incident/internal/robots"
	"example.com/incident/internal/search"
	"example.com/incident/internal/sessions"
	"example.com/incident/internal/shop"
	"example.com/incident/internal/tournaments"
	"example.com/incident/internal/users"
	"example.com/incident/internal/weapons"
)

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	defer db.Close()

	if _, err := db.Pool(ctx); err != nil {
		return err
	}

	userSvc, err := users.NewUserService(ctx)
	if err != nil {
		return err
	}
	defer userSvc.Close()
	armoury, err := weapons.NewService(ctx)
	if err != nil {
		return err
	}
	defer armoury.Close()
	robotRepo, err := robots.NewRepo()
	if err != nil {
		return err
	}
	defer robotRepo.Close()
	ledger, err := finance.NewLedger(ctx)
	if err != nil {
		return err
	}
	defer ledger.Close()
	items, err := inventory.NewRepository()
	if err != nil {
		return err
	}
	defer items.Close()
	notifier, err := notify.NewNotifier(ctx)
	if err != nil {
		return err
	}
	defer notifier.Close()
	auditLog, err := audit.NewLog(ctx)
	if err != nil {
		return err
	}
	defer auditLog.Close()
	sess := sessions.NewStore(24 * time.Hour)
	defer sess.Close()
	board := leaderboard.NewBoard()
	defer board.Close()
	pages := cache.NewPages()
	defer pages.Close()

	mux := http.NewServeMux()
	mux.HandleFunc("GET /users", users.List)
	mux.HandleFunc("GET /users/{id}", users.Get)
	mux.HandleFunc("GET /robots", (&robots.Handler{Log: log.Default()}).List)
	weapons.Routes(mux)
	mux.HandleFunc("POST /matches", matches.Create)
	mux.HandleFunc("GET /leagues", leagues.List)
	mux.HandleFunc("POST /leagues/{id}/join", leagues.Join)
	mux.HandleFunc("GET /leaderboard", leaderboard.Top)
	mux.HandleFunc("GET /tournaments", tournaments.List)
	mux.HandleFunc("GET /tournaments/{id}/bracket", tournaments.Bracket)
	mux.HandleFunc("POST /payouts", finance.Payout)
	mux.HandleFunc("GET /admin/stats", admin.Stats)
	mux.HandleFunc("POST /admin/ban", admin.Ban)
	mux.HandleFunc("GET /admin/users.csv", admin.ExportUsers)
	mux.HandleFunc("GET /inventory", inventory.Items)
	mux.HandleFunc("POST /inventory/restock", inventory.Restock)
	mux.HandleFunc("POST /chat", chat.Publish)
	mux.HandleFunc("POST /shop/checkout", shop.Checkout)
	mux.HandleFunc("GET /shop/orders", shop.Orders)
	mux.HandleFunc("GET /search", search.Handler)

	hub := &chat.Hub{Deliver: func(msg string) { log.Printf("chat: %s", msg) }}
	go func() {
		if err := hub.Subscribe(ctx); err != nil && !errors.Is(err, context.Canceled) {
			log.Printf("chat: %v", err)
		}
	}()
	go jobs.Heartbeat(ctx, time.Minute)
	go func() {
		t := time.NewTicker(time.Hour)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := jobs.Cleanup(ctx); err != nil {
					log.Printf("cleanup: %v", err)
				}
				if err := board.Refresh(ctx); err != nil {
					log.Printf("leaderboard: %v", err)
				}
			}
		}
	}()

	srv := &http.Server{
		Addr:              config.ListenAddr(),
		Handler:           ratelimit.Middleware(600, mux),
		ReadHeaderTimeout: 5 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	return jobs.Drain(shutdown)
}
