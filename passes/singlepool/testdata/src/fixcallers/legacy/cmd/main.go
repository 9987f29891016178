// Command cmd closes the pool it gets only at exit.
package main

import (
	"log"

	"fixcallers/legacy"
)

func main() {
	db, err := legacy.OpenMain() // want `legacy\.OpenMain creates a new connection pool`
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
}
