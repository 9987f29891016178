// Package fiber is a stub of github.com/gofiber/fiber/v3 v3.1.0.
package fiber

type Ctx interface{ Path() string }

type Handler = func(Ctx) error

type App struct{}

func New() *App { return &App{} }

func (a *App) Get(path string, handler Handler, handlers ...Handler) {}
