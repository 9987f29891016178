package catalog

// A HandlerShape is a framework's handler signature: its parameters' types
// in the framework's package ("*" for a pointer), and whether it returns an
// error.
type HandlerShape struct {
	Pkg    string
	Params []string
	Err    bool
	Label  string // for messages: "gin handler"; "" for net/http (the historical wording)
}

// HandlerShapes: net/http (Go 1.26: HandlerFunc, and adapters returning an
// error), gin v1.12.0 (gin.go:51 HandlerFunc func(*Context)), echo v4.16.0
// (echo.go:146 HandlerFunc func(c Context) error), fiber v2.52.15 (app.go:36
// Handler = func(*Ctx) error) and v3.1.0 (app.go:40 Handler = func(Ctx)
// error). chi and gorilla/mux use net/http's.
var HandlerShapes = []HandlerShape{
	{"net/http", []string{"ResponseWriter", "*Request"}, false, ""},
	{"net/http", []string{"ResponseWriter", "*Request"}, true, ""},
	{"github.com/gin-gonic/gin", []string{"*Context"}, false, "gin handler"},
	{"github.com/labstack/echo/v4", []string{"Context"}, true, "echo handler"},
	{"github.com/gofiber/fiber/v2", []string{"*Ctx"}, true, "fiber handler"},
	{"github.com/gofiber/fiber/v3", []string{"Ctx"}, true, "fiber handler"},
	// A message consumer: nats.go v1.55.0 nats.go:1136 MsgHandler func(msg *Msg).
	{"github.com/nats-io/nats.go", []string{"*Msg"}, false, "NATS message handler"},
}

// LambdaStarts take the Lambda handler, by argument index
// (aws-lambda-go v1.55.1 lambda/entry.go:47-98, entry_generic.go:19).
var LambdaStarts = map[string]int{
	"Start": 0, "StartWithOptions": 0, "StartHandlerFunc": 0, "StartWithContext": 1,
}

const LambdaPkg = "github.com/aws/aws-lambda-go/lambda"

// GoRunners run a function literal on a new goroutine, once per call: in
// a loop, once per iteration (sync.WaitGroup.Go, Go 1.25; x/sync v0.22.0
// errgroup.go:72, :108; conc v0.3.0's WaitGroup, pools and stream).
var GoRunners = map[[2]string]bool{
	{"sync", "Go"}: true, {"golang.org/x/sync/errgroup", "Go"}: true, {"golang.org/x/sync/errgroup", "TryGo"}: true,
	{"github.com/sourcegraph/conc", "Go"}: true, {"github.com/sourcegraph/conc/pool", "Go"}: true,
	{"github.com/sourcegraph/conc/stream", "Go"}: true,
}

// LaterRunners take a function that runs once per process, concurrently,
// or later than the call, by package path and function or method name.
var LaterRunners = map[[2]string]bool{
	{"sync", "Do"}:                               true, // (*sync.Once).Do
	{"sync", "OnceFunc"}:                         true,
	{"sync", "OnceValue"}:                        true,
	{"sync", "OnceValues"}:                       true,
	{"sync", "Go"}:                               true, // (*sync.WaitGroup).Go
	{"testing", "Cleanup"}:                       true,
	{"time", "AfterFunc"}:                        true,
	{"context", "AfterFunc"}:                     true,
	{"runtime", "SetFinalizer"}:                  true,
	{"runtime", "AddCleanup"}:                    true,
	{"net/http", "HandleFunc"}:                   true,
	{"golang.org/x/sync/errgroup", "Go"}:         true,
	{"golang.org/x/sync/errgroup", "TryGo"}:      true,
	{"golang.org/x/sync/singleflight", "Do"}:     true,
	{"golang.org/x/sync/singleflight", "DoChan"}: true,
}
