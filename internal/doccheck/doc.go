// Package doccheck holds the tests that keep the documentation whole:
// every relative link and anchor in README.md, ARCHITECTURE.md and docs/
// resolves, and the README stays a front page (its line budget).
package doccheck
