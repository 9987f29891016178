package main // want `^this program can open 3 \*sql\.DB pools \(max-pools=1\): a/a\.go:6, a/a\.go:7, b/b\.go:11$` `^this program can open 2 \*redis\.Client pools \(max-pools=1\): c/c\.go:9, c/c\.go:10$`

import (
	_ "maxpools/a"
	_ "maxpools/b"
	_ "maxpools/c"
	_ "maxpools/mid"
)

func main() {}
