# smithygen — common tasks. `make test` is the test command CI runs.
GO ?= go

.PHONY: all generate check test vet build

all: generate test

## generate: regenerate generated/ from the embedded default specs
generate:
	$(GO) run ./cmd/smithygen

## check: fail if generated/ is out of date (prints the diff)
check:
	$(GO) run ./cmd/smithygen -check

## vet: go vet over everything, generated code included
vet:
	$(GO) vet ./...

## build: build the binaries into bin/
build:
	$(GO) build -o bin/ ./cmd/...

## test: vet, check generated/ is current, run every test (race detector on)
test: vet check
	$(GO) test -race -count=1 ./...
