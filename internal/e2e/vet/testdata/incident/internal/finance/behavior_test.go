package finance

import (
	"net/http/httptest"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorFinance(t *testing.T) {
	dbtest.Want(t, "Payout", func() { Payout(httptest.NewRecorder(), httptest.NewRequest("POST", "/payouts?user=1", nil)) }, "DATABASE_URL")
	l, err := NewLedger(dbtest.Ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	dbtest.Want(t, "Ledger.Transfer", func() { _ = l.Transfer(dbtest.Ctx(t), 1, 2, 10) }, "DATABASE_URL")
	l.Close()
	dbtest.SharedOpen(t, "Payout and Ledger.Close")
}
