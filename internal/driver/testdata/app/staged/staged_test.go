package staged_test

import (
	"testing"

	"example.com/app/stagedhelp"
)

func TestHandler(t *testing.T) { stagedhelp.Run() }
