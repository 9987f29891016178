// Package option is a stub of google.golang.org/api@v0.312.0 for singlepool's tests; signatures copied from the real source.
// The parameter of Apply, *internal.DialSettings in the real source, is a local type here.
package option

type dialSettings struct{ endpoint string }

type ClientOption interface {
	Apply(*dialSettings)
}

type withEndpoint string

func (w withEndpoint) Apply(o *dialSettings) { o.endpoint = string(w) }

func WithEndpoint(url string) ClientOption { return withEndpoint(url) }
