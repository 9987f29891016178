package main // want `^this program can open 3 \*sql\.DB pools \(max-pools=1\): a/a\.go:6, a/a\.go:7, b/b\.go:11$`

import (
	_ "maxpools/a"
	_ "maxpools/b"
)

func main() {}
