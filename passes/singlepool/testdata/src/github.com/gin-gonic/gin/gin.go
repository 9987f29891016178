// Package gin is a stub of github.com/gin-gonic/gin v1.12.0.
package gin

type Context struct{}

type HandlerFunc func(*Context)

type Engine struct{}

func Default() *Engine { return &Engine{} }

func (e *Engine) GET(path string, handlers ...HandlerFunc) {}
