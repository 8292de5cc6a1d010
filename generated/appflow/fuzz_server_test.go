package appflow_test

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
	sdk "github.com/aws/aws-sdk-go-v2/service/appflow"
	"github.com/aws/aws-sdk-go-v2/service/appflow/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	fl "github.com/smithygen/smithygen/generated/appflow"
)

// FuzzServeHTTP sends one request made of the fuzz inputs — method, escaped
// path, raw query, header lines ("Name: value", one a line) and body — to a
// Fake served by NewServer. The request goes through http.ReadRequest first,
// so it is one net/http could deliver; what ReadRequest refuses is skipped.
// No request may make the server panic, hang (each runs under a context
// deadline and must return soon after it) or reply 5xx, every error reply
// names its error type in X-Amzn-Errortype, and every JSON reply is JSON.
//
// The fake holds the profiles fuzzProfile, fuzzProfile+"b" and
// fuzzProfile+"c" when the request arrives, so that the recorded SDK requests
// of the seed corpus (testdata/fuzz and fuzzSeeds) reach existing resources.
//
// Run it with: go test -run '^$' -fuzz FuzzServeHTTP -fuzztime 60s ./generated/appflow
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
		srv := fl.NewServer(fake, fl.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
		rec := fuzzServe(t, srv, req)
		fuzzCheckReply(t, rec, &logs, method, path, query, headers, body)
	})
}

// fuzzProfile is the name of the first connector profile of fuzzFake.
const fuzzProfile = "fz"

// fuzzFake returns a Fake holding three Redshift connector profiles, fuzzProfile first.
func fuzzFake(t testing.TB) *fl.Fake {
	fake := fl.NewFake(fl.WithFakeClock(func() time.Time { return time.Unix(1700000000, 0) }))
	for _, name := range []string{fuzzProfile, fuzzProfile + "b", fuzzProfile + "c"} {
		_, err := fake.CreateConnectorProfile(context.Background(), &fl.CreateConnectorProfileInput{ConnectorProfileName: aws.String(name),
			ConnectorType: fl.ConnectorTypeRedshift, ConnectionMode: fl.ConnectionModePublic, ConnectorLabel: aws.String("label"),
			ConnectorProfileConfig: &fl.ConnectorProfileConfig{
				ConnectorProfileProperties: &fl.ConnectorProfileProperties{Redshift: &fl.RedshiftConnectorProfileProperties{
					BucketName: "bucket", RoleArn: "arn:aws:iam::123456789012:role/appflow", DatabaseUrl: aws.String("jdbc:redshift://example:5439/dev")}},
				ConnectorProfileCredentials: &fl.ConnectorProfileCredentials{Redshift: &fl.RedshiftConnectorProfileCredentials{
					Username: aws.String("admin"), Password: aws.String("pw")}},
			}})
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

// fuzzSeeds records the requests the real SDK client sends for every
// operation (several connector types on create and update), against a fake
// in the state FuzzServeHTTP's fakes start in, and adds hand-written
// malformed requests.
func fuzzSeeds(t testing.TB) []fuzzSeed {
	ctx := context.Background()
	rec := &fuzzRecorder{h: fl.NewServer(fuzzFake(t))}
	c := sdk.New(sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String("http://127.0.0.1"),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""), HTTPClient: rec, RetryMaxAttempts: 1})
	must := func(_ any, err error) {
		if err != nil {
			t.Fatalf("recording %s: %v", rec.op, err)
		}
	}
	rec.op = "DescribeConnectorProfiles"
	page, err := c.DescribeConnectorProfiles(ctx, &sdk.DescribeConnectorProfilesInput{MaxResults: aws.Int32(2)})
	must(page, err)
	must(c.DescribeConnectorProfiles(ctx, &sdk.DescribeConnectorProfilesInput{MaxResults: aws.Int32(2), NextToken: page.NextToken}))
	must(c.DescribeConnectorProfiles(ctx, &sdk.DescribeConnectorProfilesInput{ConnectorProfileNames: []string{fuzzProfile, "missing"},
		ConnectorType: types.ConnectorTypeRedshift, ConnectorLabel: aws.String("label")}))
	configs := []struct {
		typ types.ConnectorType
		cfg *types.ConnectorProfileConfig
	}{
		{types.ConnectorTypeRedshift, &types.ConnectorProfileConfig{
			ConnectorProfileProperties: &types.ConnectorProfileProperties{Redshift: &types.RedshiftConnectorProfileProperties{
				BucketName: aws.String("bucket"), RoleArn: aws.String("arn:aws:iam::123456789012:role/appflow"), DatabaseUrl: aws.String("jdbc:redshift://example:5439/dev")}},
			ConnectorProfileCredentials: &types.ConnectorProfileCredentials{Redshift: &types.RedshiftConnectorProfileCredentials{Username: aws.String("u"), Password: aws.String("p")}}}},
		{types.ConnectorTypeSalesforce, &types.ConnectorProfileConfig{
			ConnectorProfileProperties: &types.ConnectorProfileProperties{Salesforce: &types.SalesforceConnectorProfileProperties{
				InstanceUrl: aws.String("https://example.my.salesforce.com"), IsSandboxEnvironment: true}},
			ConnectorProfileCredentials: &types.ConnectorProfileCredentials{Salesforce: &types.SalesforceConnectorProfileCredentials{
				AccessToken: aws.String("at"), RefreshToken: aws.String("rt"), ClientCredentialsArn: aws.String("arn:aws:secretsmanager:us-east-1:123456789012:secret:s"),
				OAuthRequest: &types.ConnectorOAuthRequest{AuthCode: aws.String("code"), RedirectUri: aws.String("https://example.com/cb")}}}}},
		{types.ConnectorTypeCustomconnector, &types.ConnectorProfileConfig{
			ConnectorProfileProperties: &types.ConnectorProfileProperties{CustomConnector: &types.CustomConnectorProfileProperties{
				ProfileProperties: map[string]string{"k": "v"}}},
			ConnectorProfileCredentials: &types.ConnectorProfileCredentials{CustomConnector: &types.CustomConnectorProfileCredentials{
				AuthenticationType: types.AuthenticationTypeCustom,
				Custom:             &types.CustomAuthCredentials{CustomAuthenticationType: aws.String("t"), CredentialsMap: map[string]string{"a": "b"}}}}}},
	}
	for i, c2 := range configs {
		rec.op = "CreateConnectorProfile"
		must(c.CreateConnectorProfile(ctx, &sdk.CreateConnectorProfileInput{ConnectorProfileName: aws.String(fmt.Sprintf("fz%d", i)),
			ConnectorType: c2.typ, ConnectionMode: types.ConnectionModePublic, ConnectorProfileConfig: c2.cfg, ConnectorLabel: aws.String("label"),
			KmsArn: aws.String("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")}))
		rec.op = "UpdateConnectorProfile"
		must(c.UpdateConnectorProfile(ctx, &sdk.UpdateConnectorProfileInput{ConnectorProfileName: aws.String(fuzzProfile),
			ConnectionMode: types.ConnectionModePrivate, ConnectorProfileConfig: c2.cfg}))
	}
	rec.op = "DeleteConnectorProfile"
	must(c.DeleteConnectorProfile(ctx, &sdk.DeleteConnectorProfileInput{ConnectorProfileName: aws.String(fuzzProfile), ForceDelete: true}))

	seeds := rec.seeds
	ct := "Content-Type: application/json"
	seeds = append(seeds, []fuzzSeed{
		{"malformed-json", "POST", "/create-connector-profile", "", ct, []byte(`{"connectorProfileName": `)},
		{"wrong-types", "POST", "/update-connector-profile", "", ct, []byte(`{"connectorProfileName": 1, "connectorProfileConfig": []}`)},
		{"unknown-members", "POST", "/describe-connector-profiles", "", ct, []byte(`{"future": {"x": [1, null]}, "maxResults": 1e3}`)},
		{"deep-json", "POST", "/describe-connector-profiles", "", ct, []byte(strings.Repeat(`{"a":`, 300))},
		{"wrong-content-type", "POST", "/delete-connector-profile", "", "Content-Type: text/plain", []byte(`{"connectorProfileName": "fz"}`)},
		{"not-acceptable", "POST", "/describe-connector-profiles", "", "Accept: text/html", nil},
		{"unknown-route", "GET", "/nowhere/at/all", "", "", nil},
		{"wrong-method", "GET", "/create-connector-profile", "", "", nil},
		{"empty-body", "POST", "/delete-connector-profile", "", "", nil},
		{"null-body", "POST", "/update-connector-profile", "", ct, []byte(`null`)},
		{"bad-token", "POST", "/describe-connector-profiles", "", ct, []byte(`{"nextToken": "%%%"}`)},
		{"huge-number", "POST", "/describe-connector-profiles", "", ct, []byte(`{"maxResults": 123456789012345678901234567890}`)},
		{"arn-name-on-create", "POST", "/create-connector-profile", "", ct, []byte(`{"connectorProfileName": "arn:p/q", "connectorType": "Redshift", "connectionMode": "Public", "connectorProfileConfig": {"connectorProfileProperties": {}}}`)},
		{"arn-name-on-delete", "POST", "/delete-connector-profile", "", ct, []byte(`{"connectorProfileName": "arn:aws:appflow:us-east-1:123456789012:connectorprofile/fz"}`)},
	}...)
	return seeds
}

// TestFakeKeepsClientChosenNames: a connector profile's name is chosen by
// the client, and the model's pattern ([\w/!@#+=.\-]+, not anchored) lets
// "arn:p/q" through. The fake reads a name that starts with arn: as an ARN
// and stores the profile as "q", so describing the name the create was given
// finds nothing (found while seeding FuzzServeHTTP).
func TestFakeKeepsClientChosenNames(t *testing.T) {
	srv := fl.NewServer(fuzzFake(t))
	ct := "Content-Type: application/json"
	req, ok := fuzzRequest("POST", "/create-connector-profile", "", ct,
		[]byte(`{"connectorProfileName": "arn:p/q", "connectorType": "Redshift", "connectionMode": "Public", "connectorProfileConfig": {"connectorProfileProperties": {}}}`))
	require.True(t, ok)
	if rec := fuzzServe(t, srv, req); rec.Code >= 400 {
		return // refused: fine
	}
	req, ok = fuzzRequest("POST", "/describe-connector-profiles", "", ct, []byte(`{"connectorProfileNames": ["arn:p/q"]}`))
	require.True(t, ok)
	rec := fuzzServe(t, srv, req)
	require.Equal(t, 200, rec.Code, rec.Body.String())
	var out fl.DescribeConnectorProfilesOutput
	require.NoError(t, out.UnmarshalJSON(rec.Body.Bytes()))
	require.Len(t, out.ConnectorProfileDetails, 1, "describing the profile created as arn:p/q")
	assert.Equal(t, "arn:p/q", aws.ToString(out.ConnectorProfileDetails[0].ConnectorProfileName))
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
		if !strings.Contains(s.name, "ConnectorProfile") {
			continue // a hand-written malformed request
		}
		req, ok := fuzzRequest(s.method, s.path, s.query, s.headers, s.body)
		require.True(t, ok, s.name)
		rec := fuzzServe(t, fl.NewServer(fuzzFake(t)), req)
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
		if op, ok := fl.MatchOperation(req); ok {
			covered[op] = true
		}
	}
	for _, op := range []string{"CreateConnectorProfile", "DeleteConnectorProfile", "DescribeConnectorProfiles", "UpdateConnectorProfile"} {
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
