// Command server is the game backend: robots, weapons, matches and leagues
// over HTTP under /api/.
//
//	DATABASE_URL=postgres://app@127.0.0.1:5432/demo ADDR=127.0.0.1:8080 server
//
// main only wires: it builds no pool itself. APP_ENV=development turns on
// debug logging.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/demo/internal/admin"
	"example.com/demo/internal/chat"
	"example.com/demo/internal/db"
	"example.com/demo/internal/finances"
	"example.com/demo/internal/inventory"
	"example.com/demo/internal/leaderboards"
	"example.com/demo/internal/leagues"
	"example.com/demo/internal/matches"
	"example.com/demo/internal/robots"
	"example.com/demo/internal/shop"
	"example.com/demo/internal/tournaments"
	"example.com/demo/internal/users"
	"example.com/demo/internal/weapons"
)

func main() {
	level := slog.LevelInfo
	if os.Getenv("APP_ENV") == "development" {
		level = slog.LevelDebug
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})))
	if err := run(); err != nil {
		slog.Error("server", "err", err)
		os.Exit(1)
	}
}

func run() error {
	dsn := os.Getenv("DATABASE_URL")
	if dsn == "" {
		return errors.New("DATABASE_URL is not set")
	}
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}

	weaponsSvc, err := weapons.NewService()
	if err != nil {
		return err
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	mux.HandleFunc("GET /api/users", users.List)
	mux.HandleFunc("GET /api/robots", robots.List)
	mux.HandleFunc("GET /api/weapons", weaponsSvc.List)
	mux.HandleFunc("GET /api/matches", matches.Recent)
	mux.HandleFunc("GET /api/leagues", leagues.List)
	mux.HandleFunc("GET /api/leaderboards", leaderboards.Top)
	mux.HandleFunc("GET /api/tournaments", tournaments.Open)
	mux.HandleFunc("GET /api/finances", finances.Get)
	mux.HandleFunc("GET /api/admin", admin.GetStats)
	mux.HandleFunc("GET /api/inventory", inventory.List)
	mux.HandleFunc("GET /api/chat", chat.Handler())
	mux.HandleFunc("GET /api/shop", shop.List)

	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	slog.Info("listening", "addr", addr)

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	slog.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = srv.Shutdown(shutdownCtx)
	db.Close() // after the last request: close the shared pools
	return err
}
