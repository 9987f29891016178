package main // want `^this program can open an unbounded number of PostgreSQL connections \(max-conns=100\): unsized/unsized\.go:14 unbounded \(no SetMaxOpenConns\), unsized/unsized\.go:19 unbounded \(SetMaxOpenConns\(0\): no limit\), unsized/unsized\.go:25 unbounded \(a pool per request\), unsized/unsized\.go:31 \? \(SetMaxOpenConns\(n\), not a constant\); 1 pool\(s\) of a size singlepool cannot tell are not counted$`

import "budget/unsized"

func main() { _, _ = unsized.Open() }
