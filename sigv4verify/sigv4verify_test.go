package sigv4verify_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	neturl "net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	smithy "github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	qs "github.com/smithygen/smithygen/generated/quicksight"
	"github.com/smithygen/smithygen/sigv4verify"
)

const (
	account = "111122223333"
	akid    = "AKIDVERIFYTEST"
	secret  = "verify-test-SECRET-key"
)

// serve runs a QuickSight fake behind the verifier and returns its URL.
func serve(t *testing.T, opts ...sigv4verify.Option) string {
	t.Helper()
	v := sigv4verify.New(sigv4verify.Static(map[string]string{akid: secret, "AKIDOTHER": "other-secret"}), opts...)
	srv := httptest.NewServer(qs.NewServer(qs.NewFake(), qs.WithAuthenticator(v.Verify)))
	t.Cleanup(srv.Close)
	return srv.URL
}

func client(url string, creds aws.CredentialsProvider) *sdk.Client {
	return sdk.New(sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds, RetryMaxAttempts: 1})
}

func static(id, key, token string) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(id, key, token)
}

func create(ctx context.Context, c *sdk.Client, id string) error {
	_, err := c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{
		AwsAccountId: aws.String(account), ActionConnectorId: aws.String(id), Name: aws.String(id),
		Type: types.ActionConnectorTypeGenericHttp,
		AuthenticationConfig: &types.AuthConfig{AuthenticationType: types.ConnectionAuthTypeNone,
			AuthenticationMetadata: &types.AuthenticationMetadataMemberNoneConnectionMetadata{
				Value: types.NoneConnectionMetadata{BaseEndpoint: aws.String("https://example.com")}}},
	})
	return err
}

// refusal checks err is the API error code with status 403.
func refusal(t *testing.T, err error, code string) string {
	t.Helper()
	var api smithy.APIError
	require.ErrorAs(t, err, &api)
	assert.Equal(t, code, api.ErrorCode())
	var re *smithyhttp.ResponseError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, http.StatusForbidden, re.HTTPStatusCode())
	assert.NotContains(t, api.ErrorMessage(), secret)
	return api.ErrorMessage()
}

// TestRealClientRightKey: every operation of a real QuickSight client,
// signed with a known key (with and without a session token), passes:
// bodies, labels and query parameters are all signed as the SDK signs them.
func TestRealClientRightKey(t *testing.T) {
	ctx := context.Background()
	url := serve(t)
	for _, creds := range []aws.CredentialsProvider{static(akid, secret, ""), static(akid, secret, "a-session-token")} {
		c := client(url, creds)
		id := "c" + strings.ReplaceAll(time.Now().Format("150405.000000"), ".", "")
		require.NoError(t, create(ctx, c, id))
		require.NoError(t, create(ctx, c, id+"b"))
		_, err := c.DescribeActionConnector(ctx, &sdk.DescribeActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String(id)})
		require.NoError(t, err)
		list, err := c.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account), MaxResults: aws.Int32(1)})
		require.NoError(t, err)
		require.NotNil(t, list.NextToken, "page tokens go in the query, signed")
		_, err = c.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account), NextToken: list.NextToken})
		require.NoError(t, err)
		_, err = c.UpdateActionConnector(ctx, &sdk.UpdateActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String(id),
			Name: aws.String("renamed"), AuthenticationConfig: &types.AuthConfig{AuthenticationType: types.ConnectionAuthTypeNone,
				AuthenticationMetadata: &types.AuthenticationMetadataMemberNoneConnectionMetadata{Value: types.NoneConnectionMetadata{BaseEndpoint: aws.String("https://x")}}}})
		require.NoError(t, err)
		_, err = c.DeleteActionConnector(ctx, &sdk.DeleteActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String(id)})
		require.NoError(t, err)
	}
}

// TestRealClientEscapedLabel: a label that needs escaping (which the SDK
// escapes, and SigV4 escapes once more) is verified; the request then
// reaches validation, which refuses the ID.
func TestRealClientEscapedLabel(t *testing.T) {
	c := client(serve(t), static(akid, secret, ""))
	_, err := c.DescribeActionConnector(context.Background(), &sdk.DescribeActionConnectorInput{
		AwsAccountId: aws.String(account), ActionConnectorId: aws.String("a b/c%d+é")})
	var api smithy.APIError
	require.ErrorAs(t, err, &api)
	assert.Equal(t, "ResourceNotFoundException", api.ErrorCode(), "the signature passed")
	assert.Contains(t, api.ErrorMessage(), "a b/c%d+é does not exist", "and the label arrived as sent")
}

func TestRealClientWrongSecret(t *testing.T) {
	err := create(context.Background(), client(serve(t), static(akid, "not-the-secret", "")), "c1")
	msg := refusal(t, err, sigv4verify.CodeInvalidSignature)
	assert.Contains(t, msg, "The request signature we calculated does not match the signature you provided.")
}

func TestRealClientOtherKnownKey(t *testing.T) {
	// A known access key ID with the secret of another key.
	err := create(context.Background(), client(serve(t), static("AKIDOTHER", secret, "")), "c1")
	refusal(t, err, sigv4verify.CodeInvalidSignature)
}

func TestRealClientUnknownKey(t *testing.T) {
	err := create(context.Background(), client(serve(t), static("AKIDUNKNOWN", secret, "")), "c1")
	msg := refusal(t, err, sigv4verify.CodeUnrecognizedClient)
	assert.Equal(t, "The security token included in the request is invalid.", msg)
}

func TestRealClientUnsigned(t *testing.T) {
	err := create(context.Background(), client(serve(t), aws.AnonymousCredentials{}), "c1")
	msg := refusal(t, err, sigv4verify.CodeMissingAuthenticationToken)
	assert.Equal(t, "Missing Authentication Token", msg)
}

// TestRealClientServerClockAhead: the SDK signs now; the verifier's clock is
// 20 minutes ahead, so the signature has expired. (The reply's Date header is
// the real time, so the SDK sees no clock skew to correct.)
func TestRealClientServerClockAhead(t *testing.T) {
	now := time.Now()
	url := serve(t, sigv4verify.WithClock(func() time.Time { return now.Add(20 * time.Minute) }))
	err := create(context.Background(), client(url, static(akid, secret, "")), "c1")
	msg := refusal(t, err, sigv4verify.CodeInvalidSignature)
	assert.Regexp(t, `^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$`, msg)
}

// signed builds a request to the fake and signs it with aws-sdk-go-v2's
// signer at time at; body nil for none.
func signed(t *testing.T, base, method, path string, body []byte, at time.Time, key string) *http.Request {
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	r, err := http.NewRequest(method, base+path, rd)
	require.NoError(t, err)
	if body != nil {
		r.Header.Set("Content-Type", "application/json")
	}
	sum := sha256.Sum256(body)
	require.NoError(t, v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: akid, SecretAccessKey: key},
		r, hex.EncodeToString(sum[:]), "quicksight", "us-east-1", at))
	return r
}

type reply struct {
	status          int
	code, message   string
	body, requestID string
}

func send(t *testing.T, r *http.Request) reply {
	t.Helper()
	resp, err := http.DefaultClient.Do(r)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var msg struct{ Message string }
	_ = json.Unmarshal(b, &msg)
	return reply{resp.StatusCode, resp.Header.Get("X-Amzn-Errortype"), msg.Message, string(b), resp.Header.Get("X-Amzn-Requestid")}
}

const listPath = "/accounts/" + account + "/action-connectors"

func TestSignedInThePast(t *testing.T) {
	url := serve(t)
	got := send(t, signed(t, url, "GET", listPath, nil, time.Now().Add(-20*time.Minute), secret))
	assert.Equal(t, http.StatusForbidden, got.status)
	assert.Equal(t, sigv4verify.CodeInvalidSignature, got.code)
	assert.Contains(t, got.message, "Signature expired: ")
	assert.Contains(t, got.message, " - 5 min.)")

	got = send(t, signed(t, url, "GET", listPath, nil, time.Now().Add(-4*time.Minute), secret))
	assert.Equal(t, http.StatusOK, got.status, "within the 5 minutes: %s", got.body)
}

func TestSignedInTheFuture(t *testing.T) {
	url := serve(t)
	got := send(t, signed(t, url, "GET", listPath, nil, time.Now().Add(20*time.Minute), secret))
	assert.Equal(t, http.StatusForbidden, got.status)
	assert.Equal(t, sigv4verify.CodeInvalidSignature, got.code)
	assert.Contains(t, got.message, "Signature not yet current: ")
	assert.Contains(t, got.message, " + 5 min.)")
}

func TestMaxSkewOption(t *testing.T) {
	url := serve(t, sigv4verify.WithMaxSkew(30*time.Minute))
	got := send(t, signed(t, url, "GET", listPath, nil, time.Now().Add(-20*time.Minute), secret))
	assert.Equal(t, http.StatusOK, got.status, got.body)
}

// TestTampered: whatever a signed request changes after signing fails.
func TestTampered(t *testing.T) {
	url := serve(t)
	body := []byte(`{"Name":"n","Type":"GENERIC_HTTP","AuthenticationConfig":{"AuthenticationType":"NONE","AuthenticationMetadata":{"NoneConnectionMetadata":{"BaseEndpoint":"https://x"}}}}`)
	path := "/accounts/" + account + "/action-connectors"
	for name, tamper := range map[string]func(r *http.Request){
		"body": func(r *http.Request) {
			b := bytes.Replace(body, []byte(`"n"`), []byte(`"m"`), 1)
			r.Body = io.NopCloser(bytes.NewReader(b))
		},
		"signed header": func(r *http.Request) { r.Header.Set("Content-Type", "application/x-amz-json-1.1") },
		"query":         func(r *http.Request) { r.URL.RawQuery = "extra=1" },
		"method":        func(r *http.Request) { r.Method = "PUT" },
		"path":          func(r *http.Request) { r.URL.Path = listPath + "/" },
		"date": func(r *http.Request) {
			r.Header.Set("X-Amz-Date", time.Now().UTC().Add(time.Second).Format("20060102T150405Z"))
		},
		"signature": func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "Signature=", "Signature=0", 1))
		},
	} {
		r := signed(t, url, "POST", path, body, time.Now().Add(-time.Second), secret)
		tamper(r)
		got := send(t, r)
		assert.Equal(t, http.StatusForbidden, got.status, name)
		assert.Equal(t, sigv4verify.CodeInvalidSignature, got.code, "%s: %s", name, got.message)
	}
	// Untampered, the same request passes (and, its ID missing from the path, is a 404).
	got := send(t, signed(t, url, "POST", path, body, time.Now(), secret))
	assert.NotEqual(t, http.StatusForbidden, got.status, got.body)
}

// TestContentSHA256Header: a declared payload hash must be the body's.
func TestContentSHA256Header(t *testing.T) {
	url := serve(t)
	sign := func(hash string) *http.Request {
		r, err := http.NewRequest("GET", url+listPath, nil)
		require.NoError(t, err)
		r.Header.Set("X-Amz-Content-Sha256", hash)
		require.NoError(t, v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: akid, SecretAccessKey: secret},
			r, hash, "quicksight", "us-east-1", time.Now()))
		return r
	}
	empty := sha256.Sum256(nil)
	assert.Equal(t, http.StatusOK, send(t, sign(hex.EncodeToString(empty[:]))).status)
	assert.Equal(t, http.StatusOK, send(t, sign("UNSIGNED-PAYLOAD")).status)
	other := sha256.Sum256([]byte("x"))
	got := send(t, sign(hex.EncodeToString(other[:])))
	assert.Equal(t, sigv4verify.CodeInvalidSignature, got.code)
	assert.Contains(t, got.message, "x-amz-content-sha256")
	assert.Equal(t, sigv4verify.CodeIncompleteSignature, send(t, sign("STREAMING-AWS4-HMAC-SHA256-PAYLOAD")).code)
}

// TestMalformed: an Authorization header that cannot be a SigV4 one is
// IncompleteSignatureException; none at all is MissingAuthenticationTokenException.
func TestMalformed(t *testing.T) {
	url := serve(t)
	date := time.Now().UTC().Format("20060102T150405Z")
	day := date[:8]
	good := "AWS4-HMAC-SHA256 Credential=" + akid + "/" + day + "/us-east-1/quicksight/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + strings.Repeat("0", 64)
	for _, tc := range []struct {
		name, auth, date, code, message string
	}{
		{"no header", "", date, sigv4verify.CodeMissingAuthenticationToken, "Missing Authentication Token"},
		{"bearer", "Bearer abc", date, sigv4verify.CodeIncompleteSignature, "Unsupported Authorization type"},
		{"no pairs", "AWS4-HMAC-SHA256", date, sigv4verify.CodeIncompleteSignature, "requires 'Credential' parameter"},
		{"no equal sign", "AWS4-HMAC-SHA256 Credential", date, sigv4verify.CodeIncompleteSignature, "missing equal-sign"},
		{"no signature", "AWS4-HMAC-SHA256 Credential=" + akid + "/" + day + "/us-east-1/quicksight/aws4_request, SignedHeaders=host",
			date, sigv4verify.CodeIncompleteSignature, "requires 'Signature' parameter"},
		{"short credential", strings.Replace(good, "/us-east-1/quicksight/aws4_request", "/quicksight/aws4_request", 1), date,
			sigv4verify.CodeIncompleteSignature, "Credential must have the form"},
		{"bad terminator", strings.Replace(good, "aws4_request", "aws5_request", 1), date, sigv4verify.CodeIncompleteSignature, "valid terminator"},
		{"no date", good, "", sigv4verify.CodeIncompleteSignature, "'X-Amz-Date' or a 'Date' header"},
		{"bad date", good, "yesterday", sigv4verify.CodeIncompleteSignature, "ISO-8601"},
		{"scope date", strings.Replace(good, "/"+day+"/", "/20000101/", 1), date, sigv4verify.CodeInvalidSignature, "Date in Credential scope does not match"},
		{"host unsigned", strings.Replace(good, "SignedHeaders=host;x-amz-date", "SignedHeaders=x-amz-date", 1), date,
			sigv4verify.CodeIncompleteSignature, "'Host' must be a 'SignedHeader'"},
		{"unknown key", strings.Replace(good, akid, "AKIDNOBODY", 1), date, sigv4verify.CodeUnrecognizedClient, "security token"},
		{"well formed, wrong", good, date, sigv4verify.CodeInvalidSignature, "does not match"},
	} {
		r, err := http.NewRequest("GET", url+listPath, nil)
		require.NoError(t, err)
		if tc.auth != "" {
			r.Header.Set("Authorization", tc.auth)
		}
		if tc.date != "" {
			r.Header.Set("X-Amz-Date", tc.date)
		}
		got := send(t, r)
		assert.Equal(t, http.StatusForbidden, got.status, tc.name)
		assert.Equal(t, tc.code, got.code, tc.name)
		assert.Contains(t, got.message, tc.message, tc.name)
		assert.NotEmpty(t, got.requestID, tc.name)
	}
}

// TestUnknownRouteIsAuthenticatedFirst: like AWS, an unsigned request to a
// path no operation has is refused for its missing signature, not a 404.
func TestUnknownRouteIsAuthenticatedFirst(t *testing.T) {
	url := serve(t)
	r, err := http.NewRequest("GET", url+"/no/such/path", nil)
	require.NoError(t, err)
	assert.Equal(t, sigv4verify.CodeMissingAuthenticationToken, send(t, r).code)
	got := send(t, signed(t, url, "GET", "/no/such/path", nil, time.Now(), secret))
	assert.Equal(t, http.StatusNotFound, got.status)
}

func TestWrongService(t *testing.T) {
	url := serve(t, sigv4verify.WithService(qs.SigningName))
	r, err := http.NewRequest("GET", url+listPath, nil)
	require.NoError(t, err)
	require.NoError(t, v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: akid, SecretAccessKey: secret},
		r, hex.EncodeToString(func() []byte { s := sha256.Sum256(nil); return s[:] }()), "appflow", "us-east-1", time.Now()))
	got := send(t, r)
	assert.Equal(t, sigv4verify.CodeInvalidSignature, got.code)
	assert.Equal(t, "Credential should be scoped to correct service: 'quicksight'.", got.message)
}

// TestPresigned: a URL presigned with the SDK signer passes until it expires.
func TestPresigned(t *testing.T) {
	now := time.Now()
	var clock = now
	url := serve(t, sigv4verify.WithClock(func() time.Time { return clock }))
	presign := func(expires string) string {
		r, err := http.NewRequest("GET", url+listPath+"?max-results=5", nil)
		require.NoError(t, err)
		if expires != "" {
			q := r.URL.Query()
			q.Set("X-Amz-Expires", expires)
			r.URL.RawQuery = q.Encode()
		}
		empty := sha256.Sum256(nil)
		u, _, err := v4.NewSigner().PresignHTTP(context.Background(), aws.Credentials{AccessKeyID: akid, SecretAccessKey: secret},
			r, hex.EncodeToString(empty[:]), "quicksight", "us-east-1", now)
		require.NoError(t, err)
		return u
	}
	get := func(u string) reply {
		r, err := http.NewRequest("GET", u, nil)
		require.NoError(t, err)
		return send(t, r)
	}
	u := presign("60")
	assert.Equal(t, http.StatusOK, get(u).status)

	clock = now.Add(2 * time.Minute)
	got := get(u)
	assert.Equal(t, sigv4verify.CodeInvalidSignature, got.code)
	assert.Contains(t, got.message, "Request has expired")

	clock = now
	bad := strings.Replace(u, "max-results=5", "max-results=6", 1)
	assert.Equal(t, sigv4verify.CodeInvalidSignature, get(bad).code)
	parsed, err := neturl.Parse(u)
	require.NoError(t, err)
	q := parsed.Query()
	q.Del("X-Amz-Signature")
	parsed.RawQuery = q.Encode()
	assert.Equal(t, sigv4verify.CodeIncompleteSignature, get(parsed.String()).code)
}

// TestErrorIsAPIError: Verify's refusals are smithy.APIErrors with status 403
// whose text never holds the secret or the signature.
func TestErrorIsAPIError(t *testing.T) {
	v := sigv4verify.New(sigv4verify.Static(map[string]string{akid: secret}))
	r := signed(t, "http://localhost", "GET", listPath, nil, time.Now(), "wrong")
	r.RequestURI = listPath
	err := v.Verify(r)
	var e *sigv4verify.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusForbidden, e.HTTPStatusCode())
	assert.Equal(t, smithy.FaultClient, e.ErrorFault())
	sig := r.Header.Get("Authorization")[strings.Index(r.Header.Get("Authorization"), "Signature=")+len("Signature="):]
	assert.NotContains(t, err.Error(), sig)
	assert.NotContains(t, err.Error(), secret)

	// Verify leaves the body readable.
	body := []byte(`{"a":1}`)
	r = signed(t, "http://localhost", "POST", listPath, body, time.Now(), secret)
	r.RequestURI = listPath
	require.NoError(t, v.Verify(r))
	b, err := io.ReadAll(r.Body)
	require.NoError(t, err)
	assert.Equal(t, body, b)
}
