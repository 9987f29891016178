// Command cmd closes the pool it gets only at exit.
package main

import (
	"log"

	"fixcallers/legacy"
)

func main() {
	db, err := legacy.OpenMain() // once, at startup: reported where it is built
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
}
