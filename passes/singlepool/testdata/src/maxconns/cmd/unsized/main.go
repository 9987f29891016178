package main // want `^this program can open an unbounded number of PostgreSQL connections \(max-conns=100\): unsized/unsized\.go:17 unbounded \(no SetMaxOpenConns\), unsized/unsized\.go:22 unbounded \(SetMaxOpenConns\(0\): no limit\), unsized/unsized\.go:28 unbounded \(a pool per request\), unsized/unsized\.go:34 \? \(SetMaxOpenConns\(n\), not a constant\), unsized/unsized\.go:40 \? \(passed to configure, which may limit it\), unsized/unsized\.go:49 unbounded \(no SetMaxOpenConns\), unsized/unsized\.go:56 \? \(passed to useConnectionPools, which may limit it\), unsized/unsized\.go:64 unbounded \(no SetMaxOpenConns\); 3 pool\(s\) of a size singlepool cannot tell are not counted$`

import "maxconns/unsized"

func main() { _, _ = unsized.Open() }
