# singlepool: the commands the README documents.
#
#   make demo   run singlepool on the demo backend (examples/demo)
#   make test   every test: analyzer, go vet / standalone / golangci-lint /
#               gopls / PostgreSQL end to end, short fuzzing, demo module vet
#   make lint   lint this repository with the pinned golangci-lint + singlepool
#   make build  bin/singlepool; make golangci-lint, make gopls for the others

GO ?= go

.PHONY: build demo test lint golangci-lint gopls

build:
	$(GO) build -o bin/singlepool ./cmd/singlepool
	cd lsp && $(GO) build -o ../bin/singlepool-lsp ./cmd/singlepool-lsp

demo:
	bash scripts/demo.sh

test:
	$(GO) vet ./...
	cd examples/demo && $(GO) vet ./...
	$(GO) test -count=1 -timeout 75m ./...
	cd lsp && $(GO) vet ./... && $(GO) test -count=1 -timeout 15m ./...
	FUZZTIME=$${FUZZTIME:-10s} bash scripts/fuzz.sh

lint:
	bash scripts/lint.sh

golangci-lint:
	bash scripts/build-golangci-lint.sh

gopls:
	bash scripts/build-gopls.sh
