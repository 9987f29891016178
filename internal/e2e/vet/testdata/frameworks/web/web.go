// Package web serves the same route with gin, echo and fiber, each handler
// building its own pool: the classic mistake, once per request.
package web

import (
	"context"
	"database/sql"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/labstack/echo/v4"
)

// Routes registers the handlers.
func Routes() {
	r := gin.Default()
	r.GET("/users", func(c *gin.Context) {
		pool, err := pgxpool.New(c.Request.Context(), os.Getenv("DATABASE_URL"))
		if err != nil {
			c.AbortWithError(500, err)
			return
		}
		defer pool.Close()
	})

	e := echo.New()
	e.GET("/users", users)

	app := fiber.New()
	app.Get("/users", func(c *fiber.Ctx) error {
		db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
		if err != nil {
			return err
		}
		return db.Close()
	})
}

func users(c echo.Context) error {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		return err
	}
	return db.PingContext(context.Background())
}
