package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/appfabric"
	"github.com/aws/aws-sdk-go-v2/service/appflow"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	authKey    = "AKIDCREDFLAG"
	authSecret = "cred-flag-S3CR3T"
)

func errorCode(t *testing.T, err error) string {
	t.Helper()
	var api smithy.APIError
	require.ErrorAs(t, err, &api)
	return api.ErrorCode()
}

// TestCredentialsFlag: with -credentials, every service takes requests
// signed with a given key and refuses the rest with AWS's error codes.
func TestCredentialsFlag(t *testing.T) {
	url, logs := start(t, "-credentials", authKey+":"+authSecret, "-credentials", "AKIDSECOND:second-S3CR3T")
	ctx := context.Background()
	creds := func(id, secret string) aws.CredentialsProvider {
		return credentials.NewStaticCredentialsProvider(id, secret, "")
	}
	qs := func(c aws.CredentialsProvider) *quicksight.Client {
		return quicksight.New(quicksight.Options{Region: "eu-west-1", BaseEndpoint: aws.String(url), Credentials: c, RetryMaxAttempts: 1})
	}
	list := func(c aws.CredentialsProvider) error {
		_, err := qs(c).ListActionConnectors(ctx, &quicksight.ListActionConnectorsInput{AwsAccountId: aws.String("123456789012")})
		return err
	}
	require.NoError(t, list(creds(authKey, authSecret)))
	require.NoError(t, list(creds("AKIDSECOND", "second-S3CR3T")))
	_, err := appfabric.New(appfabric.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds(authKey, authSecret), RetryMaxAttempts: 1}).
		CreateAppBundle(ctx, &appfabric.CreateAppBundleInput{})
	require.NoError(t, err)
	_, err = appflow.New(appflow.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds(authKey, authSecret), RetryMaxAttempts: 1}).
		DescribeConnectorProfiles(ctx, &appflow.DescribeConnectorProfilesInput{})
	require.NoError(t, err)

	assert.Equal(t, "InvalidSignatureException", errorCode(t, list(creds(authKey, "wrong-secret"))))
	assert.Equal(t, "UnrecognizedClientException", errorCode(t, list(creds("AKIDNOBODY", authSecret))))
	assert.Equal(t, "MissingAuthenticationTokenException", errorCode(t, list(aws.AnonymousCredentials{})))

	// Unsigned, to a path no service has: refused for the signature first.
	resp, err := http.Get(url + "/no/such/route")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
	assert.Equal(t, "MissingAuthenticationTokenException", resp.Header.Get("X-Amzn-Errortype"))
	// Signed, it is a 404.
	r, err := http.NewRequest("GET", url+"/no/such/route", nil)
	require.NoError(t, err)
	empty := sha256.Sum256(nil)
	require.NoError(t, v4.NewSigner().SignHTTP(ctx, aws.Credentials{AccessKeyID: authKey, SecretAccessKey: authSecret}, r,
		hex.EncodeToString(empty[:]), "nosuchservice", "us-east-1", time.Now()))
	resp, err = http.DefaultClient.Do(r)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)

	log := logs.String()
	assert.Contains(t, log, "quicksight ListActionConnectors 403 ")
	assert.Contains(t, log, "- - 403 ")
	for _, s := range []string{authSecret, "second-S3CR3T", authKey, "Signature="} {
		assert.NotContains(t, log, s)
	}
}

// TestMaxSkewFlag: a request signed 20 seconds ago is refused with -max-skew 10s.
func TestMaxSkewFlag(t *testing.T) {
	url, _ := start(t, "-credentials", authKey+":"+authSecret, "-max-skew", "10s")
	sign := func(at time.Time) *http.Response {
		r, err := http.NewRequest("GET", url+"/accounts/123456789012/action-connectors", nil)
		require.NoError(t, err)
		empty := sha256.Sum256(nil)
		require.NoError(t, v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: authKey, SecretAccessKey: authSecret}, r,
			hex.EncodeToString(empty[:]), "quicksight", "us-east-1", at))
		resp, err := http.DefaultClient.Do(r)
		require.NoError(t, err)
		resp.Body.Close()
		return resp
	}
	assert.Equal(t, http.StatusOK, sign(time.Now()).StatusCode)
	resp := sign(time.Now().Add(-20 * time.Second))
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
	assert.Equal(t, "InvalidSignatureException", resp.Header.Get("X-Amzn-Errortype"))
}

// TestCredentialsFlagErrors: a bad -credentials value is a usage error whose
// text does not repeat it (it may be a secret).
func TestCredentialsFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-credentials", "AKIDONLY-no-colon-S3CR3T"},
		{"-credentials", ":empty-id-S3CR3T"},
		{"-credentials", "AKID:"},
		{"-credentials", "AKID:one-S3CR3T", "-credentials", "AKID:two-S3CR3T"},
	} {
		var stderr strings.Builder
		err := run(context.Background(), append([]string{"-addr", "127.0.0.1:0"}, args...), io.Discard, &stderr)
		require.Error(t, err, args)
		var ue *usageError
		assert.True(t, errors.As(err, &ue), "%v: a usage error (exit 2)", args)
		assert.Contains(t, err.Error(), "-credentials value")
		assert.NotContains(t, err.Error()+stderr.String(), "S3CR3T", args)
	}
}

// TestUsageErrors: flags out of range are usage errors.
func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-max-depth", "0"}, {"-max-depth", "10001"}, {"-max-body-bytes", "0"}, {"-max-header-bytes", "-1"},
		{"-read-timeout", "-1s"}, {"-max-skew", "-1m"}, {"-validation", "some"}, {"extra"}, {"-no-such-flag"},
	} {
		err := run(context.Background(), append([]string{"-addr", "127.0.0.1:0"}, args...), io.Discard, io.Discard)
		var ue *usageError
		assert.True(t, errors.As(err, &ue), "%v: %v", args, err)
	}
}

// rawRequest writes a raw request on a new connection and returns the reply's
// status line, or "" when the server closed the connection without one.
func rawRequest(t *testing.T, url, request string, pause time.Duration, rest string) string {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	_, err = io.WriteString(conn, request)
	require.NoError(t, err)
	if pause > 0 {
		time.Sleep(pause)
		io.WriteString(conn, rest)
	}
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(5*time.Second)))
	line, err := bufio.NewReader(conn).ReadString('\n')
	var ne net.Error
	require.False(t, errors.As(err, &ne) && ne.Timeout(), "the server neither replied nor closed the connection")
	return strings.TrimSpace(line)
}

// TestLimitFlags: the body, header and depth limits and the timeouts of the
// flags hold.
func TestLimitFlags(t *testing.T) {
	url, _ := start(t, "-max-body-bytes", "1000", "-max-header-bytes", "2048", "-max-depth", "16",
		"-read-header-timeout", "300ms", "-read-timeout", "600ms", "-idle-timeout", "300ms")
	post := "/accounts/123456789012/action-connectors"
	send := func(body string, header ...string) *http.Response {
		r, err := http.NewRequest("POST", url+post, strings.NewReader(body))
		require.NoError(t, err)
		r.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(header); i += 2 {
			r.Header.Set(header[i], header[i+1])
		}
		resp, err := http.DefaultClient.Do(r)
		require.NoError(t, err)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp
	}
	resp := send(`{"ActionConnectorId": "` + strings.Repeat("x", 2000) + `"}`)
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
	assert.Equal(t, "RequestEntityTooLargeException", resp.Header.Get("X-Amzn-Errortype"))

	resp = send(`{"Future": ` + strings.Repeat("[", 20) + strings.Repeat("]", 20) + `}`)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Equal(t, "SerializationException", resp.Header.Get("X-Amzn-Errortype"))

	resp = send(`{}`, "X-Padding", strings.Repeat("p", 16384)) // net/http allows 4 KiB of slack
	assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, resp.StatusCode)

	// Headers never finished: the connection is closed after -read-header-timeout.
	start := time.Now()
	rawRequest(t, url, "GET "+post+" HTTP/1.1\r\nHost: x\r\n", 0, "")
	assert.Less(t, time.Since(start), 4*time.Second)

	// A body that stops coming: -read-timeout ends the request.
	status := rawRequest(t, url, "POST "+post+" HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{", 0, "")
	assert.NotContains(t, status, " 200 ", "a request whose body never came is not served")

	// An idle keep-alive connection is closed after -idle-timeout.
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	_, err = io.WriteString(conn, "GET "+post+" HTTP/1.1\r\nHost: x\r\n\r\n")
	require.NoError(t, err)
	br := bufio.NewReader(conn)
	reply, err := http.ReadResponse(br, nil)
	require.NoError(t, err)
	io.Copy(io.Discard, reply.Body)
	reply.Body.Close()
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(5*time.Second)))
	_, err = br.ReadByte()
	assert.ErrorIs(t, err, io.EOF, "the server closed the idle connection")
}

// TestWriteTimeoutFlag: a reply that cannot be written within -write-timeout
// of the request headers is not written.
func TestWriteTimeoutFlag(t *testing.T) {
	url, _ := start(t, "-write-timeout", "200ms", "-read-timeout", "0")
	post := "/accounts/123456789012/action-connectors"
	status := rawRequest(t, url, "POST "+post+" HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n", 600*time.Millisecond, "{}")
	assert.Equal(t, "", status, "the reply came after the write deadline: the connection was closed instead")
	status = rawRequest(t, url, "GET "+post+" HTTP/1.1\r\nHost: x\r\n\r\n", 0, "")
	assert.Equal(t, "HTTP/1.1 200 OK", status)
}

func TestHTTPLimitsServer(t *testing.T) {
	srv := httpLimits{readHeader: 1, read: 2, write: 3, idle: 4, maxHeaderBytes: 5}.server(http.NotFoundHandler())
	assert.Equal(t, []any{time.Duration(1), time.Duration(2), time.Duration(3), time.Duration(4), 5},
		[]any{srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout, srv.MaxHeaderBytes})
}
