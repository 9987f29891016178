// Command stagedmain imports store only through quiet, read from export
// data: store's factory method and construction sites still count.
package main

import (
	"fmt"

	"example.com/app/quiet"
)

func main() {
	fmt.Println(quiet.Version())
	db, err := quiet.Conn().Reopen()
	if err == nil {
		db.Close()
	}
}
