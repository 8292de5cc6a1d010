package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/appfabric"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a strings.Builder safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start runs smithyfake on a free port and returns its URL and log; the
// server stops (and run must return nil) when the test ends.
func start(t *testing.T, args ...string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	logs := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), pw, logs)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	go io.Copy(io.Discard, pr)
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "listening on ")
	require.True(t, ok, "first line: %q", line)
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			assert.NoError(t, err, "clean shutdown")
		case <-time.After(5 * time.Second):
			t.Error("smithyfake did not stop")
		}
	})
	return url, logs
}

func TestServesEveryServiceBySigningName(t *testing.T) {
	url, logs := start(t)
	ctx := context.Background()
	creds := credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", "")
	qs := quicksight.New(quicksight.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds})
	_, err := qs.CreateActionConnector(ctx, &quicksight.CreateActionConnectorInput{
		AwsAccountId: aws.String("123456789012"), ActionConnectorId: aws.String("c1"), Name: aws.String("c1"), Type: types.ActionConnectorTypeSlack,
		AuthenticationConfig: &types.AuthConfig{AuthenticationType: types.ConnectionAuthTypeApiKey, AuthenticationMetadata: &types.AuthenticationMetadataMemberApiKeyConnectionMetadata{
			Value: types.APIKeyConnectionMetadata{BaseEndpoint: aws.String("https://x"), ApiKey: aws.String("TOPSECRET")}}},
	})
	require.NoError(t, err)
	af := appfabric.New(appfabric.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds})
	bundle, err := af.CreateAppBundle(ctx, &appfabric.CreateAppBundleInput{})
	require.NoError(t, err)
	assert.Contains(t, aws.ToString(bundle.AppBundle.Arn), ":appbundle/")

	// Unsigned: the one service with the route takes it.
	resp, err := http.Get(url + "/accounts/123456789012/action-connectors")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(body), `"ActionConnectorId":"c1"`)

	resp, err = http.Get(url + "/no/such/route")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	assert.Equal(t, "UnknownOperationException", resp.Header.Get("X-Amzn-Errortype"))

	log := logs.String()
	assert.Contains(t, log, "quicksight CreateActionConnector 200 ")
	assert.Contains(t, log, "appfabric CreateAppBundle 201 ")
	assert.Contains(t, log, "quicksight ListActionConnectors 200 ")
	assert.Contains(t, log, "- - 404 ")
	assert.NotContains(t, log, "TOPSECRET")
	assert.NotContains(t, log, "AKIDEXAMPLE")
}

func TestValidationFlag(t *testing.T) {
	url, _ := start(t, "-validation", "off")
	ctx := context.Background()
	qs := quicksight.New(quicksight.Options{Region: "us-east-1", BaseEndpoint: aws.String(url),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", "")})
	_, err := qs.ListActionConnectors(ctx, &quicksight.ListActionConnectorsInput{AwsAccountId: aws.String("not-an-account")})
	require.NoError(t, err, "with -validation off a bad account ID is served")

	err = run(ctx, []string{"-validation", "some"}, io.Discard, io.Discard)
	assert.ErrorContains(t, err, "want all, required or off")
}

func TestSigningName(t *testing.T) {
	for _, tc := range []struct{ header, query, want string }{
		{"AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/appflow/aws4_request, SignedHeaders=host, Signature=ab", "", "appflow"},
		{"AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/quicksight/aws4_request,SignedHeaders=host", "", "quicksight"},
		{"", "X-Amz-Credential=AKID%2F20250101%2Fus-east-1%2Fappfabric%2Faws4_request", "appfabric"},
		{"Bearer token", "", ""},
		{"AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1", "", ""},
	} {
		r, _ := http.NewRequest(http.MethodGet, "http://x/?"+tc.query, nil)
		if tc.header != "" {
			r.Header.Set("Authorization", tc.header)
		}
		assert.Equal(t, tc.want, signingName(r), tc.header+tc.query)
	}
}

// TestEveryGeneratedPackageIsServed fails when a package of generated/ has a
// server but smithyfake does not serve it (add it to newServices).
func TestEveryGeneratedPackageIsServed(t *testing.T) {
	services, err := newServices(config{validation: "all"})
	require.NoError(t, err)
	served := map[string]bool{}
	for _, s := range services {
		served[s.name] = true
	}
	dirs, err := os.ReadDir(filepath.Join("..", "..", "generated"))
	require.NoError(t, err)
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join("..", "..", "generated", d.Name(), "server.go")); err == nil {
			assert.True(t, served[d.Name()], "generated/%s is not served", d.Name())
		}
	}
}
