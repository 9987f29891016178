// Package badempty has no code, only its package clause.
package badempty
