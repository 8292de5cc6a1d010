package limits

// Tests of the server's limits and of what its error messages leave out, run
// in a module of their own by generator.TestServerFixtures. Standard library only.

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type handler struct{ UnimplementedHandler }

func (handler) PutDoc(_ context.Context, in *PutDocInput) (*PutDocOutput, error) {
	return &PutDocOutput{Doc: in.Doc, Choice: in.Choice}, nil
}

func (handler) PutRawDoc(_ context.Context, in *PutRawDocInput) (*PutRawDocOutput, error) {
	return &PutRawDocOutput{Doc: in.Doc}, nil
}

func (handler) Check(context.Context, *CheckInput) (*CheckOutput, error) { return nil, nil }

type reply struct {
	status      int
	code, body  string
	messageText string
}

func do(t *testing.T, srv http.Handler, method, target, body string, header ...string) reply {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, target, rd)
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, r)
	var msg struct{ Message string }
	_ = json.Unmarshal(w.Body.Bytes(), &msg)
	return reply{w.Code, w.Header().Get("X-Amzn-Errortype"), w.Body.String(), msg.Message}
}

func nested(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }

func newTestServer(opts ...ServerOption) http.Handler {
	return NewServer(handler{}, append([]ServerOption{WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))}, opts...)...)
}

// TestDocumentDepth: a document, in a body member, in a union or as the
// whole payload, nests at most as deep as WithMaxDepth allows; deeper is a
// 400 SerializationException, not a stack overflow.
func TestDocumentDepth(t *testing.T) {
	def := newTestServer()
	for name, body := range map[string]string{
		"document member":      `{"doc": ` + nested(100000) + `}`,
		"document in a union":  `{"choice": {"doc": ` + nested(100000) + `}}`,
		"unknown union member": `{"choice": {"future": ` + nested(100000) + `}}`,
	} {
		got := do(t, def, "POST", "/doc", body)
		if got.status != 400 || got.code != "SerializationException" {
			t.Errorf("%s: %d %s %.200s", name, got.status, got.code, got.body)
		}
	}
	if got := do(t, def, "POST", "/doc", `{"doc": `+nested(100000)+`}`); !strings.Contains(got.messageText, "nesting deeper than 128 levels") {
		t.Errorf("message: %s", got.messageText)
	}
	got := do(t, def, "POST", "/rawdoc", nested(100000))
	if got.status != 400 || got.code != "SerializationException" || !strings.Contains(got.messageText, "nesting deeper than 128 levels") {
		t.Errorf("payload document: %d %s %.200s", got.status, got.code, got.body)
	}
	if got := do(t, def, "POST", "/rawdoc", `{"a": [1, }`); got.status != 400 || got.code != "SerializationException" {
		t.Errorf("invalid payload document: %d %s", got.status, got.body)
	}
	if got := do(t, def, "POST", "/rawdoc", `{"a": [1, {"b": null}]}`); got.status != 200 || got.body != `{"a": [1, {"b": null}]}` {
		t.Errorf("payload document: %d %s", got.status, got.body)
	}

	deeper := newTestServer(WithMaxDepth(300))
	doc := nested(250)
	if got := do(t, deeper, "POST", "/doc", `{"doc": `+doc+`}`); got.status != 200 || got.body != `{"doc":`+doc+`}` {
		t.Errorf("WithMaxDepth(300), 250 levels: %d %.200s", got.status, got.body)
	}
	if got := do(t, deeper, "POST", "/rawdoc", doc); got.status != 200 {
		t.Errorf("WithMaxDepth(300), 250-level payload: %d %.200s", got.status, got.body)
	}
	if got := do(t, def, "POST", "/rawdoc", doc); got.status != 400 {
		t.Errorf("default, 250-level payload: %d", got.status)
	}
}

// TestSensitiveBindingErrors: a label, query parameter or header bound to a
// @sensitive member that does not parse is a 400 whose message names it but
// does not repeat its value; other members' messages do.
func TestSensitiveBindingErrors(t *testing.T) {
	srv := newTestServer()
	for name, tc := range map[string]struct {
		target string
		header []string
	}{
		"label":       {"/check/SECRET-1", nil},
		"query":       {"/check/1?code=SECRET-2", nil},
		"header":      {"/check/1", []string{"X-When", "SECRET-3"}},
		"list header": {"/check/1", []string{"X-Codes", "1, SECRET-4"}},
	} {
		got := do(t, srv, "GET", tc.target, "", tc.header...)
		if got.status != 400 || got.code != "SerializationException" {
			t.Errorf("%s: %d %s", name, got.status, got.body)
		}
		if strings.Contains(got.body, "SECRET") {
			t.Errorf("%s: the reply shows the value: %s", name, got.body)
		}
		if !strings.Contains(got.messageText, "a sensitive member: the value is not shown") {
			t.Errorf("%s: %s", name, got.messageText)
		}
	}
	got := do(t, srv, "GET", "/check/1", "", "X-Count", "PLAIN-5")
	if got.status != 400 || !strings.Contains(got.messageText, `found "PLAIN-5"`) {
		t.Errorf("a plain member's value is shown: %d %s", got.status, got.body)
	}
	if got := do(t, srv, "GET", "/check/7?code=8", "", "X-Codes", "1, 2", "X-Count", "3"); got.status != 200 {
		t.Errorf("valid: %d %s", got.status, got.body)
	}
}
