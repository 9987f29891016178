// Package httpx has the handlers' small shared helpers.
package httpx

import (
	"encoding/json"
	"log"
	"net/http"
)

// JSON writes v as the response.
func JSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("encode response: %v", err)
	}
}

// Fail answers 500 with err.
func Fail(w http.ResponseWriter, err error) {
	http.Error(w, err.Error(), http.StatusInternalServerError)
}
