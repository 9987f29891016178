package main

import "example.com/registries/drivers"

func main() {
	a, _ := drivers.Open("pg", "postgres://app")
	b, _ := drivers.OpenFunc("pg", "postgres://app")
	c, _ := drivers.OpenPlugin("pg", "postgres://app")
	_, _, _ = a, b, c
}
