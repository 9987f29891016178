// Package frequency tells how often code runs (Of, a Frequency): once,
// or once per request (handlers by their framework's shape, by
// registration, the handlers setting; gRPC methods; Lambda handlers), per
// message, or per loop iteration. CachedConstruction recognizes lazy
// initialization and per-key caches, which build once; RunsBeforeReturn
// says which function literals run inside their enclosing call.
package frequency
