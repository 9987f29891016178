package inventory

import (
	"net/http"
	"os"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"example.com/incident/internal/httpx"
)

// Item is one item, as gorm maps it.
type Item struct {
	ID      int64
	OwnerID int64
	Name    string
	Qty     int
}

// Items answers GET /inventory.
func Items(w http.ResponseWriter, r *http.Request) {
	gdb, err := gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{}) // site: fix
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	var items []Item
	if err := gdb.WithContext(r.Context()).Where("owner_id = ?", r.URL.Query().Get("user")).Find(&items).Error; err != nil {
		httpx.Fail(w, err)
		return
	}
	httpx.JSON(w, items)
}

// Restock answers POST /inventory/restock.
func Restock(w http.ResponseWriter, r *http.Request) {
	gdb, err := gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{}) // site: fix
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	sqlDB, err := gdb.DB()
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	defer sqlDB.Close()
	if err := gdb.WithContext(r.Context()).Model(&Item{}).Where("qty = 0").Update("qty", 10).Error; err != nil {
		httpx.Fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
