package downstream

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"example.com/downstream/internal/quicksight"
)

const account = "111122223333"

// newClient serves a fresh generated fake with httptest and returns the real
// aws-sdk-go-v2 QuickSight client pointed at it: static credentials (the
// fake does not check signatures), BaseEndpoint instead of the AWS
// endpoint, and no retries so that an error shows up at once (a test that
// puts load on a fake should keep them: see the README's fake-server section).
func newClient(t *testing.T) *sdk.Client {
	t.Helper()
	srv := httptest.NewServer(quicksight.NewFake())
	t.Cleanup(srv.Close)
	return sdk.New(sdk.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(srv.URL),
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "SECRETEXAMPLE", ""),
		RetryMaxAttempts: 1,
	})
}

// TestActionConnectorLifecycle: create → describe → update → list → delete →
// describe is a 404 that the SDK decodes as its ResourceNotFoundException.
func TestActionConnectorLifecycle(t *testing.T) {
	ctx := context.Background()
	c := newClient(t)
	id := aws.String("weather")

	created, err := c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{
		AwsAccountId:      aws.String(account),
		ActionConnectorId: id,
		Name:              aws.String("Weather API"),
		Description:       aws.String("forecasts for the dashboards"),
		Type:              types.ActionConnectorTypeGenericHttp,
		AuthenticationConfig: &types.AuthConfig{
			AuthenticationType: types.ConnectionAuthTypeApiKey,
			AuthenticationMetadata: &types.AuthenticationMetadataMemberApiKeyConnectionMetadata{Value: types.APIKeyConnectionMetadata{
				BaseEndpoint: aws.String("https://api.example.com"),
				ApiKey:       aws.String("key-one"),
			}},
		},
	})
	require.NoError(t, err)
	assert.Equal(t, "weather", aws.ToString(created.ActionConnectorId))
	assert.Equal(t, "arn:aws:quicksight:us-east-1:"+account+":actionconnector/weather", aws.ToString(created.Arn))
	assert.Equal(t, types.ResourceStatusCreationSuccessful, created.CreationStatus)

	described, err := c.DescribeActionConnector(ctx, &sdk.DescribeActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: id})
	require.NoError(t, err)
	require.NotNil(t, described.ActionConnector)
	assert.Equal(t, "Weather API", aws.ToString(described.ActionConnector.Name))
	assert.Equal(t, "forecasts for the dashboards", aws.ToString(described.ActionConnector.Description))
	assert.Equal(t, types.ActionConnectorTypeGenericHttp, described.ActionConnector.Type)

	updated, err := c.UpdateActionConnector(ctx, &sdk.UpdateActionConnectorInput{
		AwsAccountId:      aws.String(account),
		ActionConnectorId: id,
		Name:              aws.String("Weather API v2"),
		AuthenticationConfig: &types.AuthConfig{
			AuthenticationType: types.ConnectionAuthTypeBasic,
			AuthenticationMetadata: &types.AuthenticationMetadataMemberBasicAuthConnectionMetadata{Value: types.BasicAuthConnectionMetadata{
				BaseEndpoint: aws.String("https://basic.example.com"),
				Username:     aws.String("svc"),
				Password:     aws.String("hunter2"),
			}},
		},
	})
	require.NoError(t, err)
	assert.Equal(t, types.ResourceStatusUpdateSuccessful, updated.UpdateStatus)
	assert.Equal(t, aws.ToString(created.Arn), aws.ToString(updated.Arn))

	list, err := c.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account)})
	require.NoError(t, err)
	require.Len(t, list.ActionConnectorSummaries, 1)
	assert.Equal(t, "weather", aws.ToString(list.ActionConnectorSummaries[0].ActionConnectorId))
	assert.Equal(t, "Weather API v2", aws.ToString(list.ActionConnectorSummaries[0].Name), "the list shows the update")

	deleted, err := c.DeleteActionConnector(ctx, &sdk.DeleteActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: id})
	require.NoError(t, err)
	assert.Equal(t, "weather", aws.ToString(deleted.ActionConnectorId))

	_, err = c.DescribeActionConnector(ctx, &sdk.DescribeActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: id})
	require.Error(t, err, "describing a deleted connector")
	var notFound *types.ResourceNotFoundException
	require.True(t, errors.As(err, &notFound), "want *types.ResourceNotFoundException, got %T: %v", err, err)
	assert.Contains(t, aws.ToString(notFound.Message), "weather")
	var resp *awshttp.ResponseError
	require.True(t, errors.As(err, &resp), "want an HTTP response error, got %T", err)
	assert.Equal(t, http.StatusNotFound, resp.HTTPStatusCode())

	list, err = c.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account)})
	require.NoError(t, err)
	assert.Empty(t, list.ActionConnectorSummaries)
}
