package main // want `^this program can open an unbounded number of PostgreSQL connections \(max-conns=100\): unsized/unsized\.go:16 unbounded \(no SetMaxOpenConns\), unsized/unsized\.go:21 unbounded \(SetMaxOpenConns\(0\): no limit\), unsized/unsized\.go:27 unbounded \(a pool per request\), unsized/unsized\.go:33 \? \(SetMaxOpenConns\(n\), not a constant\), unsized/unsized\.go:39 \? \(passed to configure, which may limit it\), unsized/unsized\.go:48 unbounded \(no SetMaxOpenConns\), unsized/unsized\.go:55 \? \(passed to useConnectionPools, which may limit it\); 3 pool\(s\) of a size singlepool cannot tell are not counted$`

import "budget/unsized"

func main() { _, _ = unsized.Open() }
