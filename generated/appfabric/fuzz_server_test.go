package appfabric_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/appfabric"
	"github.com/aws/aws-sdk-go-v2/service/appfabric/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	af "github.com/smithygen/smithygen/generated/appfabric"
)

// FuzzServeHTTP sends one request made of the fuzz inputs — method, escaped
// path, raw query, header lines ("Name: value", one a line) and body — to a
// Fake served by NewServer. The request goes through http.ReadRequest first,
// so it is one net/http could deliver; what ReadRequest refuses is skipped.
// No request may make the server panic, hang (each runs under a context
// deadline and must return soon after it) or reply 5xx, every error reply
// names its error type in X-Amzn-Errortype, and every JSON reply is JSON.
//
// The fake holds an app bundle with three app authorizations when the
// request arrives. The fake makes their IDs up, so the seeds (testdata/fuzz
// and fuzzSeeds: requests the SDK sent) name them by the placeholders
// fuzzBundle and fuzzAuth, which are replaced by the real IDs, in every
// input, before the request is built.
//
// Run it with: go test -run '^$' -fuzz FuzzServeHTTP -fuzztime 60s ./generated/appfabric
func FuzzServeHTTP(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s.method, s.path, s.query, s.headers, s.body)
	}
	f.Fuzz(func(t *testing.T, method, path, query, headers string, body []byte) {
		fake, ids := fuzzFake(t)
		req, ok := fuzzRequest(method, ids.Replace(path), ids.Replace(query), ids.Replace(headers), []byte(ids.Replace(string(body))))
		if !ok {
			return
		}
		var logs fuzzLog
		srv := af.NewServer(fake, af.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
		rec := fuzzServe(t, srv, req)
		fuzzCheckReply(t, rec, &logs, method, path, query, headers, body)
	})
}

// Placeholders of the IDs of the app bundle and the first app authorization
// of fuzzFake: valid UUIDs, so that they pass validation in the seeds.
const (
	fuzzBundle = "00000000-0000-4000-8000-00000000b0b0"
	fuzzAuth   = "00000000-0000-4000-8000-00000000a0a0"
)

// fuzzFake returns a Fake holding one app bundle with three app
// authorizations, and a replacer of the placeholders with their IDs.
func fuzzFake(t testing.TB) (*af.Fake, *strings.Replacer) {
	ctx := context.Background()
	fake := af.NewFake(af.WithFakeClock(func() time.Time { return time.Unix(1700000000, 0) }))
	b, err := fake.CreateAppBundle(ctx, &af.CreateAppBundleInput{})
	if err != nil {
		t.Fatalf("seeding the fake: %v", err)
	}
	bundle := fuzzID(b.AppBundle.Arn)
	var first string
	for i := range 3 {
		a, err := fake.CreateAppAuthorization(ctx, &af.CreateAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle), App: aws.String("SLACK"),
			AuthType:   af.AuthTypeApiKey,
			Credential: &af.CredentialMemberApiKeyCredential{Value: af.ApiKeyCredential{ApiKey: "k"}},
			Tenant:     &af.Tenant{TenantIdentifier: "T", TenantDisplayName: "Tenant"}})
		if err != nil {
			t.Fatalf("seeding the fake: %v", err)
		}
		if i == 0 {
			first = fuzzID(a.AppAuthorization.AppAuthorizationArn)
		}
	}
	return fake, strings.NewReplacer(fuzzBundle, bundle, fuzzAuth, first)
}

// fuzzID is the ID an ARN ends with.
func fuzzID(arn string) string { return arn[strings.LastIndexByte(arn, '/')+1:] }

// fuzzRequest builds the HTTP/1.1 request the inputs describe and reads it
// back with http.ReadRequest, as net/http's server would. The body's length
// is always given by Content-Length (Content-Length and Transfer-Encoding
// lines of headers are dropped). It reports false for a request net/http
// would refuse before calling a handler.
func fuzzRequest(method, path, query, headers string, body []byte) (*http.Request, bool) {
	target := path
	if !strings.HasPrefix(target, "/") {
		target = "/" + target
	}
	if query != "" {
		target += "?" + query
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n", method, target)
	for _, line := range strings.Split(headers, "\n") {
		line = strings.TrimSuffix(line, "\r")
		name, _, _ := strings.Cut(line, ":")
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "", "host", "content-length", "transfer-encoding":
			continue
		}
		b.WriteString(line + "\r\n")
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(body))
	b.Write(body)
	req, err := http.ReadRequest(bufio.NewReader(&b))
	if err != nil {
		return nil, false
	}
	// net/http's server refuses header values with control characters (its
	// readRequest checks httpguts.ValidHeaderFieldValue); ReadRequest does not.
	for _, vs := range req.Header {
		for _, v := range vs {
			if strings.ContainsFunc(v, func(r rune) bool { return (r < ' ' && r != '\t') || r == 0x7f }) {
				return nil, false
			}
		}
	}
	req.RemoteAddr = "127.0.0.1:40000"
	return req, true
}

// fuzzServe serves req with h under a 2s context deadline: a handler that
// panics or has not returned 10s later fails the test.
func fuzzServe(t *testing.T, h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	rec := httptest.NewRecorder()
	done := make(chan string, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Sprintf("%v\n%s", p, debug.Stack())
				return
			}
			done <- ""
		}()
		h.ServeHTTP(rec, req.WithContext(ctx))
	}()
	select {
	case p := <-done:
		if p != "" {
			t.Fatalf("ServeHTTP panicked on %s %s: %s", req.Method, req.URL, p)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("ServeHTTP has not returned 10s after %s %s (its context ended after 2s)", req.Method, req.URL)
	}
	return rec
}

// fuzzCheckReply checks what the server replied to a fuzzed request.
func fuzzCheckReply(t *testing.T, rec *httptest.ResponseRecorder, logs *fuzzLog, method, path, query, headers string, body []byte) {
	t.Helper()
	input := func() string {
		return fmt.Sprintf("method %q path %q query %q\nheaders %q\nbody %q", method, path, query, headers, body)
	}
	if rec.Code >= 500 {
		t.Fatalf("status %d for a client's request (%s)\nreply: %s\nserver log: %s", rec.Code, input(), rec.Body, logs)
	}
	if rec.Code >= 400 && rec.Header().Get("X-Amzn-Errortype") == "" {
		t.Errorf("status %d without X-Amzn-Errortype (%s)", rec.Code, input())
	}
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") && rec.Body.Len() > 0 && !json.Valid(rec.Body.Bytes()) {
		t.Errorf("the reply is not JSON: %q (%s)", rec.Body, input())
	}
}

// fuzzLog is a log destination safe for concurrent writes.
type fuzzLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *fuzzLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *fuzzLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// fuzzSeed is one request in the form of FuzzServeHTTP's arguments.
type fuzzSeed struct {
	name                         string
	method, path, query, headers string
	body                         []byte
}

// fuzzRecorder is an SDK HTTP client that serves every request in process
// with h and keeps it as a seed.
type fuzzRecorder struct {
	h     http.Handler
	op    string // the name of the next seed
	seeds []fuzzSeed
}

func (c *fuzzRecorder) Do(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		var err error
		if body, err = io.ReadAll(r.Body); err != nil {
			return nil, err
		}
		r.Body.Close()
	}
	var lines []string
	for name, vs := range r.Header {
		if strings.EqualFold(name, "Content-Length") {
			continue
		}
		for _, v := range vs {
			lines = append(lines, name+": "+v)
		}
	}
	slices.Sort(lines)
	c.seeds = append(c.seeds, fuzzSeed{fmt.Sprintf("%02d-%s", len(c.seeds), c.op), r.Method, r.URL.EscapedPath(), r.URL.RawQuery, strings.Join(lines, "\n"), body})
	r.Body = io.NopCloser(bytes.NewReader(body))
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, r)
	return rec.Result(), nil
}

// fuzzSeeds records the requests the real SDK client sends for every
// operation (both credential kinds on create and update), against a fake in
// the state FuzzServeHTTP's fakes start in, with the IDs of that fake
// replaced by the placeholders; and adds hand-written malformed requests.
func fuzzSeeds(t testing.TB) []fuzzSeed {
	ctx := context.Background()
	fake, ids := fuzzFake(t)
	rec := &fuzzRecorder{h: af.NewServer(fake)}
	c := sdk.New(sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String("http://127.0.0.1"),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""), HTTPClient: rec, RetryMaxAttempts: 1})
	must := func(_ any, err error) {
		if err != nil {
			t.Fatalf("recording %s: %v", rec.op, err)
		}
	}
	// The real IDs, from the placeholders' replacer.
	bundle, auth := ids.Replace(fuzzBundle), ids.Replace(fuzzAuth)
	bundleARN := "arn:aws:appfabric:us-east-1:123456789012:appbundle/" + bundle
	rec.op = "GetAppAuthorization"
	must(c.GetAppAuthorization(ctx, &sdk.GetAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle), AppAuthorizationIdentifier: aws.String(auth)}))
	must(c.GetAppAuthorization(ctx, &sdk.GetAppAuthorizationInput{AppBundleIdentifier: aws.String(bundleARN),
		AppAuthorizationIdentifier: aws.String(bundleARN + "/appauthorization/" + auth)}))
	rec.op = "ListAppAuthorizations"
	page, err := c.ListAppAuthorizations(ctx, &sdk.ListAppAuthorizationsInput{AppBundleIdentifier: aws.String(bundle), MaxResults: aws.Int32(2)})
	must(page, err)
	must(c.ListAppAuthorizations(ctx, &sdk.ListAppAuthorizationsInput{AppBundleIdentifier: aws.String(bundleARN), MaxResults: aws.Int32(2), NextToken: page.NextToken}))
	rec.op = "ConnectAppAuthorization"
	must(c.ConnectAppAuthorization(ctx, &sdk.ConnectAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle), AppAuthorizationIdentifier: aws.String(auth),
		AuthRequest: &types.AuthRequest{RedirectUri: aws.String("https://example.com/cb"), Code: aws.String("code")}}))
	rec.op = "CreateAppBundle"
	must(c.CreateAppBundle(ctx, &sdk.CreateAppBundleInput{}))
	must(c.CreateAppBundle(ctx, &sdk.CreateAppBundleInput{ClientToken: aws.String("2b5f1a9e-0c4d-4d39-9a55-0a6f4c1e7d11"),
		CustomerManagedKeyIdentifier: aws.String("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
		Tags:                         []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}}))
	for _, cred := range []types.Credential{
		&types.CredentialMemberOauth2Credential{Value: types.Oauth2Credential{ClientId: aws.String("cid"), ClientSecret: aws.String("cs")}},
		&types.CredentialMemberApiKeyCredential{Value: types.ApiKeyCredential{ApiKey: aws.String("key")}},
	} {
		rec.op = "CreateAppAuthorization"
		must(c.CreateAppAuthorization(ctx, &sdk.CreateAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle), App: aws.String("SLACK"),
			AuthType: types.AuthTypeOauth2, Credential: cred, Tenant: &types.Tenant{TenantIdentifier: aws.String("T"), TenantDisplayName: aws.String("Tenant")},
			Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}}))
		rec.op = "UpdateAppAuthorization"
		must(c.UpdateAppAuthorization(ctx, &sdk.UpdateAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle), AppAuthorizationIdentifier: aws.String(auth),
			Credential: cred, Tenant: &types.Tenant{TenantIdentifier: aws.String("T2"), TenantDisplayName: aws.String("Tenant 2")}}))
	}
	rec.op = "DeleteAppAuthorization"
	must(c.DeleteAppAuthorization(ctx, &sdk.DeleteAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle), AppAuthorizationIdentifier: aws.String(auth)}))

	placeholders := strings.NewReplacer(bundle, fuzzBundle, auth, fuzzAuth)
	seeds := rec.seeds
	for i, s := range seeds {
		seeds[i].path, seeds[i].query, seeds[i].headers = placeholders.Replace(s.path), placeholders.Replace(s.query), placeholders.Replace(s.headers)
		seeds[i].body = []byte(placeholders.Replace(string(s.body)))
	}
	authPath := "/appbundles/" + fuzzBundle + "/appauthorizations/" + fuzzAuth
	ct := "Content-Type: application/json"
	seeds = append(seeds, []fuzzSeed{
		{"malformed-json", "PATCH", authPath, "", ct, []byte(`{"tenant": `)},
		{"wrong-types", "PATCH", authPath, "", ct, []byte(`{"tenant": 1, "credential": {"oauth2Credential": {}, "apiKeyCredential": {}}}`)},
		{"unknown-credential", "PATCH", authPath, "", ct, []byte(`{"credential": {"futureCredential": {"x": [1]}}}`)},
		{"deep-json", "POST", "/appbundles", "", ct, []byte(strings.Repeat(`[`, 300))},
		{"wrong-content-type", "POST", "/appbundles", "", "Content-Type: text/plain", []byte(`{}`)},
		{"not-acceptable", "GET", authPath, "", "Accept: text/html", nil},
		{"unknown-route", "GET", "/nowhere/at/all", "", "", nil},
		{"wrong-method", "PUT", authPath, "", "", nil},
		{"bad-escape", "GET", "/appbundles/%zz/appauthorizations/%", "", "", nil},
		{"bad-query", "GET", "/appbundles/" + fuzzBundle + "/appauthorizations", "maxResults=x&nextToken=%zz", "", nil},
		{"connect-null", "POST", authPath + "/connect", "", ct, []byte(`null`)},
		{"delete-with-body", "DELETE", authPath, "", ct, []byte(`{}`)},
	}...)
	return seeds
}

// TestFuzzServeHTTPCorpus checks that testdata/fuzz/FuzzServeHTTP holds a
// recorded request of every operation, and that the recorded requests
// succeed on a fresh fake. With SMITHYGEN_UPDATE_FUZZ_CORPUS=1 it first
// rewrites the seed-* files from fuzzSeeds (files of crashers, not named
// seed-*, are kept).
func TestFuzzServeHTTPCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzServeHTTP")
	if os.Getenv("SMITHYGEN_UPDATE_FUZZ_CORPUS") == "1" {
		old, _ := filepath.Glob(filepath.Join(dir, "seed-*"))
		for _, p := range old {
			require.NoError(t, os.Remove(p))
		}
		require.NoError(t, os.MkdirAll(dir, 0o755))
		for _, s := range fuzzSeeds(t) {
			var b strings.Builder
			b.WriteString("go test fuzz v1\n")
			for _, v := range []string{s.method, s.path, s.query, s.headers} {
				b.WriteString("string(" + strconv.Quote(v) + ")\n")
			}
			b.WriteString("[]byte(" + strconv.Quote(string(s.body)) + ")\n")
			require.NoError(t, os.WriteFile(filepath.Join(dir, "seed-"+s.name), []byte(b.String()), 0o644))
		}
	}
	for _, s := range fuzzSeeds(t) {
		if !strings.Contains(s.name, "App") {
			continue // a hand-written malformed request
		}
		fake, ids := fuzzFake(t)
		req, ok := fuzzRequest(s.method, ids.Replace(s.path), ids.Replace(s.query), ids.Replace(s.headers), []byte(ids.Replace(string(s.body))))
		require.True(t, ok, s.name)
		rec := fuzzServe(t, af.NewServer(fake), req)
		assert.Less(t, rec.Code, 300, "%s: %s", s.name, rec.Body)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	require.NoError(t, err)
	covered := map[string]bool{}
	for _, p := range files {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		args := fuzzCorpusArgs(t, p, data)
		req, ok := fuzzRequest(args[0], args[1], args[2], args[3], []byte(args[4]))
		if !ok {
			continue
		}
		if op, ok := af.MatchOperation(req); ok {
			covered[op] = true
		}
	}
	for _, op := range []string{"ConnectAppAuthorization", "CreateAppAuthorization", "CreateAppBundle", "DeleteAppAuthorization",
		"GetAppAuthorization", "ListAppAuthorizations", "UpdateAppAuthorization"} {
		assert.True(t, covered[op], "no request of %s in %s (SMITHYGEN_UPDATE_FUZZ_CORPUS=1 go test -run TestFuzzServeHTTPCorpus rewrites the seeds)", op, dir)
	}
}

// fuzzCorpusArgs decodes a corpus file of FuzzServeHTTP (go test fuzz v1).
func fuzzCorpusArgs(t *testing.T, name string, data []byte) []string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	require.Equal(t, "go test fuzz v1", lines[0], name)
	require.Len(t, lines, 6, "%s: want 5 arguments", name)
	var args []string
	for i, line := range lines[1:] {
		prefix := "string("
		if i == 4 {
			prefix = "[]byte("
		}
		quoted, ok := strings.CutPrefix(line, prefix)
		require.True(t, ok, "%s: argument %d: %q", name, i, line)
		v, err := strconv.Unquote(strings.TrimSuffix(quoted, ")"))
		require.NoError(t, err, "%s: argument %d", name, i)
		args = append(args, v)
	}
	return args
}
