package appfabric_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/appfabric"
	"github.com/aws/aws-sdk-go-v2/service/appfabric/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	af "github.com/smithygen/smithygen/generated/appfabric"
)

// Known values of every @sensitive member the test sends: the OAuth client
// secret and API key of an app authorization's credential and the
// authorization code of a connect. All are write-only: they must never leave
// the server, nor reach a log or an error.
const (
	secretClientSecret = "af-clientsecret-S3CR3T-4e21"
	secretAPIKey       = "af-apikey-S3CR3T-90cd"
	secretCode         = "af-authcode-S3CR3T-17b3"
)

var writeOnlySecrets = []string{secretClientSecret, secretAPIKey, secretCode}

// secretCredentials returns a credential of each kind with the known
// secrets (and a suffix, so that updates send new ones).
func secretCredentials(suffix string) map[string]types.Credential {
	return map[string]types.Credential{
		"oauth2": &types.CredentialMemberOauth2Credential{Value: types.Oauth2Credential{ClientId: aws.String("client-1"), ClientSecret: aws.String(secretClientSecret + suffix)}},
		"apikey": &types.CredentialMemberApiKeyCredential{Value: types.ApiKeyCredential{ApiKey: aws.String(secretAPIKey + suffix)}},
	}
}

// TestSecretsNeverLeak runs a full lifecycle — an app authorization of each
// credential kind created, updated with new secrets, connected with an
// authorization code, read, listed, updated and connected while missing,
// created in a missing bundle, refused by validation, sent as malformed JSON,
// deleted — with the real SDK against the in-process server, behind a
// Handler that logs every input and output the way a user's middleware would
// (log.Printf with %v, %+v, %s and %#v, slog's text handler). It captures
// every reply (status, headers, body), every error the SDK returned, the
// server's log and those log lines, and checks that no secret appears.
func TestSecretsNeverLeak(t *testing.T) {
	ctx := context.Background()
	var tr secretTranscript
	logged := &secretLogging{Handler: af.NewFake(), printf: log.New(tr.writer("middleware log.Printf"), "", 0),
		slog: slog.New(slog.NewTextHandler(tr.writer("middleware slog text"), nil))}
	srv := httptest.NewServer(af.NewServer(logged, af.WithLogger(slog.New(slog.NewTextHandler(tr.writer("server log"), &slog.HandlerOptions{Level: slog.LevelDebug})))))
	defer srv.Close()
	c := sdk.New(sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		HTTPClient:  &secretRecorder{tr: &tr}})
	call := func(what string, err error) {
		if err != nil {
			tr.add("SDK error", what+": "+err.Error())
		}
	}
	b, err := c.CreateAppBundle(ctx, &sdk.CreateAppBundleInput{})
	require.NoError(t, err)
	bundle := b.AppBundle.Arn
	tenant := &types.Tenant{TenantIdentifier: aws.String("T1"), TenantDisplayName: aws.String("Tenant one")}
	var auths []*string
	for _, kind := range []string{"oauth2", "apikey"} {
		a, err := c.CreateAppAuthorization(ctx, &sdk.CreateAppAuthorizationInput{AppBundleIdentifier: bundle, App: aws.String("SLACK"),
			AuthType: types.AuthTypeOauth2, Credential: secretCredentials("")[kind], Tenant: tenant})
		require.NoError(t, err, kind)
		auth := a.AppAuthorization.AppAuthorizationArn
		auths = append(auths, auth)
		_, err = c.UpdateAppAuthorization(ctx, &sdk.UpdateAppAuthorizationInput{AppBundleIdentifier: bundle, AppAuthorizationIdentifier: auth,
			Credential: secretCredentials("-updated")[kind], Tenant: tenant})
		require.NoError(t, err, kind)
		_, err = c.ConnectAppAuthorization(ctx, &sdk.ConnectAppAuthorizationInput{AppBundleIdentifier: bundle, AppAuthorizationIdentifier: auth,
			AuthRequest: &types.AuthRequest{RedirectUri: aws.String("https://example.com/cb"), Code: aws.String(secretCode)}})
		require.NoError(t, err, kind)
		_, err = c.GetAppAuthorization(ctx, &sdk.GetAppAuthorizationInput{AppBundleIdentifier: bundle, AppAuthorizationIdentifier: auth})
		require.NoError(t, err, kind)

		missing := aws.String("00000000-0000-4000-8000-000000000000")
		_, err = c.UpdateAppAuthorization(ctx, &sdk.UpdateAppAuthorizationInput{AppBundleIdentifier: bundle, AppAuthorizationIdentifier: missing,
			Credential: secretCredentials("-missing")[kind]})
		require.Error(t, err)
		call("update missing "+kind, err)
		_, err = c.ConnectAppAuthorization(ctx, &sdk.ConnectAppAuthorizationInput{AppBundleIdentifier: bundle, AppAuthorizationIdentifier: missing,
			AuthRequest: &types.AuthRequest{RedirectUri: aws.String("https://example.com/cb"), Code: aws.String(secretCode + "-missing")}})
		require.Error(t, err)
		call("connect missing "+kind, err)
		_, err = c.CreateAppAuthorization(ctx, &sdk.CreateAppAuthorizationInput{AppBundleIdentifier: missing, App: aws.String("SLACK"),
			AuthType: types.AuthTypeOauth2, Credential: secretCredentials("-nobundle")[kind], Tenant: tenant})
		require.Error(t, err)
		call("create in a missing bundle "+kind, err)
	}
	_, err = c.ListAppAuthorizations(ctx, &sdk.ListAppAuthorizationsInput{AppBundleIdentifier: bundle})
	require.NoError(t, err)

	// Validation failures of the secrets themselves: too long.
	long := strings.Repeat("x", 2048)
	for kind, cred := range map[string]types.Credential{
		"oauth2": &types.CredentialMemberOauth2Credential{Value: types.Oauth2Credential{ClientId: aws.String("c"), ClientSecret: aws.String(secretClientSecret + long)}},
		"apikey": &types.CredentialMemberApiKeyCredential{Value: types.ApiKeyCredential{ApiKey: aws.String(secretAPIKey + long)}},
	} {
		_, err = c.UpdateAppAuthorization(ctx, &sdk.UpdateAppAuthorizationInput{AppBundleIdentifier: bundle, AppAuthorizationIdentifier: auths[0], Credential: cred})
		require.Error(t, err, "an invalid update")
		call("invalid update "+kind, err)
	}
	_, err = c.ConnectAppAuthorization(ctx, &sdk.ConnectAppAuthorizationInput{AppBundleIdentifier: bundle, AppAuthorizationIdentifier: auths[0],
		AuthRequest: &types.AuthRequest{RedirectUri: aws.String("https://example.com/cb"), Code: aws.String(secretCode + long)}})
	require.Error(t, err, "an invalid connect")
	call("invalid connect", err)

	// Malformed JSON around secrets, sent by hand.
	path := srv.URL + "/appbundles/" + fuzzID(aws.ToString(bundle)) + "/appauthorizations/" + fuzzID(aws.ToString(auths[0]))
	for i, body := range []string{
		`{"credential": {"oauth2Credential": {"clientId": "c", "clientSecret": "` + secretClientSecret + `\q"}}}`,
		`{"credential": {"apiKeyCredential": {"apiKey": "` + secretAPIKey + `"`,
		`{"credential": {"apiKeyCredential": {"apiKey": ` + secretAPIKey + `}}}`,
		`{"credential": {"apiKeyCredential": {"apiKey": ["` + secretAPIKey + `"]}}}`,
		`{"credential": {"apiKeyCredential": {"apiKey": "` + secretAPIKey + `"}, "oauth2Credential": {"clientId": "c", "clientSecret": "` + secretClientSecret + `"}}}`,
	} {
		req, err := http.NewRequest("PATCH", path, strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		resp, err := (&secretRecorder{tr: &tr}).Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, 400, resp.StatusCode, "malformed body %d", i)
	}
	req, err := http.NewRequest("POST", path+"/connect", strings.NewReader(`{"authRequest": {"redirectUri": "https://x", "code": "`+secretCode+`", "code": 1}}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&secretRecorder{tr: &tr}).Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 400, resp.StatusCode, "a duplicate key")

	for _, auth := range auths {
		_, err := c.DeleteAppAuthorization(ctx, &sdk.DeleteAppAuthorizationInput{AppBundleIdentifier: bundle, AppAuthorizationIdentifier: auth})
		require.NoError(t, err)
	}
	assert.Greater(t, logged.calls, 10, "the middleware logged every call")

	tr.check(t, writeOnlySecrets, nil)
	assert.Contains(t, tr.text("reply"), "Tenant one", "the transcript holds the replies")
	assert.Contains(t, tr.text("middleware log.Printf"), "Sensitive Data Redacted", "the middleware logged redacted inputs")
}

// TestSecretsSlogJSON logs an input with slog's JSON handler, the other
// handler of the standard library: it encodes a value with its MarshalJSON —
// the wire encoding, secrets included — unless the value implements
// slog.LogValuer, which the generated types do not.
func TestSecretsSlogJSON(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	in := &af.UpdateAppAuthorizationInput{AppBundleIdentifier: aws.String("b"), AppAuthorizationIdentifier: aws.String("a"),
		Credential: &af.CredentialMemberOauth2Credential{Value: af.Oauth2Credential{ClientId: "c", ClientSecret: secretClientSecret}}}
	logger.Info("update", "input", in)
	assert.NotContains(t, buf.String(), secretClientSecret, "slog.NewJSONHandler prints a sensitive value of %T", in)
}

// secretLogging is a Handler that logs every call's input and output (or
// error) the way user middleware would, then calls the handler it wraps.
type secretLogging struct {
	af.Handler
	printf *log.Logger
	slog   *slog.Logger
	mu     sync.Mutex
	calls  int
}

func (l *secretLogging) log(op string, in, out any, err error) {
	l.mu.Lock()
	l.calls++
	l.mu.Unlock()
	for _, verb := range []string{"%v", "%+v", "%s", "%#v"} {
		l.printf.Printf(op+" input "+verb+" output "+verb+" error %v", in, out, err)
	}
	// Values as well as pointers.
	l.printf.Printf("%s %v", op, secretDeref(in))
	l.slog.Info("call", "operation", op, "input", in, "output", out, "error", err)
}

// secretDeref returns the value a pointer points to, or v.
func secretDeref(v any) any {
	switch p := v.(type) {
	case *af.CreateAppAuthorizationInput:
		return *p
	case *af.UpdateAppAuthorizationInput:
		return *p
	case *af.ConnectAppAuthorizationInput:
		return *p
	}
	return v
}

func (l *secretLogging) CreateAppBundle(ctx context.Context, in *af.CreateAppBundleInput) (*af.CreateAppBundleOutput, error) {
	out, err := l.Handler.CreateAppBundle(ctx, in)
	l.log("CreateAppBundle", in, out, err)
	return out, err
}

func (l *secretLogging) CreateAppAuthorization(ctx context.Context, in *af.CreateAppAuthorizationInput) (*af.CreateAppAuthorizationOutput, error) {
	out, err := l.Handler.CreateAppAuthorization(ctx, in)
	l.log("CreateAppAuthorization", in, out, err)
	return out, err
}

func (l *secretLogging) UpdateAppAuthorization(ctx context.Context, in *af.UpdateAppAuthorizationInput) (*af.UpdateAppAuthorizationOutput, error) {
	out, err := l.Handler.UpdateAppAuthorization(ctx, in)
	l.log("UpdateAppAuthorization", in, out, err)
	return out, err
}

func (l *secretLogging) ConnectAppAuthorization(ctx context.Context, in *af.ConnectAppAuthorizationInput) (*af.ConnectAppAuthorizationOutput, error) {
	out, err := l.Handler.ConnectAppAuthorization(ctx, in)
	l.log("ConnectAppAuthorization", in, out, err)
	return out, err
}

func (l *secretLogging) GetAppAuthorization(ctx context.Context, in *af.GetAppAuthorizationInput) (*af.GetAppAuthorizationOutput, error) {
	out, err := l.Handler.GetAppAuthorization(ctx, in)
	l.log("GetAppAuthorization", in, out, err)
	return out, err
}

func (l *secretLogging) ListAppAuthorizations(ctx context.Context, in *af.ListAppAuthorizationsInput) (*af.ListAppAuthorizationsOutput, error) {
	out, err := l.Handler.ListAppAuthorizations(ctx, in)
	l.log("ListAppAuthorizations", in, out, err)
	return out, err
}

func (l *secretLogging) DeleteAppAuthorization(ctx context.Context, in *af.DeleteAppAuthorizationInput) (*af.DeleteAppAuthorizationOutput, error) {
	out, err := l.Handler.DeleteAppAuthorization(ctx, in)
	l.log("DeleteAppAuthorization", in, out, err)
	return out, err
}

// secretTranscript collects, by where it was seen, everything the test may
// show: replies, errors, logs.
type secretTranscript struct {
	mu    sync.Mutex
	parts map[string]*strings.Builder
}

func (tr *secretTranscript) add(where, text string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if tr.parts == nil {
		tr.parts = map[string]*strings.Builder{}
	}
	if tr.parts[where] == nil {
		tr.parts[where] = &strings.Builder{}
	}
	tr.parts[where].WriteString(text + "\n")
}

func (tr *secretTranscript) text(where string) string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if b := tr.parts[where]; b != nil {
		return b.String()
	}
	return ""
}

// writer returns a writer that adds to the transcript under where.
func (tr *secretTranscript) writer(where string) io.Writer {
	return secretWriter(func(p []byte) { tr.add(where, string(p)) })
}

type secretWriter func([]byte)

func (w secretWriter) Write(p []byte) (int, error) { w(p); return len(p), nil }

// check fails for each of secrets found in the transcript, but where allowed.
func (tr *secretTranscript) check(t *testing.T, secrets, allowed []string) {
	t.Helper()
	tr.mu.Lock()
	defer tr.mu.Unlock()
	require.NotEmpty(t, tr.parts)
	for where, b := range tr.parts {
		if slices.Contains(allowed, where) {
			continue
		}
		text := b.String()
		for _, s := range secrets {
			if i := strings.Index(text, s); i >= 0 {
				t.Errorf("%s shows the sensitive value %q: ...%s...", where, s, text[max(0, i-200):min(len(text), i+len(s)+100)])
			}
		}
	}
}

// secretRecorder is an HTTP client that adds every reply (status line,
// headers and body) to the transcript.
type secretRecorder struct{ tr *secretTranscript }

func (c *secretRecorder) Do(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", resp.Proto, resp.Status)
	resp.Header.Write(&b)
	b.WriteString("\n")
	b.Write(body)
	c.tr.add("reply", b.String())
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}
