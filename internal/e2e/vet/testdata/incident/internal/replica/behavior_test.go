package replica

import (
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestBehaviorReplicaStaysOnTheReplica(t *testing.T) {
	dbtest.Want(t, "History", func() { _, _ = History(dbtest.Ctx(t), 1) }, "REPLICA_URL")
	dbtest.Want(t, "Wins", func() { _, _ = Wins(dbtest.Ctx(t), 1) }, "REPLICA_URL")
	dbtest.SharedOpen(t, "the replica's queries")
}
