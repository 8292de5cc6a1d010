package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	qs "github.com/smithygen/smithygen/generated/quicksight"
)

// Account is the AWS account every request of the benchmarks names.
const Account = "111122223333"

// ConnectorID is the connector the round-trip benchmarks create and describe.
const ConnectorID = "bench-connector-000000"

// NewClient returns a real QuickSight client (the AWS SDK's, with its default
// HTTP client) for the server at url.
func NewClient(url string, hc sdk.HTTPClient) *sdk.Client {
	return sdk.New(sdk.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(url),
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		RetryMaxAttempts: 1,
		HTTPClient:       hc,
	})
}

// CreateConnectorInput is a union-heavy CreateActionConnector request: OAuth
// authorization-code metadata (a union variant holding another union),
// permissions and tags.
func CreateConnectorInput(id string) *sdk.CreateActionConnectorInput {
	return &sdk.CreateActionConnectorInput{
		AwsAccountId:      aws.String(Account),
		ActionConnectorId: aws.String(id),
		Name:              aws.String("Benchmark connector"),
		Type:              types.ActionConnectorTypeGenericHttp,
		Description:       aws.String("A connector with OAuth authorization-code credentials, used by the benchmarks."),
		AuthenticationConfig: &types.AuthConfig{
			AuthenticationType: types.ConnectionAuthTypeOauth2AuthorizationCode,
			AuthenticationMetadata: &types.AuthenticationMetadataMemberAuthorizationCodeGrantMetadata{Value: types.AuthorizationCodeGrantMetadata{
				BaseEndpoint:                            aws.String("https://api.example.com/v2"),
				RedirectUrl:                             aws.String("https://quicksight.example.com/oauth/callback"),
				AuthorizationCodeGrantCredentialsSource: types.AuthorizationCodeGrantCredentialsSourcePlainCredentials,
				AuthorizationCodeGrantCredentialsDetails: &types.AuthorizationCodeGrantCredentialsDetailsMemberAuthorizationCodeGrantDetails{Value: types.AuthorizationCodeGrantDetails{
					ClientId:              aws.String("client-0123456789abcdef"),
					ClientSecret:          aws.String("secret-fedcba9876543210"),
					TokenEndpoint:         aws.String("https://auth.example.com/oauth2/token"),
					AuthorizationEndpoint: aws.String("https://auth.example.com/oauth2/authorize"),
				}},
			}},
		},
		Permissions: []types.ResourcePermission{
			{Principal: aws.String("arn:aws:quicksight:us-east-1:" + Account + ":user/default/alice"), Actions: []string{"quicksight:DescribeActionConnector", "quicksight:UpdateActionConnector", "quicksight:DeleteActionConnector"}},
			{Principal: aws.String("arn:aws:quicksight:us-east-1:" + Account + ":group/default/analysts"), Actions: []string{"quicksight:DescribeActionConnector"}},
		},
		Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("analytics")}, {Key: aws.String("env"), Value: aws.String("bench")}},
	}
}

// Exchange is one request the SDK sent and the reply it got, on the wire.
type Exchange struct {
	Method, Path, RawQuery string
	Header                 http.Header
	Body                   []byte
	Status                 int
	RespHeader             http.Header
	RespBody               []byte
}

// Request builds a fresh server-side *http.Request of the exchange, as
// net/http's server would hand it to a handler (without parsing anything),
// with body instead of the recorded one when body is not nil.
func (e *Exchange) Request(body []byte) *http.Request {
	if body == nil {
		body = e.Body
	}
	uri := e.Path
	if e.RawQuery != "" {
		uri += "?" + e.RawQuery
	}
	return &http.Request{
		Method: e.Method, URL: &url.URL{Path: e.Path, RawQuery: e.RawQuery}, RequestURI: uri,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Host: "localhost", RemoteAddr: "192.0.2.1:1234",
		Header: e.Header.Clone(), Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)),
	}
}

// recorder is an SDK HTTP client that serves requests with a handler in
// memory and keeps the last exchange.
type recorder struct {
	h    http.Handler
	mu   sync.Mutex
	last *Exchange
}

func (c *recorder) Do(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		var err error
		if body, err = io.ReadAll(r.Body); err != nil {
			return nil, err
		}
	}
	ex := &Exchange{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: body}
	w := httptest.NewRecorder()
	c.h.ServeHTTP(w, ex.Request(nil))
	res := w.Result()
	ex.Status, ex.RespHeader, ex.RespBody = res.StatusCode, res.Header.Clone(), w.Body.Bytes()
	c.mu.Lock()
	c.last = ex
	c.mu.Unlock()
	res.Request = r
	return res, nil
}

// Exchanges is what the real SDK client sends to the generated fake, and
// what the fake answers, for the benchmarked operations.
type Exchanges struct {
	Create, Describe *Exchange
}

// RecordExchanges drives the SDK against a fresh fake in memory: it creates
// connector ConnectorID and describes it.
func RecordExchanges() (*Exchanges, error) {
	rec := &recorder{h: qs.NewFake()}
	c := NewClient("http://localhost", rec)
	ctx := context.Background()
	if _, err := c.CreateActionConnector(ctx, CreateConnectorInput(ConnectorID)); err != nil {
		return nil, fmt.Errorf("CreateActionConnector against the fake: %w", err)
	}
	var ex Exchanges
	ex.Create = rec.last
	if _, err := c.DescribeActionConnector(ctx, DescribeInput()); err != nil {
		return nil, fmt.Errorf("DescribeActionConnector against the fake: %w", err)
	}
	ex.Describe = rec.last
	return &ex, nil
}

// DescribeInput is the DescribeActionConnector request of the round trips.
func DescribeInput() *sdk.DescribeActionConnectorInput {
	return &sdk.DescribeActionConnectorInput{AwsAccountId: aws.String(Account), ActionConnectorId: aws.String(ConnectorID)}
}

// FloorServer answers every request with the recorded reply of ex: the
// same status, headers and body bytes, and no other work.
func FloorServer(ex *Exchange) http.Handler {
	status, body := ex.Status, ex.RespBody
	header := ex.RespHeader.Clone()
	header.Set("Content-Length", strconv.Itoa(len(body)))
	header.Del("Date")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		h := w.Header()
		for k, v := range header {
			h[k] = v
		}
		w.WriteHeader(status)
		w.Write(body)
	})
}

// NewFakeWithConnector returns the generated fake holding connector ConnectorID.
func NewFakeWithConnector() (http.Handler, error) {
	f := qs.NewFake()
	rec := &recorder{h: f}
	if _, err := NewClient("http://localhost", rec).CreateActionConnector(context.Background(), CreateConnectorInput(ConnectorID)); err != nil {
		return nil, err
	}
	return f, nil
}
