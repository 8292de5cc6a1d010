package appfabric_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
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
	"github.com/smithygen/smithygen/internal/seedsyntax"
)

// newClient serves h with httptest and returns a real AppFabric client for
// it; every reply body is also written to replies, when not nil.
func newClient(t *testing.T, h af.Handler, replies *strings.Builder) *sdk.Client {
	t.Helper()
	srv := httptest.NewServer(af.NewServer(h))
	t.Cleanup(srv.Close)
	o := sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""), RetryMaxAttempts: 1}
	if replies != nil {
		o.HTTPClient = &recordingClient{out: replies}
	}
	return sdk.New(o)
}

func newBundle(t *testing.T, c *sdk.Client) string {
	t.Helper()
	b, err := c.CreateAppBundle(context.Background(), &sdk.CreateAppBundleInput{})
	require.NoError(t, err)
	require.NotNil(t, b.AppBundle)
	return aws.ToString(b.AppBundle.Arn)
}

func oauth2(secret string) types.Credential {
	return &types.CredentialMemberOauth2Credential{Value: types.Oauth2Credential{ClientId: aws.String("client-1"), ClientSecret: aws.String(secret)}}
}

// TestAppAuthorizationLifecycle drives create → get → update → get → delete
// → not found, and the documented PendingConnect/Connected transitions.
func TestAppAuthorizationLifecycle(t *testing.T) {
	ctx := context.Background()
	var replies strings.Builder
	c := newClient(t, af.NewFake(), &replies)
	bundleARN := newBundle(t, c)
	assert.True(t, strings.HasPrefix(bundleARN, "arn:aws:appfabric:us-east-1:123456789012:appbundle/"), bundleARN)

	created, err := c.CreateAppAuthorization(ctx, &sdk.CreateAppAuthorizationInput{
		AppBundleIdentifier: aws.String(bundleARN), App: aws.String("SLACK"), AuthType: types.AuthTypeOauth2,
		Credential: oauth2("cs-SECRET"), Tenant: &types.Tenant{TenantIdentifier: aws.String("T1"), TenantDisplayName: aws.String("Tenant one")},
	})
	require.NoError(t, err)
	auth := created.AppAuthorization
	require.NotNil(t, auth)
	assert.Equal(t, types.AppAuthorizationStatusPendingConnect, auth.Status, "a new authorization is PendingConnect")
	assert.Equal(t, bundleARN, aws.ToString(auth.AppBundleArn))
	assert.Equal(t, "SLACK", aws.ToString(auth.App))
	require.NotNil(t, auth.CreatedAt)
	authARN := aws.ToString(auth.AppAuthorizationArn)
	authID := authARN[strings.LastIndexByte(authARN, '/')+1:]
	bundleID := bundleARN[strings.LastIndexByte(bundleARN, '/')+1:]

	// ARN or UUID identify the same authorization.
	got, err := c.GetAppAuthorization(ctx, &sdk.GetAppAuthorizationInput{AppBundleIdentifier: aws.String(bundleID), AppAuthorizationIdentifier: aws.String(authID)})
	require.NoError(t, err)
	assert.Equal(t, authARN, aws.ToString(got.AppAuthorization.AppAuthorizationArn))
	assert.Equal(t, "Tenant one", aws.ToString(got.AppAuthorization.Tenant.TenantDisplayName))

	conn, err := c.ConnectAppAuthorization(ctx, &sdk.ConnectAppAuthorizationInput{AppBundleIdentifier: aws.String(bundleARN), AppAuthorizationIdentifier: aws.String(authARN),
		AuthRequest: &types.AuthRequest{RedirectUri: aws.String("https://example.com/cb"), Code: aws.String("code-SECRET")}})
	require.NoError(t, err)
	assert.Equal(t, types.AppAuthorizationStatusConnected, conn.AppAuthorizationSummary.Status)

	updated, err := c.UpdateAppAuthorization(ctx, &sdk.UpdateAppAuthorizationInput{AppBundleIdentifier: aws.String(bundleARN), AppAuthorizationIdentifier: aws.String(authARN),
		Credential: oauth2("cs2-SECRET"), Tenant: &types.Tenant{TenantIdentifier: aws.String("T1"), TenantDisplayName: aws.String("Tenant renamed")}})
	require.NoError(t, err)
	assert.Equal(t, types.AppAuthorizationStatusPendingConnect, updated.AppAuthorization.Status,
		"updating a Connected authorization sets it back to PendingConnect")
	assert.Equal(t, "Tenant renamed", aws.ToString(updated.AppAuthorization.Tenant.TenantDisplayName))
	assert.False(t, updated.AppAuthorization.UpdatedAt.Before(*updated.AppAuthorization.CreatedAt))

	got, err = c.GetAppAuthorization(ctx, &sdk.GetAppAuthorizationInput{AppBundleIdentifier: aws.String(bundleARN), AppAuthorizationIdentifier: aws.String(authARN)})
	require.NoError(t, err)
	assert.Equal(t, "Tenant renamed", aws.ToString(got.AppAuthorization.Tenant.TenantDisplayName))
	assert.Equal(t, types.AppAuthorizationStatusPendingConnect, got.AppAuthorization.Status)

	list, err := c.ListAppAuthorizations(ctx, &sdk.ListAppAuthorizationsInput{AppBundleIdentifier: aws.String(bundleARN)})
	require.NoError(t, err)
	require.Len(t, list.AppAuthorizationSummaryList, 1)
	assert.Equal(t, authARN, aws.ToString(list.AppAuthorizationSummaryList[0].AppAuthorizationArn))

	_, err = c.DeleteAppAuthorization(ctx, &sdk.DeleteAppAuthorizationInput{AppBundleIdentifier: aws.String(bundleARN), AppAuthorizationIdentifier: aws.String(authARN)})
	require.NoError(t, err)
	_, err = c.GetAppAuthorization(ctx, &sdk.GetAppAuthorizationInput{AppBundleIdentifier: aws.String(bundleARN), AppAuthorizationIdentifier: aws.String(authARN)})
	var notFound *types.ResourceNotFoundException
	require.ErrorAs(t, err, &notFound)
	assert.Equal(t, authID, aws.ToString(notFound.ResourceId))
	_, err = c.UpdateAppAuthorization(ctx, &sdk.UpdateAppAuthorizationInput{AppBundleIdentifier: aws.String(bundleARN), AppAuthorizationIdentifier: aws.String(authARN)})
	require.ErrorAs(t, err, &notFound)

	// A bundle that does not exist is not found either.
	_, err = c.CreateAppAuthorization(ctx, &sdk.CreateAppAuthorizationInput{
		AppBundleIdentifier: aws.String("00000000-0000-4000-8000-000000000000"), App: aws.String("SLACK"), AuthType: types.AuthTypeApiKey,
		Credential: &types.CredentialMemberApiKeyCredential{Value: types.ApiKeyCredential{ApiKey: aws.String("k-SECRET")}},
		Tenant:     &types.Tenant{TenantIdentifier: aws.String("T"), TenantDisplayName: aws.String("T")},
	})
	require.ErrorAs(t, err, &notFound)
	assert.Equal(t, "AppBundle", aws.ToString(notFound.ResourceType))

	assert.NotContains(t, replies.String(), "SECRET", "secrets are never echoed")
}

// TestIdempotentCreate checks that a create repeated with its client token
// (an SDK retry) returns what the first one made instead of a second bundle.
func TestIdempotentCreate(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, af.NewFake(), nil)
	token := "2b5f1a9e-0c4d-4d39-9a55-0a6f4c1e7d11"
	first, err := c.CreateAppBundle(ctx, &sdk.CreateAppBundleInput{ClientToken: aws.String(token)})
	require.NoError(t, err)
	again, err := c.CreateAppBundle(ctx, &sdk.CreateAppBundleInput{ClientToken: aws.String(token)})
	require.NoError(t, err)
	assert.Equal(t, aws.ToString(first.AppBundle.Arn), aws.ToString(again.AppBundle.Arn))
	other, err := c.CreateAppBundle(ctx, &sdk.CreateAppBundleInput{})
	require.NoError(t, err)
	assert.NotEqual(t, aws.ToString(first.AppBundle.Arn), aws.ToString(other.AppBundle.Arn))
}

// TestAppAuthorizationValidation checks that invalid input fails with the
// operation's ValidationException: reason, message and a field per failure.
func TestAppAuthorizationValidation(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, af.NewFake(), nil)
	_, err := c.GetAppAuthorization(ctx, &sdk.GetAppAuthorizationInput{AppBundleIdentifier: aws.String("not-an-id"), AppAuthorizationIdentifier: aws.String("nope")})
	var invalid *types.ValidationException
	require.ErrorAs(t, err, &invalid)
	assert.Equal(t, types.ValidationExceptionReasonFieldValidationFailed, invalid.Reason)
	assert.Contains(t, aws.ToString(invalid.Message), "2 validation errors detected")
	var paths []string
	for _, f := range invalid.FieldList {
		paths = append(paths, aws.ToString(f.Name))
		assert.Contains(t, aws.ToString(f.Message), aws.ToString(f.Name))
	}
	assert.ElementsMatch(t, []string{"/appBundleIdentifier", "/appAuthorizationIdentifier"}, paths)

	_, err = c.CreateAppAuthorization(ctx, &sdk.CreateAppAuthorizationInput{
		AppBundleIdentifier: aws.String(newBundle(t, c)), App: aws.String(strings.Repeat("a", 256)), AuthType: types.AuthTypeOauth2,
		Credential: oauth2("s"), Tenant: &types.Tenant{TenantIdentifier: aws.String("T"), TenantDisplayName: aws.String("T")},
	})
	require.ErrorAs(t, err, &invalid)
	require.Len(t, invalid.FieldList, 1)
	assert.Equal(t, "/app", aws.ToString(invalid.FieldList[0].Name))
}

// TestAppAuthorizationSeedExamples sends every request example of the
// UpdateAppAuthorization seed page through the SDK: each is accepted.
func TestAppAuthorizationSeedExamples(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, af.NewFake(), nil)
	bundle := newBundle(t, c)
	n := 0
	for _, page := range seedsyntax.ServicePages(t, "AppFabric") {
		require.Equal(t, "UpdateAppAuthorization", page.GoOperation(), page.Name)
		seedsyntax.MarkUnions(page.Request, page.RequestUnions)
		exp, err := seedsyntax.Expand(page.Request, seedsyntax.Options{PlainStrings: true})
		require.NoError(t, err)
		for _, ex := range exp.Examples {
			created, err := c.CreateAppAuthorization(ctx, &sdk.CreateAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle), App: aws.String("JIRA"),
				AuthType: types.AuthTypeOauth2, Credential: oauth2("s"), Tenant: &types.Tenant{TenantIdentifier: aws.String("T"), TenantDisplayName: aws.String("T")}})
			require.NoError(t, err)
			var doc map[string]any
			require.NoError(t, json.Unmarshal(ex.JSON, &doc))
			doc["appBundleIdentifier"] = bundle
			doc["appAuthorizationIdentifier"] = aws.ToString(created.AppAuthorization.AppAuthorizationArn)
			data, err := json.Marshal(doc)
			require.NoError(t, err)
			var in af.UpdateAppAuthorizationInput
			require.NoError(t, in.UnmarshalJSON(data))
			out, err := c.UpdateAppAuthorization(ctx, toSDK[sdk.UpdateAppAuthorizationInput](t, &in))
			require.NoError(t, err, "%s example %d: %s", page.Name, ex.Index, ex.JSON)
			if tenant, ok := doc["tenant"].(map[string]any); ok {
				assert.Equal(t, tenant["tenantDisplayName"], aws.ToString(out.AppAuthorization.Tenant.TenantDisplayName))
			}
			n++
		}
	}
	assert.GreaterOrEqual(t, n, 2, "both credential kinds")
}

var sdkUnions = unionTypes(&types.CredentialMemberOauth2Credential{}, &types.CredentialMemberApiKeyCredential{})

// TestConcurrentUse creates, updates and lists from many goroutines at once
// (run it with -race): every authorization created is listed at the end.
func TestConcurrentUse(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, af.NewFake(), nil)
	bundle := newBundle(t, c)
	const workers, each = 12, 8
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*3)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				name := fmt.Sprintf("w%d-%d", w, i)
				out, err := c.CreateAppAuthorization(ctx, &sdk.CreateAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle), App: aws.String(name),
					AuthType: types.AuthTypeOauth2, Credential: oauth2("s"), Tenant: &types.Tenant{TenantIdentifier: aws.String("T"), TenantDisplayName: aws.String("T")}})
				if err != nil {
					errs <- err
					continue
				}
				if _, err := c.UpdateAppAuthorization(ctx, &sdk.UpdateAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle),
					AppAuthorizationIdentifier: out.AppAuthorization.AppAuthorizationArn, Tenant: &types.Tenant{TenantIdentifier: aws.String("T"), TenantDisplayName: aws.String(name)}}); err != nil {
					errs <- err
				}
				if _, err := c.ListAppAuthorizations(ctx, &sdk.ListAppAuthorizationsInput{AppBundleIdentifier: aws.String(bundle), MaxResults: aws.Int32(7)}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	seen := map[string]bool{}
	p := sdk.NewListAppAuthorizationsPaginator(c, &sdk.ListAppAuthorizationsInput{AppBundleIdentifier: aws.String(bundle), MaxResults: aws.Int32(10)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		require.NoError(t, err)
		for _, s := range page.AppAuthorizationSummaryList {
			assert.Equal(t, aws.ToString(s.App), aws.ToString(s.Tenant.TenantDisplayName), "the update is there")
			seen[aws.ToString(s.App)] = true
		}
	}
	assert.Len(t, seen, workers*each)
}
