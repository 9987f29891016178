package main

import _ "maxpools/b"

func main() {}
