package quicksight_test

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
	sdk "github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	qs "github.com/smithygen/smithygen/generated/quicksight"
)

// FuzzServeHTTP sends one request made of the fuzz inputs — method, escaped
// path, raw query, header lines ("Name: value", one a line) and body — to a
// Fake served by NewServer. The request goes through http.ReadRequest first,
// so it is one net/http could deliver; what ReadRequest refuses is skipped.
// No request may make the server panic, hang (each runs under a context
// deadline and must return soon after it) or reply 5xx, every error reply
// names its error type in X-Amzn-Errortype, and every JSON reply is JSON.
//
// The fake holds the connector fuzzConnector of fuzzAccount when the request
// arrives, so that the recorded SDK requests of the seed corpus (testdata/fuzz
// and fuzzSeeds) reach an existing resource.
//
// Run it with: go test -run '^$' -fuzz FuzzServeHTTP -fuzztime 60s ./generated/quicksight
func FuzzServeHTTP(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s.method, s.path, s.query, s.headers, s.body)
	}
	f.Fuzz(func(t *testing.T, method, path, query, headers string, body []byte) {
		req, ok := fuzzRequest(method, path, query, headers, body)
		if !ok {
			return
		}
		var logs fuzzLog
		fake := fuzzFake(t)
		srv := qs.NewServer(fake, qs.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
		rec := fuzzServe(t, srv, req)
		fuzzCheckReply(t, rec, &logs, method, path, query, headers, body)
	})
}

// Identifiers of the connector every fuzzed request finds in the fake.
const (
	fuzzAccount   = "111122223333"
	fuzzConnector = "fz"
)

// fuzzFake returns a Fake holding three connectors, fuzzConnector first.
func fuzzFake(t testing.TB) *qs.Fake {
	fake := qs.NewFake(qs.WithFakeClock(func() time.Time { return time.Unix(1700000000, 0) }))
	for _, id := range []string{fuzzConnector, fuzzConnector + "b", fuzzConnector + "c"} {
		_, err := fake.CreateActionConnector(context.Background(), &qs.CreateActionConnectorInput{
			AwsAccountId: aws.String(fuzzAccount), ActionConnectorId: aws.String(id), Name: aws.String("Fuzz"),
			Type: qs.ActionConnectorTypeGenericHttp,
			AuthenticationConfig: &qs.AuthConfig{AuthenticationType: qs.ConnectionAuthTypeNone, AuthenticationMetadata: &qs.AuthenticationMetadataMemberNoneConnectionMetadata{
				Value: qs.NoneConnectionMetadata{BaseEndpoint: "https://none.example.com"}}},
		})
		if err != nil {
			t.Fatalf("seeding the fake: %v", err)
		}
	}
	return fake
}

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

// fuzzAuthConfigs returns one AuthConfig of every AuthenticationMetadata variant.
func fuzzAuthConfigs() []*types.AuthConfig {
	return []*types.AuthConfig{
		{AuthenticationType: types.ConnectionAuthTypeApiKey, AuthenticationMetadata: &types.AuthenticationMetadataMemberApiKeyConnectionMetadata{
			Value: types.APIKeyConnectionMetadata{BaseEndpoint: aws.String("https://api.example.com"), ApiKey: aws.String("key"), Email: aws.String("ops@example.com")}}},
		{AuthenticationType: types.ConnectionAuthTypeBasic, AuthenticationMetadata: &types.AuthenticationMetadataMemberBasicAuthConnectionMetadata{
			Value: types.BasicAuthConnectionMetadata{BaseEndpoint: aws.String("https://basic.example.com"), Username: aws.String("u"), Password: aws.String("p")}}},
		{AuthenticationType: types.ConnectionAuthTypeOauth2ClientCredentials, AuthenticationMetadata: &types.AuthenticationMetadataMemberClientCredentialsGrantMetadata{
			Value: types.ClientCredentialsGrantMetadata{BaseEndpoint: aws.String("https://cc.example.com"), ClientCredentialsSource: types.ClientCredentialsSourcePlainCredentials,
				ClientCredentialsDetails: &types.ClientCredentialsDetailsMemberClientCredentialsGrantDetails{Value: types.ClientCredentialsGrantDetails{
					ClientId: aws.String("cid"), ClientSecret: aws.String("cs"), TokenEndpoint: aws.String("https://token.example.com")}}}}},
		{AuthenticationType: types.ConnectionAuthTypeOauth2AuthorizationCode, AuthenticationMetadata: &types.AuthenticationMetadataMemberAuthorizationCodeGrantMetadata{
			Value: types.AuthorizationCodeGrantMetadata{BaseEndpoint: aws.String("https://ac.example.com"), RedirectUrl: aws.String("https://redirect.example.com"),
				AuthorizationCodeGrantCredentialsSource: types.AuthorizationCodeGrantCredentialsSourcePlainCredentials,
				AuthorizationCodeGrantCredentialsDetails: &types.AuthorizationCodeGrantCredentialsDetailsMemberAuthorizationCodeGrantDetails{Value: types.AuthorizationCodeGrantDetails{
					ClientId: aws.String("cid"), ClientSecret: aws.String("as"), TokenEndpoint: aws.String("https://token.example.com"),
					AuthorizationEndpoint: aws.String("https://auth.example.com")}}}}},
		{AuthenticationType: types.ConnectionAuthTypeNone, AuthenticationMetadata: &types.AuthenticationMetadataMemberNoneConnectionMetadata{
			Value: types.NoneConnectionMetadata{BaseEndpoint: aws.String("https://none.example.com")}}},
		{AuthenticationType: types.ConnectionAuthTypeIam, AuthenticationMetadata: &types.AuthenticationMetadataMemberIamConnectionMetadata{
			Value: types.IAMConnectionMetadata{RoleArn: aws.String("arn:aws:iam::111122223333:role/fuzz")}}},
	}
}

// fuzzSeeds records the requests the real SDK client sends for every
// operation (every AuthenticationMetadata variant on create and update),
// against a fake in the state FuzzServeHTTP's fakes start in, and adds
// hand-written malformed requests.
func fuzzSeeds(t testing.TB) []fuzzSeed {
	ctx := context.Background()
	rec := &fuzzRecorder{h: qs.NewServer(fuzzFake(t))}
	c := sdk.New(sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String("http://127.0.0.1"),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""), HTTPClient: rec, RetryMaxAttempts: 1})
	must := func(_ any, err error) {
		if err != nil {
			t.Fatalf("recording %s: %v", rec.op, err)
		}
	}
	rec.op = "DescribeActionConnector"
	must(c.DescribeActionConnector(ctx, &sdk.DescribeActionConnectorInput{AwsAccountId: aws.String(fuzzAccount), ActionConnectorId: aws.String(fuzzConnector)}))
	rec.op = "ListActionConnectors"
	page, err := c.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(fuzzAccount), MaxResults: aws.Int32(2)})
	must(page, err)
	must(c.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(fuzzAccount), MaxResults: aws.Int32(2), NextToken: page.NextToken}))
	for i, cfg := range fuzzAuthConfigs() {
		rec.op = "CreateActionConnector"
		must(c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{AwsAccountId: aws.String(fuzzAccount), ActionConnectorId: aws.String(fmt.Sprintf("fz%d", i)),
			Name: aws.String("Fuzz"), Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: cfg, Description: aws.String("d"),
			Tags:        []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}},
			Permissions: []types.ResourcePermission{{Principal: aws.String("arn:aws:quicksight:us-east-1:111122223333:user/default/u"), Actions: []string{"quicksight:DescribeActionConnector"}}}}))
		rec.op = "UpdateActionConnector"
		must(c.UpdateActionConnector(ctx, &sdk.UpdateActionConnectorInput{AwsAccountId: aws.String(fuzzAccount), ActionConnectorId: aws.String(fuzzConnector),
			Name: aws.String("Fuzz 2"), AuthenticationConfig: cfg, Description: aws.String("d2"), VpcConnectionArn: aws.String("arn:aws:quicksight:us-east-1:111122223333:vpcConnection/v")}))
	}
	rec.op = "DeleteActionConnector"
	must(c.DeleteActionConnector(ctx, &sdk.DeleteActionConnectorInput{AwsAccountId: aws.String(fuzzAccount), ActionConnectorId: aws.String(fuzzConnector)}))

	seeds := rec.seeds
	create := seeds[slices.IndexFunc(seeds, func(s fuzzSeed) bool { return strings.HasSuffix(s.name, "-CreateActionConnector") })]
	ct := "Content-Type: application/json"
	seeds = append(seeds, []fuzzSeed{
		{"malformed-json", "POST", create.path, "", ct, []byte(`{"Name": "x", "Type": `)},
		{"wrong-types", "POST", create.path, "", ct, []byte(`{"Name": 1, "Type": [], "AuthenticationConfig": {"AuthenticationMetadata": {"A": {}, "B": {}}}}`)},
		{"deep-json", "POST", create.path, "", ct, []byte(strings.Repeat(`{"a":[`, 200))},
		{"wrong-content-type", "POST", create.path, "", "Content-Type: text/plain", create.body},
		{"not-acceptable", "GET", create.path, "", "Accept: text/html", nil},
		{"unknown-route", "GET", "/nowhere/at/all", "", "", nil},
		{"wrong-method", "PATCH", create.path, "", "", nil},
		{"bad-escape", "GET", "/accounts/%zz/action-connectors/%", "", "", nil},
		{"bad-query", "GET", create.path, "max-results=notanumber&max-results=1&next-token=%zz", "", nil},
		{"big-query", "GET", create.path, "max-results=99999999999999999999", "", nil},
		{"body-on-get", "GET", create.path, "", ct, []byte(`{}`)},
		{"null-body", "PUT", "/accounts/" + fuzzAccount + "/action-connectors/" + fuzzConnector, "", ct, []byte(`null`)},
		{"invalid-utf8-label", "GET", "/accounts/" + fuzzAccount + "/action-connectors/fz%ff", "", "", nil},
		{"arn-label", "DELETE", "/accounts/" + fuzzAccount + "/action-connectors/arn:aws:quicksight:us-east-1:" + fuzzAccount + ":actionconnector%2Ffz", "", "", nil},
		{"arn-id-on-create", "POST", create.path, "", ct, []byte(`{"ActionConnectorId": "arn:x/", "Name": "n", "Type": "GENERIC_HTTP", "AuthenticationConfig": {"AuthenticationType": "NONE", "AuthenticationMetadata": {"NoneConnectionMetadata": {"BaseEndpoint": "https://x"}}}}`)},
	}...)
	return seeds
}

// TestFakeKeepsClientChosenIDs: an ActionConnectorId is chosen by the
// client; the connector a create makes has that ID, or the create is
// refused. The model's pattern ([\w\-]+, not anchored, as Smithy patterns
// are not) lets "arn:x/" through, and the fake reads any ID that starts with
// arn: as an ARN and keeps what follows its last slash: the reply says the
// connector's ID is "" (found while seeding FuzzServeHTTP).
func TestFakeKeepsClientChosenIDs(t *testing.T) {
	for _, id := range []string{"arn:x/", "arn:/"} {
		body := `{"ActionConnectorId": "` + id + `", "Name": "n", "Type": "GENERIC_HTTP", "AuthenticationConfig": {"AuthenticationType": "NONE", "AuthenticationMetadata": {"NoneConnectionMetadata": {"BaseEndpoint": "https://x"}}}}`
		req, ok := fuzzRequest("POST", "/accounts/"+fuzzAccount+"/action-connectors", "", "Content-Type: application/json", []byte(body))
		require.True(t, ok)
		rec := fuzzServe(t, qs.NewServer(fuzzFake(t)), req)
		if rec.Code >= 400 {
			continue // refused: fine
		}
		var out qs.CreateActionConnectorOutput
		require.NoError(t, out.UnmarshalJSON(rec.Body.Bytes()))
		assert.Equal(t, id, aws.ToString(out.ActionConnectorId), "the ID of the connector created as %q", id)
	}
}

// TestFuzzServeHTTPCorpus checks that testdata/fuzz/FuzzServeHTTP holds a
// recorded request of every operation. With SMITHYGEN_UPDATE_FUZZ_CORPUS=1 it
// first rewrites the seed-* files from fuzzSeeds (files of crashers, not named
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
	// The recorded requests survive fuzzRequest: each succeeds on a fresh fake.
	for _, s := range fuzzSeeds(t) {
		if !strings.Contains(s.name, "Action") {
			continue // a hand-written malformed request
		}
		req, ok := fuzzRequest(s.method, s.path, s.query, s.headers, s.body)
		require.True(t, ok, s.name)
		rec := fuzzServe(t, qs.NewServer(fuzzFake(t)), req)
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
		if op, ok := qs.MatchOperation(req); ok {
			covered[op] = true
		}
	}
	for _, op := range []string{"CreateActionConnector", "DeleteActionConnector", "DescribeActionConnector", "ListActionConnectors", "UpdateActionConnector"} {
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
