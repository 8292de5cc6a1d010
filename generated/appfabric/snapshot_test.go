package appfabric_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/appfabric"
	"github.com/aws/aws-sdk-go-v2/service/appfabric/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	af "github.com/smithygen/smithygen/generated/appfabric"
)

func snapshotClient(t *testing.T, f *af.Fake) *sdk.Client {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return sdk.New(sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", "")})
}

// TestSnapshotKeepsTokens: a restored fake keeps both tables, their parent
// links and the idempotency tokens: a retry with the token of a create made
// before the restore returns the record that create made.
func TestSnapshotKeepsTokens(t *testing.T) {
	ctx := context.Background()
	fake := af.NewFake()
	c := snapshotClient(t, fake)
	bundle, err := c.CreateAppBundle(ctx, &sdk.CreateAppBundleInput{ClientToken: aws.String("11111111-2222-4333-8444-555555555555")})
	require.NoError(t, err)
	auth, err := c.CreateAppAuthorization(ctx, &sdk.CreateAppAuthorizationInput{AppBundleIdentifier: bundle.AppBundle.Arn, App: aws.String("SLACK"),
		AuthType: types.AuthTypeApiKey, ClientToken: aws.String("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"),
		Credential: &types.CredentialMemberApiKeyCredential{Value: types.ApiKeyCredential{ApiKey: aws.String("AF-SNAPSHOT-SECRET")}},
		Tenant:     &types.Tenant{TenantIdentifier: aws.String("t"), TenantDisplayName: aws.String("T")}})
	require.NoError(t, err)

	snap, err := fake.Snapshot()
	require.NoError(t, err)
	assert.Contains(t, string(snap), `"tokens":{"CreateAppAuthorization\u0000aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee":`)
	assert.NotContains(t, string(snap), "AF-SNAPSHOT-SECRET")

	restored := af.NewFake()
	require.NoError(t, restored.Restore(snap))
	back, err := restored.Snapshot()
	require.NoError(t, err)
	assert.Equal(t, string(snap), string(back))

	rc := snapshotClient(t, restored)
	again, err := rc.CreateAppBundle(ctx, &sdk.CreateAppBundleInput{ClientToken: aws.String("11111111-2222-4333-8444-555555555555")})
	require.NoError(t, err)
	assert.Equal(t, aws.ToString(bundle.AppBundle.Arn), aws.ToString(again.AppBundle.Arn), "the token still names the bundle it made")
	got, err := rc.GetAppAuthorization(ctx, &sdk.GetAppAuthorizationInput{AppBundleIdentifier: bundle.AppBundle.Arn,
		AppAuthorizationIdentifier: auth.AppAuthorization.AppAuthorizationArn})
	require.NoError(t, err)
	assert.Equal(t, auth.AppAuthorization.AppAuthorizationArn, got.AppAuthorization.AppAuthorizationArn)
}
