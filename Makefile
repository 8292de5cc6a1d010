# smithygen — common tasks. `make test` is the test command CI runs.
GO ?= go

# staticcheck, pinned: v0.8.2 is release 2026.2.2, the first to support Go 1.26.
STATICCHECK_VERSION ?= v0.8.2
STATICCHECK = $(or $(shell $(GO) env GOBIN),$(firstword $(subst :, ,$(shell $(GO) env GOPATH)))/bin)/staticcheck

.PHONY: all generate check test vet build fuzz staticcheck protocol-test

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

## staticcheck: install the pinned staticcheck and run it over everything, then over
## generated/ once more without the generated-code marker, which makes staticcheck
## skip most checks (unused code among them) there
staticcheck:
	$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	@status=0; \
	echo "$(STATICCHECK) ./generated/... ./..."; $(STATICCHECK) ./generated/... ./... || status=1; \
	echo "scripts/staticcheck-generated.sh $(STATICCHECK) (strict: generated files read as hand-written; informational)"; \
	scripts/staticcheck-generated.sh $(STATICCHECK) || echo "strict pass: findings above are unused runtime helpers, not failures"; \
	exit $$status

## lint: go vet and the pinned staticcheck (make vet, make staticcheck), gofmt -l over
## every tracked Go file, then vet and staticcheck over examples/downstream, a module
## of its own that ./... leaves out
.PHONY: lint
lint: vet staticcheck
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt -w needed on:"; echo "$$unformatted"; exit 1; fi
	cd examples/downstream && $(GO) vet ./...
	cd examples/downstream && $(STATICCHECK) ./...

## build: build the binaries into bin/
build:
	$(GO) build -o bin/ ./cmd/...

## test: vet, check generated/ is current, run every test (race detector on)
test: vet check
	$(GO) test -race -count=1 ./...

## protocol-test: run the official restJson1 protocol tests (../shared/smithy) against
## the generated servers, in .protocol-tests/; prints failures, skips and
## "N passed, M failed, K skipped"; skips with a message when ../shared is absent
protocol-test:
	$(GO) build -o bin/protocoltest ./internal/protocoltest
	bin/protocoltest

## fuzz: run every fuzz target for FUZZTIME each (default 60s)
FUZZTIME ?= 60s
fuzz:
	FUZZTIME=$(FUZZTIME) scripts/fuzz.sh

## bench: measure against the targets of issue #5 and print one table, also written
## to bench/RESULTS.md (about 5 minutes; needs ../shared; moto_server optional).
## BENCHFLAGS=-quick skips the compile, moto and scale sections; -heavy=N repeats the big compiles
.PHONY: bench
bench:
	$(GO) run ./bench/cmd/benchreport $(BENCHFLAGS)
