package quicksight_test

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
	sdk "github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	qs "github.com/smithygen/smithygen/generated/quicksight"
)

// Known values of every @sensitive member the test sends. Write-only
// secrets (API key, password, client secrets) must never leave the server;
// the other sensitive values (name, description, e-mail, user name) are
// returned by describe and list, but must not reach a log or an error.
const (
	secretAPIKey       = "qs-apikey-S3CR3T-7f1c"
	secretPassword     = "qs-password-S3CR3T-2b9e"
	secretClientSecret = "qs-clientsecret-S3CR3T-9d04"
	secretAuthCode     = "qs-authcodesecret-S3CR3T-51aa"
	sensitiveName      = "qs-name-S3NS-3c77"
	sensitiveDesc      = "qs-description-S3NS-e0d2"
	sensitiveEmail     = "qs-email-s3ns-8a41@example.com"
	sensitiveUser      = "qs-username-S3NS-66b0"
)

var (
	writeOnlySecrets = []string{secretAPIKey, secretPassword, secretClientSecret, secretAuthCode}
	readableSecrets  = []string{sensitiveName, sensitiveDesc, sensitiveEmail, sensitiveUser}
)

// secretAuthConfigs returns an AuthConfig of every AuthenticationMetadata
// variant, with the known secrets (and a suffix, so that updates send new ones).
func secretAuthConfigs(suffix string) map[string]*types.AuthConfig {
	return map[string]*types.AuthConfig{
		"apikey": {AuthenticationType: types.ConnectionAuthTypeApiKey, AuthenticationMetadata: &types.AuthenticationMetadataMemberApiKeyConnectionMetadata{
			Value: types.APIKeyConnectionMetadata{BaseEndpoint: aws.String("https://api.example.com"), ApiKey: aws.String(secretAPIKey + suffix), Email: aws.String(sensitiveEmail)}}},
		"basic": {AuthenticationType: types.ConnectionAuthTypeBasic, AuthenticationMetadata: &types.AuthenticationMetadataMemberBasicAuthConnectionMetadata{
			Value: types.BasicAuthConnectionMetadata{BaseEndpoint: aws.String("https://basic.example.com"), Username: aws.String(sensitiveUser), Password: aws.String(secretPassword + suffix)}}},
		"clientcreds": {AuthenticationType: types.ConnectionAuthTypeOauth2ClientCredentials, AuthenticationMetadata: &types.AuthenticationMetadataMemberClientCredentialsGrantMetadata{
			Value: types.ClientCredentialsGrantMetadata{BaseEndpoint: aws.String("https://cc.example.com"), ClientCredentialsSource: types.ClientCredentialsSourcePlainCredentials,
				ClientCredentialsDetails: &types.ClientCredentialsDetailsMemberClientCredentialsGrantDetails{Value: types.ClientCredentialsGrantDetails{
					ClientId: aws.String("cid"), ClientSecret: aws.String(secretClientSecret + suffix), TokenEndpoint: aws.String("https://token.example.com")}}}}},
		"authcode": {AuthenticationType: types.ConnectionAuthTypeOauth2AuthorizationCode, AuthenticationMetadata: &types.AuthenticationMetadataMemberAuthorizationCodeGrantMetadata{
			Value: types.AuthorizationCodeGrantMetadata{BaseEndpoint: aws.String("https://ac.example.com"), RedirectUrl: aws.String("https://redirect.example.com"),
				AuthorizationCodeGrantCredentialsSource: types.AuthorizationCodeGrantCredentialsSourcePlainCredentials,
				AuthorizationCodeGrantCredentialsDetails: &types.AuthorizationCodeGrantCredentialsDetailsMemberAuthorizationCodeGrantDetails{Value: types.AuthorizationCodeGrantDetails{
					ClientId: aws.String("cid"), ClientSecret: aws.String(secretAuthCode + suffix), TokenEndpoint: aws.String("https://token.example.com"),
					AuthorizationEndpoint: aws.String("https://auth.example.com")}}}}},
		"none": {AuthenticationType: types.ConnectionAuthTypeNone, AuthenticationMetadata: &types.AuthenticationMetadataMemberNoneConnectionMetadata{
			Value: types.NoneConnectionMetadata{BaseEndpoint: aws.String("https://none.example.com")}}},
		"iam": {AuthenticationType: types.ConnectionAuthTypeIam, AuthenticationMetadata: &types.AuthenticationMetadataMemberIamConnectionMetadata{
			Value: types.IAMConnectionMetadata{RoleArn: aws.String("arn:aws:iam::111122223333:role/secrets")}}},
	}
}

// TestSecretsNeverLeak runs a full lifecycle — every AuthenticationMetadata
// variant created, created again (conflict), updated with new secrets,
// described, listed, updated while missing, refused by validation, sent as
// malformed JSON, deleted — with the real SDK against the in-process server,
// behind a Handler that logs every input and output the way a user's
// middleware would (log.Printf with %v, %+v, %s and %#v, slog's text
// handler). It captures every reply (status, headers, body), every error the
// SDK returned, the server's log and those log lines, and checks that no
// write-only secret appears anywhere and no other sensitive value in a log
// or an error.
func TestSecretsNeverLeak(t *testing.T) {
	ctx := context.Background()
	var tr secretTranscript
	logged := &secretLogging{Handler: qs.NewFake(), printf: log.New(tr.writer("middleware log.Printf"), "", 0),
		slog: slog.New(slog.NewTextHandler(tr.writer("middleware slog text"), nil))}
	srv := httptest.NewServer(qs.NewServer(logged, qs.WithLogger(slog.New(slog.NewTextHandler(tr.writer("server log"), &slog.HandlerOptions{Level: slog.LevelDebug})))))
	defer srv.Close()
	c := sdk.New(sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		HTTPClient:  &secretRecorder{tr: &tr}})
	call := func(what string, err error) {
		if err != nil {
			tr.add("SDK error", what+": "+err.Error())
		}
	}
	account := aws.String(fuzzAccount)
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range secretAuthConfigs("") {
			if !yield(n) {
				return
			}
		}
	})
	for _, name := range names {
		id := aws.String("secret-" + name)
		_, err := c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{AwsAccountId: account, ActionConnectorId: id, Name: aws.String(sensitiveName),
			Description: aws.String(sensitiveDesc), Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: secretAuthConfigs("")[name]})
		require.NoError(t, err, name)
		_, err = c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{AwsAccountId: account, ActionConnectorId: id, Name: aws.String(sensitiveName),
			Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: secretAuthConfigs("-again")[name]})
		require.Error(t, err, "a duplicate create")
		call("duplicate create "+name, err)
		_, err = c.UpdateActionConnector(ctx, &sdk.UpdateActionConnectorInput{AwsAccountId: account, ActionConnectorId: id, Name: aws.String(sensitiveName + "-2"),
			Description: aws.String(sensitiveDesc + "-2"), AuthenticationConfig: secretAuthConfigs("-updated")[name]})
		require.NoError(t, err, name)
		_, err = c.DescribeActionConnector(ctx, &sdk.DescribeActionConnectorInput{AwsAccountId: account, ActionConnectorId: id})
		require.NoError(t, err, name)
		_, err = c.UpdateActionConnector(ctx, &sdk.UpdateActionConnectorInput{AwsAccountId: account, ActionConnectorId: aws.String("missing-" + name),
			Name: aws.String(sensitiveName), AuthenticationConfig: secretAuthConfigs("-missing")[name]})
		require.Error(t, err, "an update of a missing connector")
		call("update missing "+name, err)
	}
	_, err := c.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: account})
	require.NoError(t, err)

	// Validation failures of sensitive members: too long a client secret, an
	// e-mail that is not one, a name too long.
	bad := secretAuthConfigs("")
	bad["clientcreds"].AuthenticationMetadata.(*types.AuthenticationMetadataMemberClientCredentialsGrantMetadata).Value.ClientCredentialsDetails.(*types.ClientCredentialsDetailsMemberClientCredentialsGrantDetails).Value.ClientSecret = aws.String(secretClientSecret + strings.Repeat("x", 2048))
	bad["apikey"].AuthenticationMetadata.(*types.AuthenticationMetadataMemberApiKeyConnectionMetadata).Value.Email = aws.String("S3NS-not-an-email " + sensitiveName)
	for _, name := range []string{"clientcreds", "apikey"} {
		_, err = c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{AwsAccountId: account, ActionConnectorId: aws.String("invalid-" + name),
			Name: aws.String(sensitiveName + strings.Repeat("n", 300)), Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: bad[name]})
		require.Error(t, err, "an invalid create")
		call("invalid create "+name, err)
	}

	// Malformed JSON around secrets, sent by hand.
	for i, body := range []string{
		`{"Name": "` + sensitiveName + `", "Type": "GENERIC_HTTP", "AuthenticationConfig": {"AuthenticationType": "API_KEY", "AuthenticationMetadata": {"ApiKeyConnectionMetadata": {"BaseEndpoint": "https://x", "ApiKey": "` + secretAPIKey + `\q"}}}}`,
		`{"AuthenticationConfig": {"AuthenticationMetadata": {"BasicAuthConnectionMetadata": {"Username": "` + sensitiveUser + `", "Password": "` + secretPassword + `"`,
		`{"AuthenticationConfig": {"AuthenticationMetadata": {"BasicAuthConnectionMetadata": {"Password": ` + secretPassword + `}}}}`,
		`{"AuthenticationConfig": {"AuthenticationMetadata": {"BasicAuthConnectionMetadata": {"Password": "` + secretPassword + `", "Password": 1}}}}`,
		`{"AuthenticationConfig": {"AuthenticationMetadata": {"ApiKeyConnectionMetadata": {"ApiKey": "` + secretAPIKey + `"}, "NoneConnectionMetadata": {}}}}`,
		`{"AuthenticationConfig": {"AuthenticationMetadata": {"ApiKeyConnectionMetadata": {"ApiKey": ["` + secretAPIKey + `"]}}}}`,
	} {
		req, err := http.NewRequest("POST", srv.URL+"/accounts/"+fuzzAccount+"/action-connectors", strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		resp, err := (&secretRecorder{tr: &tr}).Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, 400, resp.StatusCode, "malformed body %d", i)
	}

	for _, name := range names {
		_, err := c.DeleteActionConnector(ctx, &sdk.DeleteActionConnectorInput{AwsAccountId: account, ActionConnectorId: aws.String("secret-" + name)})
		require.NoError(t, err, name)
	}
	assert.Greater(t, logged.calls, 20, "the middleware logged every call")

	tr.check(t, writeOnlySecrets, nil)
	tr.check(t, readableSecrets, []string{"reply"})
	assert.Contains(t, tr.text("reply"), sensitiveName, "the transcript holds the replies")
	assert.Contains(t, tr.text("middleware log.Printf"), "Sensitive Data Redacted", "the middleware logged redacted inputs")
}

// TestSecretsSlogJSON logs inputs and outputs with slog's JSON handler, the
// other handler of the standard library: it encodes a value with its
// MarshalJSON — the wire encoding, secrets included — unless the value
// implements slog.LogValuer, which the generated types do not.
func TestSecretsSlogJSON(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	in := &qs.CreateActionConnectorInput{AwsAccountId: aws.String(fuzzAccount), ActionConnectorId: aws.String("c"), Name: aws.String(sensitiveName),
		Type: qs.ActionConnectorTypeGenericHttp, AuthenticationConfig: &qs.AuthConfig{AuthenticationType: qs.ConnectionAuthTypeBasic,
			AuthenticationMetadata: &qs.AuthenticationMetadataMemberBasicAuthConnectionMetadata{Value: qs.BasicAuthConnectionMetadata{
				BaseEndpoint: "https://b", Username: sensitiveUser, Password: secretPassword}}}}
	logger.Info("create", "input", in)
	for _, s := range append(writeOnlySecrets, readableSecrets...) {
		assert.NotContains(t, buf.String(), s, "slog.NewJSONHandler prints a sensitive value of %T", in)
	}
}

// secretLogging is a Handler that logs every call's input and output (or
// error) the way user middleware would, then calls the handler it wraps.
type secretLogging struct {
	qs.Handler
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
	l.printf.Printf("%s %+v", op, secretDeref(out))
	l.slog.Info("call", "operation", op, "input", in, "output", out, "error", err)
}

// secretDeref returns the value a pointer points to, or v.
func secretDeref(v any) any {
	switch p := v.(type) {
	case *qs.CreateActionConnectorInput:
		return *p
	case *qs.UpdateActionConnectorInput:
		return *p
	case *qs.DescribeActionConnectorOutput:
		if p != nil {
			return *p
		}
	case *qs.ListActionConnectorsOutput:
		if p != nil {
			return *p
		}
	}
	return v
}

func (l *secretLogging) CreateActionConnector(ctx context.Context, in *qs.CreateActionConnectorInput) (*qs.CreateActionConnectorOutput, error) {
	out, err := l.Handler.CreateActionConnector(ctx, in)
	l.log("CreateActionConnector", in, out, err)
	return out, err
}

func (l *secretLogging) UpdateActionConnector(ctx context.Context, in *qs.UpdateActionConnectorInput) (*qs.UpdateActionConnectorOutput, error) {
	out, err := l.Handler.UpdateActionConnector(ctx, in)
	l.log("UpdateActionConnector", in, out, err)
	return out, err
}

func (l *secretLogging) DescribeActionConnector(ctx context.Context, in *qs.DescribeActionConnectorInput) (*qs.DescribeActionConnectorOutput, error) {
	out, err := l.Handler.DescribeActionConnector(ctx, in)
	l.log("DescribeActionConnector", in, out, err)
	return out, err
}

func (l *secretLogging) ListActionConnectors(ctx context.Context, in *qs.ListActionConnectorsInput) (*qs.ListActionConnectorsOutput, error) {
	out, err := l.Handler.ListActionConnectors(ctx, in)
	l.log("ListActionConnectors", in, out, err)
	return out, err
}

func (l *secretLogging) DeleteActionConnector(ctx context.Context, in *qs.DeleteActionConnectorInput) (*qs.DeleteActionConnectorOutput, error) {
	out, err := l.Handler.DeleteActionConnector(ctx, in)
	l.log("DeleteActionConnector", in, out, err)
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
