package server

import (
	"context"
	"io"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"golang.org/x/tools/go/analysis"
)

// codec is protocol's own JSON (its union types), which its unexported
// codec also uses.
type codec struct{}

func (codec) Marshal(v any) ([]byte, error)   { return protocol.Marshal(v) }
func (codec) Unmarshal(b []byte, v any) error { return protocol.Unmarshal(b, v) }

// Serve speaks LSP over rw (Content-Length framing) until the client
// exits or rw ends, and returns exit's code: 0 after shutdown and exit,
// 1 otherwise.
//
// Not protocol.NewServer: it runs every handler concurrently, so a
// didChange could be applied after a later one. Here handlers run in
// arrival order; the context is detached because jsonrpc2 v1.0.1
// recycles a request's context once its handler returns.
func Serve(ctx context.Context, a *analysis.Analyzer, rw io.ReadWriteCloser) int {
	conn := jsonrpc2.NewConn(jsonrpc2.NewStream(rw), jsonrpc2.WithCodec(codec{}))
	done := make(chan int, 1)
	s := New(a, protocol.ClientDispatcher(conn), func(code int) {
		select {
		case done <- code:
		default:
		}
	})
	h := protocol.CancelHandler(protocol.ServerHandler(s, jsonrpc2.MethodNotFoundHandler))
	conn.Go(ctx, func(ctx context.Context, r *jsonrpc2.Request) (any, error) {
		return h(jsonrpc2.DetachContext(ctx), r)
	})
	select {
	case code := <-done:
		return code
	case <-conn.Done():
		return 1
	}
}
