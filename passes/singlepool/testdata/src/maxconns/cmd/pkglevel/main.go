package main // want `^this program can open at least 11 PostgreSQL connections \(max-conns=5\): pkglevel/pkglevel\.go:12 4 \(SetMaxOpenConns\), pkglevel/pkglevel\.go:13 3 \(pool_max_conns\), pkglevel/pkglevel\.go:21 max\(4, CPUs\) \(default\); set cpus`

import _ "maxconns/pkglevel"

func main() {}
