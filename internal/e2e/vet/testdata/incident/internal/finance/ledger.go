// Package finance keeps the players' money.
package finance

import (
	"context"
	"database/sql"
	"net/http"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"example.com/incident/internal/config"
	"example.com/incident/internal/httpx"
)

// Ledger records transfers.
type Ledger struct {
	pool *pgxpool.Pool
}

// NewLedger connects the ledger.
func NewLedger(ctx context.Context) (*Ledger, error) {
	pool, err := pgxpool.New(ctx, os.Getenv(config.EnvDatabaseURL)) // site: fix
	if err != nil {
		return nil, err
	}
	return &Ledger{pool: pool}, nil
}

// Transfer moves credits between two players.
func (l *Ledger) Transfer(ctx context.Context, from, to, amount int64) error {
	tx, err := l.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "UPDATE wallets SET credits = credits - $1 WHERE user_id = $2", amount, from); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE wallets SET credits = credits + $1 WHERE user_id = $2", amount, to); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Close releases the ledger.
func (l *Ledger) Close() { l.pool.Close() }

// Payout answers POST /payouts.
func Payout(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("pgx", os.Getenv(config.EnvDatabaseURL)) // site: fix
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	defer db.Close()
	if _, err := db.ExecContext(r.Context(), "INSERT INTO payouts (user_id) VALUES ($1)", r.URL.Query().Get("user")); err != nil {
		httpx.Fail(w, err)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
