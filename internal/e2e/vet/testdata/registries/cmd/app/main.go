package main

import "example.com/registries/drivers"

// main reconnects on every signal: the calls run more than once (called
// once, at startup, they would not be reported: the allowlisted package's
// factories are meant to be called there).
func main() {
	for range signals() {
		a, _ := drivers.Open("pg", "postgres://app")
		b, _ := drivers.OpenFunc("pg", "postgres://app")
		c, _ := drivers.OpenPlugin("pg", "postgres://app")
		_, _, _ = a, b, c
	}
}

func signals() chan struct{} { return make(chan struct{}) }
