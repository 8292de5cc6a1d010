package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// events is a go test -json stream of two packages: one with a case of each
// outcome, one that does not build.
const events = `{"Action":"start","Package":"protocoltests/a"}
{"Action":"run","Package":"protocoltests/a","Test":"TestHTTPRequestTests"}
{"Action":"run","Package":"protocoltests/a","Test":"TestHTTPRequestTests/Good"}
{"Action":"pass","Package":"protocoltests/a","Test":"TestHTTPRequestTests/Good"}
{"Action":"run","Package":"protocoltests/a","Test":"TestHTTPRequestTests/Bad"}
{"Action":"output","Package":"protocoltests/a","Test":"TestHTTPRequestTests/Bad","Output":"=== RUN   TestHTTPRequestTests/Bad\n"}
{"Action":"output","Package":"protocoltests/a","Test":"TestHTTPRequestTests/Bad","Output":"    protocol_test.go:12: status 200, want 400\n"}
{"Action":"output","Package":"protocoltests/a","Test":"TestHTTPRequestTests/Bad","Output":"--- FAIL: TestHTTPRequestTests/Bad (0.00s)\n"}
{"Action":"fail","Package":"protocoltests/a","Test":"TestHTTPRequestTests/Bad"}
{"Action":"output","Package":"protocoltests/a","Test":"TestEventStreamTests/Stream","Output":"    protocol_test.go:99: Stream: event streams are not supported\n"}
{"Action":"skip","Package":"protocoltests/a","Test":"TestEventStreamTests/Stream"}
{"Action":"fail","Package":"protocoltests/a","Test":"TestHTTPRequestTests"}
{"Action":"fail","Package":"protocoltests/a"}
{"ImportPath":"protocoltests/b [protocoltests/b.test]","Action":"build-output","Output":"b/protocol_test.go:3:2: undefined: x\n"}
{"Action":"output","Package":"protocoltests/b","Output":"FAIL\tprotocoltests/b [build failed]\n"}
{"Action":"fail","Package":"protocoltests/b"}
`

func TestParseAndReport(t *testing.T) {
	res := parseEvents(strings.NewReader(events))
	require.Len(t, res.cases, 3)
	assert.Equal(t, 1, res.failed())
	assert.Equal(t, "event streams are not supported", res.cases[2].skipReason())
	require.Len(t, res.broken, 1)
	assert.Contains(t, res.broken[0], "undefined: x")

	var out strings.Builder
	res.report(&out, true)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	assert.Equal(t, "1 passed, 1 failed, 1 skipped", lines[len(lines)-1], "the last line is the count")
	text := out.String()
	for _, want := range []string{
		"PASS a/TestHTTPRequestTests/Good\n",
		"FAIL a/TestHTTPRequestTests/Bad\n    protocol_test.go:12: status 200, want 400\n",
		"BROKEN b:\n",
		"SKIP a/TestEventStreamTests/Stream: event streams are not supported\n",
		"a/TestEventStreamTests     0 passed,   0 failed,   1 skipped\n",
		"a/TestHTTPRequestTests     1 passed,   1 failed,   0 skipped\n",
		"total                      1 passed,   1 failed,   1 skipped\n",
		"1 package(s) did not build or run",
	} {
		assert.Contains(t, text, want)
	}
	assert.Equal(t, "- event streams are not supported: all 1 cases of a/TestEventStreamTests\n", res.skipsMarkdown())
}

// TestPanicBreaksPackage: a test binary that panics stops running cases, so
// its package is reported as broken even though a case failed.
func TestPanicBreaksPackage(t *testing.T) {
	res := parseEvents(strings.NewReader(`{"Action":"output","Package":"protocoltests/a","Test":"TestX/Y","Output":"panic: boom [recovered]\n"}
{"Action":"fail","Package":"protocoltests/a","Test":"TestX/Y"}
{"Action":"fail","Package":"protocoltests/a"}
`))
	assert.Equal(t, 1, res.failed())
	assert.Len(t, res.broken, 1)
}
