package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/appfabric"
	aftypes "github.com/aws/aws-sdk-go-v2/service/appfabric/types"
	"github.com/aws/aws-sdk-go-v2/service/appflow"
	fltypes "github.com/aws/aws-sdk-go-v2/service/appflow/types"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Known secrets: the SigV4 secret key and session token of the clients (the
// token travels in a header), and write-only secrets of every service.
var smithyfakeSecrets = []string{
	"sfk-awssecretkey-S3CR3T", "sfk-sessiontoken-S3CR3T",
	"sfk-qs-apikey-S3CR3T", "sfk-qs-password-S3CR3T", "sfk-qs-clientsecret-S3CR3T", "sfk-qs-authcode-S3CR3T",
	"sfk-af-clientsecret-S3CR3T", "sfk-af-apikey-S3CR3T", "sfk-af-code-S3CR3T",
	"sfk_fl_password_S3CR3T", "sfk_fl_accesstoken_S3CR3T", "sfk_fl_refreshtoken_S3CR3T", "sfk_fl_mapvalue_S3CR3T",
	"sfk_fl_apisecret_S3CR3T", "sfk_fl_clientsecret_S3CR3T",
}

// TestSecretsNotPrinted builds smithyfake, runs it as a subprocess and
// drives a full lifecycle of every service through it with the real SDK
// clients — every QuickSight AuthenticationMetadata variant, both AppFabric
// credential kinds and a connect with an authorization code, AppFlow profiles
// with password, OAuth, API key and connector-defined credentials; creates
// again (conflicts), updates, reads, lists, updates while missing, requests
// refused by validation and malformed JSON, deletes — then stops it with
// SIGTERM. No secret may appear in anything the process printed (stdout and
// stderr), in any reply (status, headers, body), or in an error the SDK
// returned.
func TestSecretsNotPrinted(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the smithyfake binary")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	bin := filepath.Join(t.TempDir(), "smithyfake")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)

	cmd := exec.CommandContext(ctx, bin, "-addr", "127.0.0.1:0")
	var stderr smithyfakeBuffer
	cmd.Stderr = &stderr
	stdoutPipe, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	stopped := false
	defer func() {
		if !stopped {
			cmd.Process.Kill()
			cmd.Wait()
		}
	}()
	stdout := bufio.NewReader(stdoutPipe)
	first, err := stdout.ReadString('\n')
	require.NoError(t, err, "the first line of stdout")
	url, ok := strings.CutPrefix(strings.TrimSpace(first), "listening on ")
	require.True(t, ok, "first line: %q", first)
	var rest bytes.Buffer
	copied := make(chan struct{})
	go func() { io.Copy(&rest, stdout); close(copied) }()

	var replies, sdkErrors smithyfakeBuffer
	httpClient := &smithyfakeRecorder{out: &replies}
	creds := credentials.NewStaticCredentialsProvider("AKIDSMITHYFAKE", "sfk-awssecretkey-S3CR3T", "sfk-sessiontoken-S3CR3T")
	fail := func(what string, err error) {
		require.Error(t, err, what)
		fmt.Fprintf(&sdkErrors, "%s: %v\n", what, err)
	}
	smithyfakeQuickSight(ctx, t, quicksight.New(quicksight.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds, HTTPClient: httpClient, RetryMaxAttempts: 1}), fail)
	smithyfakeAppFabric(ctx, t, appfabric.New(appfabric.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds, HTTPClient: httpClient, RetryMaxAttempts: 1}), fail)
	smithyfakeAppFlow(ctx, t, appflow.New(appflow.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds, HTTPClient: httpClient, RetryMaxAttempts: 1}), fail)
	// Malformed JSON around a secret, unsigned (routed by path).
	for _, body := range []string{
		`{"Name": "n", "AuthenticationConfig": {"AuthenticationMetadata": {"ApiKeyConnectionMetadata": {"ApiKey": "sfk-qs-apikey-S3CR3T\q"}}}}`,
		`{"AuthenticationConfig": {"AuthenticationMetadata": {"BasicAuthConnectionMetadata": {"Password": "sfk-qs-password-S3CR3T"`,
	} {
		req, err := http.NewRequestWithContext(ctx, "POST", url+"/accounts/123456789012/action-connectors", strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		resp, err := httpClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	}

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	stopped = true
	require.NoError(t, cmd.Wait(), "smithyfake exits 0 on SIGTERM; stderr:\n%s", stderr.String())
	<-copied
	printed := first + rest.String() + stderr.String()
	assert.Contains(t, stderr.String(), "quicksight CreateActionConnector 200", "the log has a line per request")
	assert.Contains(t, stderr.String(), "appflow UpdateConnectorProfile 400", "the log has a line per request")
	assert.Contains(t, replies.String(), "appbundle/", "the replies were recorded")
	assert.Contains(t, sdkErrors.String(), "ResourceNotFoundException", "the SDK errors were recorded")
	for _, s := range smithyfakeSecrets {
		for where, text := range map[string]string{"smithyfake's output": printed, "a reply": replies.String(), "an SDK error": sdkErrors.String()} {
			if i := strings.Index(text, s); i >= 0 {
				t.Errorf("%s shows the secret %q: ...%s...", where, s, text[max(0, i-200):min(len(text), i+len(s)+100)])
			}
		}
	}
}

func smithyfakeQuickSight(ctx context.Context, t *testing.T, c *quicksight.Client, fail func(string, error)) {
	account := aws.String("123456789012")
	configs := map[string]*types.AuthConfig{
		"apikey": {AuthenticationType: types.ConnectionAuthTypeApiKey, AuthenticationMetadata: &types.AuthenticationMetadataMemberApiKeyConnectionMetadata{
			Value: types.APIKeyConnectionMetadata{BaseEndpoint: aws.String("https://api.example.com"), ApiKey: aws.String("sfk-qs-apikey-S3CR3T")}}},
		"basic": {AuthenticationType: types.ConnectionAuthTypeBasic, AuthenticationMetadata: &types.AuthenticationMetadataMemberBasicAuthConnectionMetadata{
			Value: types.BasicAuthConnectionMetadata{BaseEndpoint: aws.String("https://b.example.com"), Username: aws.String("u"), Password: aws.String("sfk-qs-password-S3CR3T")}}},
		"clientcreds": {AuthenticationType: types.ConnectionAuthTypeOauth2ClientCredentials, AuthenticationMetadata: &types.AuthenticationMetadataMemberClientCredentialsGrantMetadata{
			Value: types.ClientCredentialsGrantMetadata{BaseEndpoint: aws.String("https://c.example.com"), ClientCredentialsDetails: &types.ClientCredentialsDetailsMemberClientCredentialsGrantDetails{
				Value: types.ClientCredentialsGrantDetails{ClientId: aws.String("cid"), ClientSecret: aws.String("sfk-qs-clientsecret-S3CR3T"), TokenEndpoint: aws.String("https://t.example.com")}}}}},
		"authcode": {AuthenticationType: types.ConnectionAuthTypeOauth2AuthorizationCode, AuthenticationMetadata: &types.AuthenticationMetadataMemberAuthorizationCodeGrantMetadata{
			Value: types.AuthorizationCodeGrantMetadata{BaseEndpoint: aws.String("https://a.example.com"), RedirectUrl: aws.String("https://r.example.com"),
				AuthorizationCodeGrantCredentialsDetails: &types.AuthorizationCodeGrantCredentialsDetailsMemberAuthorizationCodeGrantDetails{
					Value: types.AuthorizationCodeGrantDetails{ClientId: aws.String("cid"), ClientSecret: aws.String("sfk-qs-authcode-S3CR3T"),
						TokenEndpoint: aws.String("https://t.example.com"), AuthorizationEndpoint: aws.String("https://ae.example.com")}}}}},
		"none": {AuthenticationType: types.ConnectionAuthTypeNone, AuthenticationMetadata: &types.AuthenticationMetadataMemberNoneConnectionMetadata{
			Value: types.NoneConnectionMetadata{BaseEndpoint: aws.String("https://n.example.com")}}},
		"iam": {AuthenticationType: types.ConnectionAuthTypeIam, AuthenticationMetadata: &types.AuthenticationMetadataMemberIamConnectionMetadata{
			Value: types.IAMConnectionMetadata{RoleArn: aws.String("arn:aws:iam::123456789012:role/r")}}},
	}
	for name, cfg := range configs {
		id := aws.String("sfk-" + name)
		_, err := c.CreateActionConnector(ctx, &quicksight.CreateActionConnectorInput{AwsAccountId: account, ActionConnectorId: id, Name: aws.String(name),
			Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: cfg})
		require.NoError(t, err, name)
		_, err = c.CreateActionConnector(ctx, &quicksight.CreateActionConnectorInput{AwsAccountId: account, ActionConnectorId: id, Name: aws.String(name),
			Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: cfg})
		fail("quicksight duplicate create "+name, err)
		_, err = c.UpdateActionConnector(ctx, &quicksight.UpdateActionConnectorInput{AwsAccountId: account, ActionConnectorId: id, Name: aws.String(name + "2"), AuthenticationConfig: cfg})
		require.NoError(t, err, name)
		_, err = c.DescribeActionConnector(ctx, &quicksight.DescribeActionConnectorInput{AwsAccountId: account, ActionConnectorId: id})
		require.NoError(t, err, name)
		_, err = c.UpdateActionConnector(ctx, &quicksight.UpdateActionConnectorInput{AwsAccountId: account, ActionConnectorId: aws.String("missing"), Name: aws.String("n"), AuthenticationConfig: cfg})
		fail("quicksight update missing "+name, err)
	}
	_, err := c.ListActionConnectors(ctx, &quicksight.ListActionConnectorsInput{AwsAccountId: account})
	require.NoError(t, err)
	for name := range configs {
		_, err := c.DeleteActionConnector(ctx, &quicksight.DeleteActionConnectorInput{AwsAccountId: account, ActionConnectorId: aws.String("sfk-" + name)})
		require.NoError(t, err, name)
	}
}

func smithyfakeAppFabric(ctx context.Context, t *testing.T, c *appfabric.Client, fail func(string, error)) {
	b, err := c.CreateAppBundle(ctx, &appfabric.CreateAppBundleInput{})
	require.NoError(t, err)
	bundle := b.AppBundle.Arn
	tenant := &aftypes.Tenant{TenantIdentifier: aws.String("T"), TenantDisplayName: aws.String("T")}
	for kind, cred := range map[string]aftypes.Credential{
		"oauth2": &aftypes.CredentialMemberOauth2Credential{Value: aftypes.Oauth2Credential{ClientId: aws.String("cid"), ClientSecret: aws.String("sfk-af-clientsecret-S3CR3T")}},
		"apikey": &aftypes.CredentialMemberApiKeyCredential{Value: aftypes.ApiKeyCredential{ApiKey: aws.String("sfk-af-apikey-S3CR3T")}},
	} {
		a, err := c.CreateAppAuthorization(ctx, &appfabric.CreateAppAuthorizationInput{AppBundleIdentifier: bundle, App: aws.String("SLACK"),
			AuthType: aftypes.AuthTypeOauth2, Credential: cred, Tenant: tenant})
		require.NoError(t, err, kind)
		auth := a.AppAuthorization.AppAuthorizationArn
		_, err = c.UpdateAppAuthorization(ctx, &appfabric.UpdateAppAuthorizationInput{AppBundleIdentifier: bundle, AppAuthorizationIdentifier: auth, Credential: cred})
		require.NoError(t, err, kind)
		_, err = c.ConnectAppAuthorization(ctx, &appfabric.ConnectAppAuthorizationInput{AppBundleIdentifier: bundle, AppAuthorizationIdentifier: auth,
			AuthRequest: &aftypes.AuthRequest{RedirectUri: aws.String("https://example.com/cb"), Code: aws.String("sfk-af-code-S3CR3T")}})
		require.NoError(t, err, kind)
		_, err = c.GetAppAuthorization(ctx, &appfabric.GetAppAuthorizationInput{AppBundleIdentifier: bundle, AppAuthorizationIdentifier: auth})
		require.NoError(t, err, kind)
		_, err = c.ListAppAuthorizations(ctx, &appfabric.ListAppAuthorizationsInput{AppBundleIdentifier: bundle})
		require.NoError(t, err, kind)
		_, err = c.UpdateAppAuthorization(ctx, &appfabric.UpdateAppAuthorizationInput{AppBundleIdentifier: bundle,
			AppAuthorizationIdentifier: aws.String("00000000-0000-4000-8000-000000000000"), Credential: cred})
		fail("appfabric update missing "+kind, err)
		_, err = c.ConnectAppAuthorization(ctx, &appfabric.ConnectAppAuthorizationInput{AppBundleIdentifier: bundle, AppAuthorizationIdentifier: auth,
			AuthRequest: &aftypes.AuthRequest{RedirectUri: aws.String("https://example.com/cb"), Code: aws.String("sfk-af-code-S3CR3T" + strings.Repeat("x", 2048))}})
		fail("appfabric connect with too long a code "+kind, err)
		_, err = c.DeleteAppAuthorization(ctx, &appfabric.DeleteAppAuthorizationInput{AppBundleIdentifier: bundle, AppAuthorizationIdentifier: auth})
		require.NoError(t, err, kind)
	}
}

func smithyfakeAppFlow(ctx context.Context, t *testing.T, c *appflow.Client, fail func(string, error)) {
	props := &fltypes.ConnectorProfileProperties{}
	for name, cfg := range map[string]struct {
		typ   fltypes.ConnectorType
		creds *fltypes.ConnectorProfileCredentials
	}{
		"redshift": {fltypes.ConnectorTypeRedshift, &fltypes.ConnectorProfileCredentials{Redshift: &fltypes.RedshiftConnectorProfileCredentials{
			Username: aws.String("u"), Password: aws.String("sfk_fl_password_S3CR3T")}}},
		"salesforce": {fltypes.ConnectorTypeSalesforce, &fltypes.ConnectorProfileCredentials{Salesforce: &fltypes.SalesforceConnectorProfileCredentials{
			AccessToken: aws.String("sfk_fl_accesstoken_S3CR3T"), RefreshToken: aws.String("sfk_fl_refreshtoken_S3CR3T")}}},
		"custom": {fltypes.ConnectorTypeCustomconnector, &fltypes.ConnectorProfileCredentials{CustomConnector: &fltypes.CustomConnectorProfileCredentials{
			AuthenticationType: fltypes.AuthenticationTypeCustom, Custom: &fltypes.CustomAuthCredentials{CustomAuthenticationType: aws.String("t"),
				CredentialsMap: map[string]string{"token": "sfk_fl_mapvalue_S3CR3T"}},
			ApiKey: &fltypes.ApiKeyCredentials{ApiKey: aws.String("k"), ApiSecretKey: aws.String("sfk_fl_apisecret_S3CR3T")},
			Oauth2: &fltypes.OAuth2Credentials{ClientId: aws.String("cid"), ClientSecret: aws.String("sfk_fl_clientsecret_S3CR3T")}}}},
	} {
		profile := aws.String("sfk-" + name)
		config := &fltypes.ConnectorProfileConfig{ConnectorProfileProperties: props, ConnectorProfileCredentials: cfg.creds}
		_, err := c.CreateConnectorProfile(ctx, &appflow.CreateConnectorProfileInput{ConnectorProfileName: profile, ConnectorType: cfg.typ,
			ConnectionMode: fltypes.ConnectionModePublic, ConnectorProfileConfig: config})
		require.NoError(t, err, name)
		_, err = c.CreateConnectorProfile(ctx, &appflow.CreateConnectorProfileInput{ConnectorProfileName: profile, ConnectorType: cfg.typ,
			ConnectionMode: fltypes.ConnectionModePublic, ConnectorProfileConfig: config})
		fail("appflow duplicate create "+name, err)
		_, err = c.UpdateConnectorProfile(ctx, &appflow.UpdateConnectorProfileInput{ConnectorProfileName: profile, ConnectionMode: fltypes.ConnectionModePrivate, ConnectorProfileConfig: config})
		require.NoError(t, err, name)
		_, err = c.DescribeConnectorProfiles(ctx, &appflow.DescribeConnectorProfilesInput{ConnectorProfileNames: []string{*profile}})
		require.NoError(t, err, name)
		_, err = c.UpdateConnectorProfile(ctx, &appflow.UpdateConnectorProfileInput{ConnectorProfileName: aws.String("missing"), ConnectionMode: fltypes.ConnectionModePrivate, ConnectorProfileConfig: config})
		fail("appflow update missing "+name, err)
		_, err = c.UpdateConnectorProfile(ctx, &appflow.UpdateConnectorProfileInput{ConnectorProfileName: profile, ConnectionMode: "Sideways", ConnectorProfileConfig: config})
		fail("appflow invalid update "+name, err)
		_, err = c.DeleteConnectorProfile(ctx, &appflow.DeleteConnectorProfileInput{ConnectorProfileName: profile})
		require.NoError(t, err, name)
	}
}

// smithyfakeBuffer is a bytes.Buffer safe for concurrent writes.
type smithyfakeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *smithyfakeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *smithyfakeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// smithyfakeRecorder is an HTTP client that writes every reply (status
// line, headers and body) to out.
type smithyfakeRecorder struct{ out io.Writer }

func (c *smithyfakeRecorder) Do(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s\n", resp.Proto, resp.Status)
	resp.Header.Write(&b)
	b.WriteString("\n")
	b.Write(body)
	b.WriteString("\n")
	c.out.Write(b.Bytes())
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}
