package main

import "example.com/registries/drivers"

func reconnect() {
	a, _ := drivers.Open("pg", "postgres://app")
	b, _ := drivers.OpenFunc("pg", "postgres://app")
	c, _ := drivers.OpenPlugin("pg", "postgres://app")
	_, _, _ = a, b, c
}

// main reconnects on every signal: reconnect runs more than once, so its
// calls are a factory's on every call (a call that runs once, at startup,
// would not be).
func main() {
	for range signals() {
		reconnect()
	}
}

func signals() chan struct{} { return make(chan struct{}) }
