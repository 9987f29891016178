package poolperrequest

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/fw"
	"example.com/grpcapi"
	"example.com/pool/db"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"
	"github.com/nats-io/nats.go"
	"golang.org/x/sync/errgroup"
)

func routes() {
	r := gin.Default()
	r.GET("/users", func(c *gin.Context) {
		p, _ := pgxpool.New(context.Background(), "x") // want `^pgxpool\.New creates a new connection pool on every request \(gin handler\); create it once and share it$`
		p.Close()
	})
	r.GET("/shared", func(c *gin.Context) {
		p, _ := db.Pool(context.Background()) // the shared pool: not reported
		_ = p
	})
	r.GET("/orders", orders)

	e := echo.New()
	e.GET("/echo", func(c echo.Context) error {
		d, err := sql.Open("pgx", "x") // want `on every request \(echo handler\)`
		_ = d
		return err
	})

	f := fiber.New()
	f.Get("/fiber", func(c *fiber.Ctx) error {
		_, err := sql.Open("pgx", "x") // want `on every request \(fiber handler\)`
		return err
	})
	f3 := fiber3.New()
	f3.Get("/fiber3", func(c fiber3.Ctx) error {
		_, err := sql.Open("pgx", "x") // want `on every request \(fiber handler\)`
		return err
	})

	// A net/http adapter returning an error.
	http.Handle("/adapter", appHandler(func(w http.ResponseWriter, r *http.Request) error {
		_, err := sql.Open("pgx", "x") // want `^sql\.Open creates a new connection pool on every request; create it once and share it$`
		return err
	}))

	// An in-house framework, through the handlers setting.
	fw.Handle("/fw", func(ctx context.Context, body []byte) error {
		_, err := sql.Open("pgx", "x") // want `on every request \(handler registered with fw\.Handle\)`
		return err
	})
}

func orders(c *gin.Context) {
	_, _ = sql.Open("pgx", "x") // want `on every request \(gin handler\)`
}

type appHandler func(http.ResponseWriter, *http.Request) error

func (h appHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { _ = h(w, r) }

// named has the shape of fw.HandlerFunc.
func named(ctx context.Context, body []byte) error {
	_, err := sql.Open("pgx", "x") // want `on every request \(handler of fw\.HandlerFunc\)`
	return err
}

// startup runs once: not per request.
func startup(ctx context.Context) {
	p, _ := pgxpool.New(ctx, "x")
	p.Close()
}

// A gRPC service: its methods run on every call.
type health struct {
	grpcapi.UnimplementedHealthServer
}

func (h *health) Check(ctx context.Context, req *grpcapi.Req) (*grpcapi.Resp, error) {
	p, err := pgxpool.New(ctx, "x") // want `^pgxpool\.New creates a new connection pool on every call \(gRPC method Check\); create it once and share it$`
	if err == nil {
		p.Close()
	}
	return nil, err
}

func (h *health) Watch(req *grpcapi.Req, stream grpcapi.Health_WatchServer) error {
	_, err := sql.Open("pgx", "x") // want `on every call \(gRPC method Watch\)`
	return err
}

// open is not a method of the service's API: not per call.
func (h *health) open(ctx context.Context) {
	p, _ := pgxpool.New(ctx, "x")
	p.Close()
}

// registered implements the service without embedding: it is passed to
// the generated registration.
type registered struct{}

func (registered) Check(ctx context.Context, req *grpcapi.Req) (*grpcapi.Resp, error) {
	_, err := sql.Open("pgx", "x") // want `on every call \(gRPC method Check\)`
	return nil, err
}

func (registered) Watch(*grpcapi.Req, grpcapi.Health_WatchServer) error { return nil }

func serve() {
	grpcapi.RegisterHealthServer(nil, registered{})
	lambda.Start(handle)
	lambda.StartWithOptions(func(ctx context.Context) error {
		_, err := sql.Open("pgx", "x") // want `on every invocation \(Lambda handler\)`
		return err
	})
}

// handle is the Lambda handler.
func handle(ctx context.Context) error {
	_, err := sql.Open("pgx", "x") // want `^sql\.Open creates a new connection pool on every invocation \(Lambda handler\); create it once and share it$`
	return err
}

// perTenant starts a goroutine per tenant, each with its own pool.
func perTenant(ctx context.Context, tenants []string) error {
	var g errgroup.Group
	for _, t := range tenants {
		g.Go(func() error {
			p, err := pgxpool.New(ctx, t) // want `on every iteration; create it once`
			if err == nil {
				p.Close()
			}
			return err
		})
	}
	// Once, outside a loop: not per iteration.
	g.Go(func() error {
		p, err := pgxpool.New(ctx, "x")
		if err == nil {
			p.Close()
		}
		return err
	})
	return g.Wait()
}

// consume opens a pool for every NATS message.
func consume(nc *nats.Conn) {
	_, _ = nc.Subscribe("orders", func(m *nats.Msg) {
		p, _ := pgxpool.New(context.Background(), "x") // want `^pgxpool\.New creates a new connection pool on every message \(NATS message handler\); create it once and share it$`
		p.Close()
	})
}
