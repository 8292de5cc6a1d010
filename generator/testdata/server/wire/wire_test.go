package wire

// Wire-level tests of the generated server, run in a module of their own by
// generator.TestServerFixtures. Standard library only.

import (
	"context"
	"encoding/base64"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// handler records what the server bound and answers with fixed outputs.
type handler struct {
	UnimplementedHandler
	bind  *BindInput
	route string
}

func (h *handler) GetItem(_ context.Context, in *GetItemInput) (*GetItemOutput, error) {
	if *in.Id == "missing" {
		return nil, &NotFound{Message: ptrTo("no such item"), Hint: ptrTo("try another")}
	}
	if *in.Id == "panic" {
		panic("boom")
	}
	if *in.Id == "plain" {
		return nil, errors.New("a plain error")
	}
	return &GetItemOutput{Id: in.Id, Route: ptrTo("GetItem")}, nil
}

func (h *handler) GetSpecialItem(context.Context, *GetSpecialItemInput) (*GetSpecialItemOutput, error) {
	return &GetSpecialItemOutput{Route: ptrTo("GetSpecialItem")}, nil
}

func (h *handler) PutItem(context.Context, *PutItemInput) (*PutItemOutput, error) { return nil, nil }

func (h *handler) GetFile(_ context.Context, in *GetFileInput) (*GetFileOutput, error) {
	return &GetFileOutput{Id: in.Path, Route: ptrTo("GetFile")}, nil
}

func (h *handler) GetMiddle(_ context.Context, in *GetMiddleInput) (*GetMiddleOutput, error) {
	return &GetMiddleOutput{Id: in.Path, Route: ptrTo("GetMiddle")}, nil
}

func (h *handler) SearchFast(context.Context, *SearchFastInput) (*SearchFastOutput, error) {
	return &SearchFastOutput{Route: ptrTo("SearchFast")}, nil
}

func (h *handler) Search(context.Context, *SearchInput) (*SearchOutput, error) {
	return &SearchOutput{Route: ptrTo("Search")}, nil
}

func (h *handler) Bind(_ context.Context, in *BindInput) (*BindOutput, error) {
	h.bind = in
	return &BindOutput{Status: ptrTo(int32(201)), H: in.H, Hl: in.Hl, Ht: in.Ht, Hj: in.Hj, Meta: in.Meta, Name: in.Name}, nil
}

func (h *handler) PostBlob(_ context.Context, in *PostBlobInput) (*PostBlobOutput, error) {
	return &PostBlobOutput{Data: in.Data}, nil
}

func (h *handler) PostText(_ context.Context, in *PostTextInput) (*PostTextOutput, error) {
	return &PostTextOutput{Text: in.Text}, nil
}

func (h *handler) PostStruct(_ context.Context, in *PostStructInput) (*PostStructOutput, error) {
	return &PostStructOutput{Nested: in.Nested, Tag: in.Tag}, nil
}

func (h *handler) PostDocument(_ context.Context, in *PostDocumentInput) (*PostDocumentOutput, error) {
	return &PostDocumentOutput{Doc: in.Doc}, nil
}

func (h *handler) Ping(context.Context, *PingInput) (*PingOutput, error) { return nil, nil }

func (h *handler) Check(context.Context, *CheckInput) (*CheckOutput, error) {
	return &CheckOutput{}, nil
}

func (h *handler) Plain(context.Context, *PlainInput) (*PlainOutput, error) {
	return &PlainOutput{}, nil
}

func (h *handler) GetBlob(context.Context, *GetBlobInput) (*GetBlobOutput, error) {
	return &GetBlobOutput{Data: []byte("blob")}, nil
}

func ptrTo[T any](v T) *T { return &v }

type reply struct {
	status int
	header http.Header
	body   string
}

func do(t *testing.T, srv http.Handler, method, target, contentType, body string, headers ...string) reply {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, target, rd)
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Add(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, r)
	return reply{w.Code, w.Header(), w.Body.String()}
}

func quiet() ServerOption { return WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))) }

func TestRouting(t *testing.T) {
	srv := NewServer(&handler{}, quiet())
	for _, tc := range []struct {
		method, target string
		status         int
		want           string // substring of the body
	}{
		{"GET", "/items/abc", 200, `"route":"GetItem"`},
		{"GET", "/items/abc/", 200, `"id":"abc"`},
		{"GET", "/items/special", 200, `"route":"GetSpecialItem"`},
		{"GET", "/items/a%2Fb%20c", 200, `"id":"a/b c"`},
		{"GET", "/files/a/b/c.txt", 200, `"id":"a/b/c.txt"`},
		{"GET", "/mid/x/y/tail", 200, `"id":"x/y"`},
		{"GET", "/mid/tail", 404, "no operation matches"},
		{"GET", "/search?mode=fast", 200, `"route":"SearchFast"`},
		{"GET", "/search?mode=slow", 200, `"route":"Search"`},
		{"GET", "/search", 200, `"route":"Search"`},
		{"GET", "/nowhere", 404, "no operation matches"},
		{"GET", "/items", 404, ""},
		{"DELETE", "/items/abc", 405, "not allowed"},
	} {
		got := do(t, srv, tc.method, tc.target, "", "")
		if got.status != tc.status || !strings.Contains(got.body, tc.want) {
			t.Errorf("%s %s: got %d %s, want %d with %q", tc.method, tc.target, got.status, got.body, tc.status, tc.want)
		}
		if got.status >= 400 && got.header.Get("X-Amzn-Errortype") == "" {
			t.Errorf("%s %s: error without X-Amzn-Errortype", tc.method, tc.target)
		}
	}
	got := do(t, srv, "POST", "/items/abc", "", "")
	if allow := got.header.Get("Allow"); got.status != 405 || !strings.Contains(allow, "GET") || !strings.Contains(allow, "PUT") {
		t.Errorf("405 Allow = %q (status %d)", allow, got.status)
	}
	got = do(t, srv, "PUT", "/items/abc", "", "")
	if got.status != 204 || got.body != "" {
		t.Errorf("PUT: got %d %q, want 204 and no body", got.status, got.body)
	}
	if op, ok := MatchOperation(httptest.NewRequest("GET", "/items/special", nil)); !ok || op != "GetSpecialItem" {
		t.Errorf("MatchOperation = %q, %v", op, ok)
	}
	if _, ok := MatchOperation(httptest.NewRequest("PATCH", "/items/x", nil)); ok {
		t.Error("MatchOperation matched a wrong method")
	}
}

func TestBinding(t *testing.T) {
	h := &handler{}
	srv := NewServer(h, quiet())
	jsonHeader := base64.StdEncoding.EncodeToString([]byte(`{"a":1}`))
	got := do(t, srv, "POST", "/bind/my%20label/42?q=x&qs=a&qs=b%2Cc&qi=-7&qb=true&qt=2024-01-02T03:04:05Z&qe=blue&extra=1",
		"application/json", `{"Name":"n","nested":{"n":3},"when":1700000000.5}`,
		"X-H", "hello", "X-List", `a, "b,c", d`, "X-Time", "Tue, 02 Jan 2024 03:04:05 GMT",
		"X-Times", "Tue, 02 Jan 2024 03:04:05 GMT, Wed, 03 Jan 2024 03:04:05 GMT",
		"X-Json", jsonHeader, "X-Bool", "false", "X-Double", "NaN", "X-Meta-Color", "red", "x-meta-size", "L")
	if got.status != 201 {
		t.Fatalf("status %d: %s", got.status, got.body)
	}
	in := h.bind
	check := func(what string, ok bool) {
		t.Helper()
		if !ok {
			t.Errorf("%s: bound %+v", what, in)
		}
	}
	check("label", *in.Label == "my label" && *in.Count == 42)
	check("query", *in.Q == "x" && len(in.Qs) == 2 && in.Qs[1] == "b,c" && *in.Qi == -7 && *in.Qb && in.Qe == ColorBlue)
	check("query timestamp", in.Qt.Equal(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)))
	check("query params", len(in.Params["qs"]) == 2 && in.Params["extra"][0] == "1" && in.Params["q"][0] == "x")
	check("header", *in.H == "hello" && len(in.Hl) == 3 && in.Hl[1] == "b,c" && !*in.Hb && *in.Hd != *in.Hd)
	check("header timestamps", in.Ht.Equal(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)) && len(in.Hts) == 2 && in.Hts[1].Day() == 3)
	check("media type header", *in.Hj == `{"a":1}`)
	check("prefix headers", in.Meta["color"] == "red" && in.Meta["size"] == "L" && len(in.Meta) == 2)
	check("body", *in.Name == "n" && *in.Nested.N == 3 && in.When.Equal(time.Unix(1700000000, 5e8)))

	if got.header.Get("X-H") != "hello" || got.header.Get("X-List") != `a, "b,c", d` || got.header.Get("X-Json") != jsonHeader ||
		got.header.Get("X-Time") != "Tue, 02 Jan 2024 03:04:05 GMT" || got.header.Get("X-Meta-Color") != "red" {
		t.Errorf("reply headers: %v", got.header)
	}
	if got.body != `{"Name":"n"}` || got.header.Get("Content-Type") != "application/json" {
		t.Errorf("reply body %q (%s)", got.body, got.header.Get("Content-Type"))
	}
	if got.header.Get("X-Amzn-Requestid") == "" {
		t.Error("no request ID")
	}
}

func TestMalformedRequests(t *testing.T) {
	srv := NewServer(&handler{}, quiet())
	for _, tc := range []struct {
		name, target, contentType, body string
		headers                         []string
		status                          int
		code                            string
	}{
		{"label type", "/bind/l/abc", "", "", nil, 400, "SerializationException"},
		{"label range", "/bind/l/99999999999", "", "", nil, 400, "SerializationException"},
		{"query type", "/bind/l/1?qi=1.5", "", "", nil, 400, "SerializationException"},
		{"query bool", "/bind/l/1?qb=yes", "", "", nil, 400, "SerializationException"},
		{"query timestamp", "/bind/l/1?qt=yesterday", "", "", nil, 400, "SerializationException"},
		{"header bool", "/bind/l/1", "", "", []string{"X-Bool", "maybe"}, 400, "SerializationException"},
		{"header timestamp", "/bind/l/1", "", "", []string{"X-Time", "2024-01-02"}, 400, "SerializationException"},
		{"header base64", "/bind/l/1", "", "", []string{"X-Json", "not base64!"}, 400, "SerializationException"},
		{"header float hex", "/bind/l/1", "", "", []string{"X-Double", "0x1p-2"}, 400, "SerializationException"},
		{"header float inf", "/bind/l/1", "", "", []string{"X-Double", "inf"}, 400, "SerializationException"},
		{"header float overflow", "/bind/l/1", "", "", []string{"X-Double", "1e400"}, 400, "SerializationException"},
		{"header list quote", "/bind/l/1", "", "", []string{"X-List", `"open`}, 400, "SerializationException"},
		{"bad JSON", "/bind/l/1", "application/json", `{"Name":`, nil, 400, "SerializationException"},
		{"trailing JSON", "/bind/l/1", "application/json", `{"Name":"n"}x`, nil, 400, "SerializationException"},
		{"array body", "/bind/l/1", "application/json", `[{"Name":"n"}]`, nil, 400, "SerializationException"},
		{"null body", "/bind/l/1", "application/json", `null`, nil, 400, "SerializationException"},
		{"number body", "/bind/l/1", "application/json", `10`, nil, 400, "SerializationException"},
		{"wrong member type", "/bind/l/1", "application/json", `{"Name":5}`, nil, 400, "SerializationException"},
		{"wrong nested type", "/bind/l/1", "application/json", `{"nested":{"n":"three"}}`, nil, 400, "SerializationException"},
		{"timestamp as string", "/bind/l/1", "application/json", `{"when":"2024"}`, nil, 400, "SerializationException"},
		{"body without content type", "/bind/l/1", "", `{}`, nil, 415, "UnsupportedMediaTypeException"},
		{"body as text", "/bind/l/1", "text/plain", `{}`, nil, 415, "UnsupportedMediaTypeException"},
		{"body where none is taken", "/ping", "application/json", `{}`, nil, 415, "UnsupportedMediaTypeException"},
		{"blob with JSON type", "/blob", "application/json", `{}`, nil, 415, "UnsupportedMediaTypeException"},
		{"text with JSON type", "/text", "application/json", `{}`, nil, 415, "UnsupportedMediaTypeException"},
		{"bad document", "/doc", "application/json", `{"a":`, nil, 400, "SerializationException"},
		{"not acceptable", "/bind/l/1", "", "", []string{"Accept", "text/html"}, 406, "NotAcceptableException"},
	} {
		got := do(t, srv, "POST", tc.target, tc.contentType, tc.body, tc.headers...)
		if got.status != tc.status || got.header.Get("X-Amzn-Errortype") != tc.code {
			t.Errorf("%s: got %d %s %s, want %d %s", tc.name, got.status, got.header.Get("X-Amzn-Errortype"), got.body, tc.status, tc.code)
		}
		if !strings.HasPrefix(got.body, `{"message":`) {
			t.Errorf("%s: body %q is not a JSON error", tc.name, got.body)
		}
	}
	for _, ok := range []string{"application/json", "*/*", "application/*", "text/html, application/json;q=0.5"} {
		if got := do(t, srv, "POST", "/bind/l/1", "", "", "Accept", ok); got.status != 201 {
			t.Errorf("Accept %q: %d %s", ok, got.status, got.body)
		}
	}
	if got := do(t, srv, "POST", "/bind/l/1", "application/json; charset=utf-8", `{}`); got.status != 201 {
		t.Errorf("content type with parameters: %d %s", got.status, got.body)
	}
	if got := do(t, srv, "POST", "/ping", "", ""); got.status != 200 || got.body != "" || got.header.Get("Content-Type") != "" {
		t.Errorf("Unit output: %d %q %v", got.status, got.body, got.header)
	}
}

func TestPayloads(t *testing.T) {
	srv := NewServer(&handler{}, quiet())
	got := do(t, srv, "POST", "/blob", "image/jpeg", "\xff\xd8jpeg")
	if got.status != 200 || got.body != "\xff\xd8jpeg" || got.header.Get("Content-Type") != "image/jpeg" {
		t.Errorf("blob: %d %q %s", got.status, got.body, got.header.Get("Content-Type"))
	}
	got = do(t, srv, "POST", "/text", "text/plain", "héllo")
	if got.status != 200 || got.body != "héllo" || got.header.Get("Content-Type") != "text/plain" {
		t.Errorf("text: %d %q", got.status, got.body)
	}
	got = do(t, srv, "POST", "/struct", "application/json", `{"n":7}`, "X-Tag", "t1")
	if got.status != 200 || got.body != `{"n":7}` || got.header.Get("X-Tag") != "t1" {
		t.Errorf("struct: %d %q %v", got.status, got.body, got.header)
	}
	got = do(t, srv, "POST", "/doc", "application/json", `{"any":["json",1]}`)
	if got.status != 200 || got.body != `{"any":["json",1]}` {
		t.Errorf("document: %d %q", got.status, got.body)
	}
}

func TestErrors(t *testing.T) {
	var logs strings.Builder
	srv := NewServer(&handler{}, WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	got := do(t, srv, "GET", "/items/missing", "", "")
	if got.status != 404 || got.header.Get("X-Amzn-Errortype") != "NotFound" || got.header.Get("X-Hint") != "try another" ||
		got.body != `{"message":"no such item"}` {
		t.Errorf("modeled error: %d %v %q", got.status, got.header, got.body)
	}
	got = do(t, srv, "GET", "/items/panic", "", "")
	if got.status != 500 || got.header.Get("X-Amzn-Errortype") != "InternalFailure" || !strings.Contains(logs.String(), "boom") {
		t.Errorf("panic: %d %v %q; log %s", got.status, got.header, got.body, logs.String())
	}
	got = do(t, srv, "GET", "/items/plain", "", "")
	if got.status != 500 || got.header.Get("X-Amzn-Errortype") != "InternalFailure" || strings.Contains(got.body, "plain") {
		t.Errorf("plain error: %d %v %q", got.status, got.header, got.body)
	}
	if got := do(t, srv, "GET", "/items/ok", "", ""); got.status != 200 {
		t.Errorf("after a panic the server still serves: %d", got.status)
	}
	got = do(t, srv, "POST", "/search", "", "")
	if got.status != 405 {
		t.Errorf("405: %d", got.status)
	}
	got = do(t, NewServer(UnimplementedHandler{}), "GET", "/items/x", "", "")
	if got.status != 501 || got.header.Get("X-Amzn-Errortype") != "NotImplementedException" {
		t.Errorf("unimplemented: %d %v", got.status, got.header)
	}
}

func TestValidation(t *testing.T) {
	srv := NewServer(&handler{}, quiet())
	const missing = `Value at '/string' failed to satisfy constraint: Member must not be null`
	want := `{"message":"1 validation error detected. ` + missing + `","fieldList":[{"path":"/string","message":"` + missing + `"}]}`
	for _, target := range []string{"/check", "/plain"} {
		got := do(t, srv, "POST", target, "application/json", `{}`)
		if got.status != 400 || got.header.Get("X-Amzn-Errortype") != "ValidationException" || got.body != want {
			t.Errorf("%s: %d %s\n got %s\nwant %s", target, got.status, got.header.Get("X-Amzn-Errortype"), got.body, want)
		}
	}
	got := do(t, srv, "POST", "/check", "application/json", `{"string":"s","short":"x"}`)
	if got.status != 400 || !strings.Contains(got.body, `"path":"/short"`) || !strings.Contains(got.body, "between 2 and 8") {
		t.Errorf("length: %d %s", got.status, got.body)
	}
	got = do(t, srv, "POST", "/check", "application/json", `{"short":"x"}`)
	if !strings.HasPrefix(got.body, `{"message":"2 validation errors detected.`) {
		t.Errorf("two failures: %s", got.body)
	}
	required := NewServer(&handler{}, WithValidation(ValidateRequired))
	if got := do(t, required, "POST", "/check", "application/json", `{"string":"s","short":"x"}`); got.status != 200 {
		t.Errorf("ValidateRequired skips lengths: %d %s", got.status, got.body)
	}
	off := NewServer(&handler{}, WithValidation(ValidateOff))
	if got := do(t, off, "POST", "/check", "application/json", `{}`); got.status != 200 {
		t.Errorf("ValidateOff: %d %s", got.status, got.body)
	}
}

func TestBodyLimit(t *testing.T) {
	srv := NewServer(&handler{}, WithMaxBodyBytes(16))
	got := do(t, srv, "POST", "/check", "application/json", `{"string":"`+strings.Repeat("x", 64)+`"}`)
	if got.status != 413 || got.header.Get("X-Amzn-Errortype") != "RequestEntityTooLargeException" {
		t.Errorf("got %d %v", got.status, got.header)
	}
}

// TestFakePutAndGet checks the fake's inferred lifecycle for a put/get pair:
// PutItem stores, GetItem reads, a missing item is the operation's 404.
func TestFakePutAndGet(t *testing.T) {
	srv := NewFake()
	if got := do(t, srv, "GET", "/items/a1", "", ""); got.status != 404 || got.header.Get("X-Amzn-Errortype") != "NotFound" {
		t.Errorf("missing: %d %v %s", got.status, got.header, got.body)
	}
	if got := do(t, srv, "PUT", "/items/a1", "", ""); got.status != 204 {
		t.Errorf("put: %d %s", got.status, got.body)
	}
	if got := do(t, srv, "GET", "/items/a1", "", ""); got.status != 200 || !strings.Contains(got.body, `"id":"a1"`) {
		t.Errorf("get: %d %s", got.status, got.body)
	}
}

// TestNoServerErrorOnClientInput sends many mutations of valid requests:
// whatever a client sends, the reply is never a 5xx (the handler here never
// fails) and the server never panics.
func TestNoServerErrorOnClientInput(t *testing.T) {
	srv := NewServer(&handler{}, quiet())
	targets := []string{"/bind/l/1?q=x&qs=a&qi=1&qb=true&qt=2024-01-02T03:04:05Z&qe=red", "/check", "/plain", "/blob", "/text", "/struct", "/doc", "/ping", "/items/a", "/files/a/b"}
	bodies := []string{"", "{}", `{"Name":"n","nested":{"n":1},"when":1}`, `{"string":"abc","short":"abcd"}`, `{"n":1}`, `[1,2]`, `"s"`, "{\"a\":\x00}", `{"nested":{"n":1e999}}`, `{"Name":"\ud800"}`, strings.Repeat("[", 300)}
	headers := [][]string{nil, {"X-List", `"a,b", c`}, {"X-Time", "garbage"}, {"X-Times", "Mon, 01 Jan 2024 00:00:00 GMT, x"}, {"X-Double", "-Infinity"}, {"Accept", "*/*"}, {"X-Meta-A", "b"}}
	types := []string{"", "application/json", "text/plain", "image/jpeg", "application/json; charset=utf-8", "bogus/"}
	methods := []string{"GET", "POST", "PUT", "DELETE", "PATCH"}
	seed := uint64(1)
	next := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int((seed >> 33) % uint64(n))
	}
	mutate := func(s string) string {
		if s == "" || next(3) > 0 {
			return s
		}
		b := []byte(s)
		i := next(len(b))
		switch next(3) {
		case 0:
			b[i] = byte(next(256))
		case 1:
			b = append(b[:i], b[i+1:]...)
		default:
			b = append(b[:i], append([]byte{"{}[]\",:%\\"[next(9)]}, b[i:]...)...)
		}
		return string(b)
	}
	for range 3000 {
		target := mutate(targets[next(len(targets))])
		if _, err := url.ParseRequestURI(target); err != nil || strings.ContainsAny(target, " \x00\r\n#") {
			continue // not a request a client can send
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("panic on %s: %v", target, p)
				}
			}()
			got := do(t, srv, methods[next(len(methods))], target, types[next(len(types))], mutate(bodies[next(len(bodies))]), headers[next(len(headers))]...)
			if got.status >= 500 {
				t.Errorf("%s: %d %s", target, got.status, got.body)
			}
		}()
	}
}
