package admin

import (
	"os"
	"testing"

	"example.com/incident/internal/dbtest"
)

func TestMain(m *testing.M) { os.Exit(dbtest.Run(m)) }
