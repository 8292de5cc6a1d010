package quicksight_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/quicksight"
	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	qs "github.com/smithygen/smithygen/generated/quicksight"
)

// limitsReply sends one request to h and returns status, error type and body.
func limitsReply(t *testing.T, h http.Handler, method, target, body string, header ...string) (int, string, string) {
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
	h.ServeHTTP(w, r)
	return w.Code, w.Header().Get("X-Amzn-Errortype"), w.Body.String()
}

const limitsCreate = "/accounts/" + account + "/action-connectors"

// limitsBody is a valid CreateActionConnector body with extra inserted as
// the value of an unknown member at the top level and of an unknown member
// of the AuthenticationMetadata union.
func limitsBody(topExtra, unionExtra string) string {
	meta := `"NoneConnectionMetadata": {"BaseEndpoint": "https://x"}`
	if unionExtra != "" {
		meta = `"FutureAuth": ` + unionExtra
	}
	b := `{"ActionConnectorId": "c1", "Name": "n", "Type": "GENERIC_HTTP", "AuthenticationConfig": {"AuthenticationType": "NONE", "AuthenticationMetadata": {` + meta + `}}`
	if topExtra != "" {
		b += `, "Future": ` + topExtra
	}
	return b + `}`
}

func nested(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }

// TestMaxDepth: deep nesting anywhere in a request body is a 400
// SerializationException, never a stack overflow; WithMaxDepth moves the
// limit (clamped to 10000).
func TestMaxDepth(t *testing.T) {
	quiet := qs.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))
	def := qs.NewServer(qs.NewFake(), quiet)

	status, code, body := limitsReply(t, def, "POST", limitsCreate, limitsBody(nested(100000), ""))
	assert.Equal(t, http.StatusBadRequest, status, body)
	assert.Equal(t, "SerializationException", code)
	assert.Contains(t, body, "nesting deeper than 128 levels")

	// A server refuses an unknown union member before it reads the value.
	status, code, body = limitsReply(t, def, "POST", limitsCreate, limitsBody("", nested(100000)))
	assert.Equal(t, http.StatusBadRequest, status, body)
	assert.Equal(t, "SerializationException", code)
	// A client reads it, within the same depth limit.
	_, err := qs.UnmarshalAuthenticationMetadata([]byte(`{"FutureAuth": ` + nested(100000) + `}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nesting deeper than 128 levels")

	status, _, body = limitsReply(t, def, "POST", limitsCreate, limitsBody(nested(120), ""))
	assert.Equal(t, http.StatusOK, status, "120 levels inside the body's object are within 128: %s", body)

	deeper := qs.NewServer(qs.NewFake(), quiet, qs.WithMaxDepth(300))
	status, _, body = limitsReply(t, deeper, "POST", limitsCreate, limitsBody(nested(250), ""))
	assert.Equal(t, http.StatusOK, status, body)

	shallow := qs.NewServer(qs.NewFake(), quiet, qs.WithMaxDepth(2))
	status, code, body = limitsReply(t, shallow, "POST", limitsCreate, limitsBody("", ""))
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "SerializationException", code)
	assert.Contains(t, body, "nesting deeper than 2 levels")

	huge := qs.NewServer(qs.NewFake(), quiet, qs.WithMaxDepth(1<<30))
	status, _, body = limitsReply(t, huge, "POST", limitsCreate, limitsBody(nested(100000), ""))
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, body, "nesting deeper than 10000 levels", "WithMaxDepth is clamped to 10000")

	zero := qs.NewServer(qs.NewFake(), quiet, qs.WithMaxDepth(0))
	_, _, body = limitsReply(t, zero, "POST", limitsCreate, limitsBody(nested(200), ""))
	assert.Contains(t, body, "nesting deeper than 128 levels", "WithMaxDepth(0) keeps the default")
}

// TestMaxBodyBytes: a body over the limit is 413 RequestEntityTooLargeException,
// whether its length is declared or not; the default is 10 MiB.
func TestMaxBodyBytes(t *testing.T) {
	big := limitsBody(`"`+strings.Repeat("x", 10<<20)+`"`, "")
	status, code, _ := limitsReply(t, qs.NewFake(), "POST", limitsCreate, big)
	assert.Equal(t, http.StatusRequestEntityTooLarge, status)
	assert.Equal(t, "RequestEntityTooLargeException", code)

	small := qs.NewServer(qs.NewFake(), qs.WithMaxBodyBytes(100))
	status, code, _ = limitsReply(t, small, "POST", limitsCreate, limitsBody(`"`+strings.Repeat("x", 200)+`"`, ""))
	assert.Equal(t, http.StatusRequestEntityTooLarge, status)
	assert.Equal(t, "RequestEntityTooLargeException", code)

	// Chunked: no Content-Length, the limit is found while reading.
	r := httptest.NewRequest("POST", limitsCreate, io.MultiReader(strings.NewReader(limitsBody(`"`+strings.Repeat("x", 200)+`"`, ""))))
	r.ContentLength = -1
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	small.ServeHTTP(w, r)
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)

	status, _, body := limitsReply(t, qs.NewServer(qs.NewFake(), qs.WithMaxBodyBytes(0)), "POST", limitsCreate, limitsBody("", ""))
	assert.Equal(t, http.StatusOK, status, "WithMaxBodyBytes(0) keeps the default: %s", body)
}

// apiError is an authentication failure of another package, with a status.
type apiError struct {
	code   string
	status int
}

func (e *apiError) Error() string                 { return e.code }
func (e *apiError) ErrorCode() string             { return e.code }
func (e *apiError) ErrorMessage() string          { return "refused: " + e.code }
func (e *apiError) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }
func (e *apiError) HTTPStatusCode() int           { return e.status }

// TestWithAuthenticator: the authenticator sees every request first, body
// readable; its error decides the reply; the operation still gets the body.
func TestWithAuthenticator(t *testing.T) {
	var verdict error
	var seen []string
	auth := func(r *http.Request) error {
		b, err := io.ReadAll(r.Body)
		require.NoError(t, err)
		seen = append(seen, r.Method+" "+r.URL.Path+" "+string(b))
		return verdict
	}
	srv := qs.NewServer(qs.NewFake(), qs.WithAuthenticator(auth))

	status, _, body := limitsReply(t, srv, "POST", limitsCreate, limitsBody("", ""))
	assert.Equal(t, http.StatusOK, status, "the body reached the operation after the authenticator read it: %s", body)
	assert.Equal(t, []string{"POST " + limitsCreate + " " + limitsBody("", "")}, seen)

	verdict = &apiError{"ExpiredTokenException", http.StatusUnauthorized}
	status, code, body := limitsReply(t, srv, "GET", "/accounts/"+account+"/action-connectors", "")
	assert.Equal(t, http.StatusUnauthorized, status)
	assert.Equal(t, "ExpiredTokenException", code)
	assert.Contains(t, body, "refused: ExpiredTokenException")

	verdict = &apiError{"SomeException", 0}
	status, code, _ = limitsReply(t, srv, "GET", "/no/such/route", "")
	assert.Equal(t, http.StatusForbidden, status, "an APIError without a valid status is a 403, even where no route matches")
	assert.Equal(t, "SomeException", code)

	verdict = errors.New("credential store down: password=hunter2")
	status, code, body = limitsReply(t, srv, "GET", "/accounts/"+account+"/action-connectors", "")
	assert.Equal(t, http.StatusForbidden, status)
	assert.Equal(t, "AccessDeniedException", code)
	assert.NotContains(t, body, "hunter2", "the error of an authenticator is not echoed")

	tooBig := qs.NewServer(qs.NewFake(), qs.WithAuthenticator(auth), qs.WithMaxBodyBytes(10))
	verdict = nil
	status, code, _ = limitsReply(t, tooBig, "POST", limitsCreate, limitsBody("", ""))
	assert.Equal(t, http.StatusRequestEntityTooLarge, status, "the body limit holds before authentication")
	assert.Equal(t, "RequestEntityTooLargeException", code)
}

// TestAPIErrorStatus: an error of another package a handler returns keeps the
// status of its HTTPStatusCode method.
func TestAPIErrorStatus(t *testing.T) {
	c := newClient(t, &statusHandler{})
	_, err := c.ListActionConnectors(context.Background(), &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account)})
	var api smithy.APIError
	require.ErrorAs(t, err, &api)
	assert.Equal(t, "TeapotException", api.ErrorCode())
	assert.Contains(t, err.Error(), "StatusCode: 418")
}

type statusHandler struct{ qs.UnimplementedHandler }

func (statusHandler) ListActionConnectors(context.Context, *qs.ListActionConnectorsInput) (*qs.ListActionConnectorsOutput, error) {
	return nil, &apiError{"TeapotException", http.StatusTeapot}
}
