package quicksight_test

import (
	"context"
	"fmt"
	"net/http/httptest"
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
	"github.com/smithygen/smithygen/internal/seedsyntax"
)

const account = "111122223333"

// newClient serves h with httptest and returns a real QuickSight client for it.
func newClient(t *testing.T, h qs.Handler, opts ...qs.ServerOption) *sdk.Client {
	t.Helper()
	srv := httptest.NewServer(qs.NewServer(h, opts...))
	t.Cleanup(srv.Close)
	return sdk.New(sdk.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(srv.URL),
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		RetryMaxAttempts: 1,
	})
}

func apiKeyConfig(key string) *types.AuthConfig {
	return &types.AuthConfig{
		AuthenticationType: types.ConnectionAuthTypeApiKey,
		AuthenticationMetadata: &types.AuthenticationMetadataMemberApiKeyConnectionMetadata{Value: types.APIKeyConnectionMetadata{
			BaseEndpoint: aws.String("https://api.example.com"),
			ApiKey:       aws.String(key),
			Email:        aws.String("ops@example.com"),
		}},
	}
}

// TestActionConnectorLifecycle drives create → describe → update → describe →
// delete → not found with the real SDK against the fake.
func TestActionConnectorLifecycle(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, qs.NewFake())

	created, err := c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{
		AwsAccountId:         aws.String(account),
		ActionConnectorId:    aws.String("weather"),
		Name:                 aws.String("Weather API"),
		Type:                 types.ActionConnectorTypeGenericHttp,
		AuthenticationConfig: apiKeyConfig("key-one-SECRET"),
		Description:          aws.String("first"),
	})
	require.NoError(t, err)
	assert.Equal(t, "weather", aws.ToString(created.ActionConnectorId))
	assert.Equal(t, "arn:aws:quicksight:us-east-1:"+account+":actionconnector/weather", aws.ToString(created.Arn))
	assert.Equal(t, types.ResourceStatusCreationSuccessful, created.CreationStatus)
	assert.Equal(t, int32(200), created.Status)
	assert.NotEmpty(t, aws.ToString(created.RequestId))

	_, err = c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{
		AwsAccountId: aws.String(account), ActionConnectorId: aws.String("weather"), Name: aws.String("again"),
		Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: apiKeyConfig("k"),
	})
	var exists *types.ResourceExistsException
	require.ErrorAs(t, err, &exists, "a duplicate create")

	described, err := c.DescribeActionConnector(ctx, &sdk.DescribeActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String("weather")})
	require.NoError(t, err)
	ac := described.ActionConnector
	require.NotNil(t, ac)
	assert.Equal(t, "Weather API", aws.ToString(ac.Name))
	assert.Equal(t, "first", aws.ToString(ac.Description))
	assert.Equal(t, types.ResourceStatusCreationSuccessful, ac.Status)
	assert.Equal(t, aws.ToString(created.Arn), aws.ToString(ac.Arn))
	assert.NotNil(t, ac.CreatedTime)
	require.NotNil(t, ac.AuthenticationConfig)
	assert.Equal(t, types.ConnectionAuthTypeApiKey, ac.AuthenticationConfig.AuthenticationType)
	readKey, ok := ac.AuthenticationConfig.AuthenticationMetadata.(*types.ReadAuthenticationMetadataMemberApiKeyConnectionMetadata)
	require.True(t, ok, "ReadAuthenticationMetadata is filled from AuthenticationMetadata, got %T", ac.AuthenticationConfig.AuthenticationMetadata)
	assert.Equal(t, "https://api.example.com", aws.ToString(readKey.Value.BaseEndpoint))
	assert.Equal(t, "ops@example.com", aws.ToString(readKey.Value.Email))

	updated, err := c.UpdateActionConnector(ctx, &sdk.UpdateActionConnectorInput{
		AwsAccountId: aws.String(account), ActionConnectorId: aws.String("weather"),
		Name: aws.String("Weather API v2"),
		AuthenticationConfig: &types.AuthConfig{
			AuthenticationType: types.ConnectionAuthTypeBasic,
			AuthenticationMetadata: &types.AuthenticationMetadataMemberBasicAuthConnectionMetadata{Value: types.BasicAuthConnectionMetadata{
				BaseEndpoint: aws.String("https://basic.example.com"), Username: aws.String("svc"), Password: aws.String("hunter2-SECRET"),
			}},
		},
	})
	require.NoError(t, err)
	assert.Equal(t, types.ResourceStatusUpdateSuccessful, updated.UpdateStatus)
	assert.Equal(t, aws.ToString(created.Arn), aws.ToString(updated.Arn))

	described, err = c.DescribeActionConnector(ctx, &sdk.DescribeActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String("weather")})
	require.NoError(t, err)
	ac = described.ActionConnector
	assert.Equal(t, "Weather API v2", aws.ToString(ac.Name))
	assert.Equal(t, "first", aws.ToString(ac.Description), "members the update leaves out keep their value")
	assert.Equal(t, types.ResourceStatusUpdateSuccessful, ac.Status)
	basic, ok := ac.AuthenticationConfig.AuthenticationMetadata.(*types.ReadAuthenticationMetadataMemberBasicAuthConnectionMetadata)
	require.True(t, ok, "got %T", ac.AuthenticationConfig.AuthenticationMetadata)
	assert.Equal(t, "svc", aws.ToString(basic.Value.Username))
	assert.False(t, ac.LastUpdatedTime.Before(*ac.CreatedTime))

	list, err := c.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account)})
	require.NoError(t, err)
	require.Len(t, list.ActionConnectorSummaries, 1)
	assert.Equal(t, "Weather API v2", aws.ToString(list.ActionConnectorSummaries[0].Name))

	deleted, err := c.DeleteActionConnector(ctx, &sdk.DeleteActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String("weather")})
	require.NoError(t, err)
	assert.Equal(t, "weather", aws.ToString(deleted.ActionConnectorId))

	_, err = c.DescribeActionConnector(ctx, &sdk.DescribeActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String("weather")})
	var notFound *types.ResourceNotFoundException
	require.ErrorAs(t, err, &notFound)
	assert.Contains(t, aws.ToString(notFound.Message), "weather")
	_, err = c.UpdateActionConnector(ctx, &sdk.UpdateActionConnectorInput{
		AwsAccountId: aws.String(account), ActionConnectorId: aws.String("weather"), Name: aws.String("x"), AuthenticationConfig: apiKeyConfig("k"),
	})
	require.ErrorAs(t, err, &notFound)
	_, err = c.DeleteActionConnector(ctx, &sdk.DeleteActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String("weather")})
	require.ErrorAs(t, err, &notFound)
}

// TestActionConnectorSecretsNotEchoed checks that no reply carries a secret
// given on create or update, whatever the authentication type.
func TestActionConnectorSecretsNotEchoed(t *testing.T) {
	ctx := context.Background()
	var bodies strings.Builder
	fake := qs.NewFake()
	srv := httptest.NewServer(qs.NewServer(fake))
	t.Cleanup(srv.Close)
	c := sdk.New(sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRETKEY", ""),
		HTTPClient:  &recordingClient{out: &bodies}})
	configs := map[string]*types.AuthConfig{
		"apikey": apiKeyConfig("ak-SECRET"),
		"basic": {AuthenticationType: types.ConnectionAuthTypeBasic, AuthenticationMetadata: &types.AuthenticationMetadataMemberBasicAuthConnectionMetadata{
			Value: types.BasicAuthConnectionMetadata{BaseEndpoint: aws.String("https://b"), Username: aws.String("u"), Password: aws.String("pw-SECRET")}}},
		"clientcreds": {AuthenticationType: types.ConnectionAuthTypeOauth2ClientCredentials, AuthenticationMetadata: &types.AuthenticationMetadataMemberClientCredentialsGrantMetadata{
			Value: types.ClientCredentialsGrantMetadata{BaseEndpoint: aws.String("https://c"), ClientCredentialsDetails: &types.ClientCredentialsDetailsMemberClientCredentialsGrantDetails{
				Value: types.ClientCredentialsGrantDetails{ClientId: aws.String("cid"), ClientSecret: aws.String("cs-SECRET"), TokenEndpoint: aws.String("https://t")}}}}},
		"authcode": {AuthenticationType: types.ConnectionAuthTypeOauth2AuthorizationCode, AuthenticationMetadata: &types.AuthenticationMetadataMemberAuthorizationCodeGrantMetadata{
			Value: types.AuthorizationCodeGrantMetadata{BaseEndpoint: aws.String("https://a"), RedirectUrl: aws.String("https://r"),
				AuthorizationCodeGrantCredentialsDetails: &types.AuthorizationCodeGrantCredentialsDetailsMemberAuthorizationCodeGrantDetails{
					Value: types.AuthorizationCodeGrantDetails{ClientId: aws.String("cid"), ClientSecret: aws.String("ac-SECRET"),
						TokenEndpoint: aws.String("https://t"), AuthorizationEndpoint: aws.String("https://ae")}}}}},
	}
	for id, cfg := range configs {
		_, err := c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String(id),
			Name: aws.String(id), Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: cfg})
		require.NoError(t, err)
		_, err = c.UpdateActionConnector(ctx, &sdk.UpdateActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String(id),
			Name: aws.String(id), AuthenticationConfig: cfg})
		require.NoError(t, err)
		d, err := c.DescribeActionConnector(ctx, &sdk.DescribeActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String(id)})
		require.NoError(t, err)
		assert.NotNil(t, d.ActionConnector.AuthenticationConfig.AuthenticationMetadata, id)
		// And through the Go API too.
		out, err := fake.DescribeActionConnector(ctx, &qs.DescribeActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String(id)})
		require.NoError(t, err)
		data, err := out.MarshalJSON()
		require.NoError(t, err)
		assert.NotContains(t, string(data), "SECRET", id)
	}
	_, err := c.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account)})
	require.NoError(t, err)
	assert.Contains(t, bodies.String(), "GENERIC_HTTP", "the recorder sees the replies")
	assert.NotContains(t, bodies.String(), "SECRET")
}

// TestActionConnectorValidation checks that invalid input fails with the
// operation's InvalidParameterValueException, naming every failing member,
// and that the quicksuite- prefix rule holds.
func TestActionConnectorValidation(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, qs.NewFake())

	// The SDK checks required members itself; send what it lets through.
	_, err := c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{
		AwsAccountId: aws.String("12345"), ActionConnectorId: aws.String(""), Name: aws.String("n"),
		Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: apiKeyConfig("k"),
	})
	var invalid *types.InvalidParameterValueException
	require.ErrorAs(t, err, &invalid)
	msg := aws.ToString(invalid.Message)
	// AwsAccountId fails @length and @pattern; so does the empty ActionConnectorId (length 0).
	assert.Contains(t, msg, "4 validation errors detected")
	assert.Contains(t, msg, "/AwsAccountId")
	assert.Contains(t, msg, "/ActionConnectorId")
	assert.NotEmpty(t, aws.ToString(invalid.RequestId))

	_, err = c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{
		AwsAccountId: aws.String(account), ActionConnectorId: aws.String("quicksuite-weather"), Name: aws.String("n"),
		Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: apiKeyConfig("k"),
	})
	require.ErrorAs(t, err, &invalid, "an ActionConnectorId starting with quicksuite- is refused")
	assert.Contains(t, aws.ToString(invalid.Message), "/ActionConnectorId")

	// With validation off the bad account ID reaches the fake, which stores it.
	off := newClient(t, qs.NewFake(), qs.WithValidation(qs.ValidateOff))
	_, err = off.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{
		AwsAccountId: aws.String("12345"), ActionConnectorId: aws.String("ok"), Name: aws.String("n"),
		Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: apiKeyConfig("k"),
	})
	require.NoError(t, err)
}

// TestActionConnectorPagination lists page by page with the SDK paginator.
func TestActionConnectorPagination(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, qs.NewFake())
	for i := range 7 {
		_, err := c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{AwsAccountId: aws.String(account),
			ActionConnectorId: aws.String(fmt.Sprintf("c%d", i)), Name: aws.String("n"), Type: types.ActionConnectorTypeSlack, AuthenticationConfig: apiKeyConfig("k")})
		require.NoError(t, err)
	}
	p := sdk.NewListActionConnectorsPaginator(c, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account), MaxResults: aws.Int32(3)})
	var ids []string
	pages := 0
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		require.NoError(t, err)
		pages++
		for _, s := range page.ActionConnectorSummaries {
			ids = append(ids, aws.ToString(s.ActionConnectorId))
		}
	}
	assert.Equal(t, 3, pages)
	assert.Equal(t, []string{"c0", "c1", "c2", "c3", "c4", "c5", "c6"}, ids)

	_, err := c.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account), NextToken: aws.String("bogus")})
	var bad *types.InvalidNextTokenException
	require.ErrorAs(t, err, &bad)
}

// TestActionConnectorSeedExamples sends every request example of the seed
// pages (boto3 Request Syntax, expanded until every enum value and union
// member is used) through the SDK, and checks the fake accepts each.
func TestActionConnectorSeedExamples(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, qs.NewFake())
	n := 0
	for _, page := range seedsyntax.ServicePages(t, "QuickSight") {
		seedsyntax.MarkUnions(page.Request, page.RequestUnions)
		exp, err := seedsyntax.Expand(page.Request, seedsyntax.Options{PlainStrings: true})
		require.NoError(t, err, page.Name)
		for _, ex := range exp.Examples {
			// Seed placeholders are not valid values: give the
			// identifiers values that pass validation, the same for
			// every operation so that describe and update find what
			// create made.
			var doc map[string]any
			require.NoError(t, jsonUnmarshal(ex.JSON, &doc))
			doc["AwsAccountId"] = account
			id := fmt.Sprintf("seed-%d", n)
			doc["ActionConnectorId"] = id
			data, err := jsonMarshal(doc)
			require.NoError(t, err)
			op := page.GoOperation()
			n++
			switch op {
			case "CreateActionConnector":
				var in qs.CreateActionConnectorInput
				require.NoError(t, in.UnmarshalJSON(data))
				sdkIn := toSDK[sdk.CreateActionConnectorInput](t, &in)
				_, err = c.CreateActionConnector(ctx, sdkIn)
			case "UpdateActionConnector", "DescribeActionConnector":
				// Make sure the connector exists, then run the example.
				_, _ = c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{AwsAccountId: aws.String(account),
					ActionConnectorId: aws.String(id), Name: aws.String("n"),
					Type: types.ActionConnectorTypeSlack, AuthenticationConfig: apiKeyConfig("k")})
				if op == "UpdateActionConnector" {
					var in qs.UpdateActionConnectorInput
					require.NoError(t, in.UnmarshalJSON(data))
					_, err = c.UpdateActionConnector(ctx, toSDK[sdk.UpdateActionConnectorInput](t, &in))
				} else {
					var in qs.DescribeActionConnectorInput
					require.NoError(t, in.UnmarshalJSON(data))
					_, err = c.DescribeActionConnector(ctx, toSDK[sdk.DescribeActionConnectorInput](t, &in))
				}
			default:
				t.Fatalf("%s: no test for operation %s", page.Name, op)
			}
			require.NoError(t, err, "%s example %d: %s", page.Name, ex.Index, ex.JSON)
		}
	}
	assert.Greater(t, n, 10)
}

// sdkUnions maps each union variant of this package to the SDK's, by name.
var sdkUnions = unionTypes(
	&types.AuthenticationMetadataMemberAuthorizationCodeGrantMetadata{}, &types.AuthenticationMetadataMemberClientCredentialsGrantMetadata{},
	&types.AuthenticationMetadataMemberBasicAuthConnectionMetadata{}, &types.AuthenticationMetadataMemberApiKeyConnectionMetadata{},
	&types.AuthenticationMetadataMemberNoneConnectionMetadata{}, &types.AuthenticationMetadataMemberIamConnectionMetadata{},
	&types.AuthorizationCodeGrantCredentialsDetailsMemberAuthorizationCodeGrantDetails{},
	&types.ClientCredentialsDetailsMemberClientCredentialsGrantDetails{},
)

// TestConcurrentUse creates, updates and lists from many goroutines at once
// (run it with -race): every connector created is there at the end.
func TestConcurrentUse(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, qs.NewFake())
	const workers, each = 16, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*3)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				id := fmt.Sprintf("w%d-%d", w, i)
				if _, err := c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String(id),
					Name: aws.String(id), Type: types.ActionConnectorTypeSlack, AuthenticationConfig: apiKeyConfig("k")}); err != nil {
					errs <- err
					continue
				}
				if _, err := c.UpdateActionConnector(ctx, &sdk.UpdateActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String(id),
					Name: aws.String(id + "-updated"), AuthenticationConfig: apiKeyConfig("k2")}); err != nil {
					errs <- err
				}
				if _, err := c.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account), MaxResults: aws.Int32(5)}); err != nil {
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
	names := map[string]bool{}
	p := sdk.NewListActionConnectorsPaginator(c, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account), MaxResults: aws.Int32(100)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		require.NoError(t, err)
		for _, s := range page.ActionConnectorSummaries {
			names[aws.ToString(s.Name)] = true
		}
	}
	require.Len(t, names, workers*each)
	for w := range workers {
		for i := range each {
			assert.True(t, names[fmt.Sprintf("w%d-%d-updated", w, i)])
		}
	}
}

// deniedDescribes overrides one operation of the fake: the others still work.
type deniedDescribes struct{ *qs.Fake }

func (deniedDescribes) DescribeActionConnector(context.Context, *qs.DescribeActionConnectorInput) (*qs.DescribeActionConnectorOutput, error) {
	return nil, &qs.AccessDeniedException{Message: aws.String("not for you")}
}

// TestOverrideOneOperation embeds *Fake to change one operation, and serves
// a Fake directly as an http.Handler.
func TestOverrideOneOperation(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, deniedDescribes{qs.NewFake()})
	_, err := c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String("x"),
		Name: aws.String("x"), Type: types.ActionConnectorTypeSlack, AuthenticationConfig: apiKeyConfig("k")})
	require.NoError(t, err)
	_, err = c.DescribeActionConnector(ctx, &sdk.DescribeActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String("x")})
	var denied *types.AccessDeniedException
	require.ErrorAs(t, err, &denied)
	assert.Equal(t, "not for you", aws.ToString(denied.Message))

	srv := httptest.NewServer(qs.NewFake())
	t.Cleanup(srv.Close)
	direct := sdk.New(sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: credentials.NewStaticCredentialsProvider("A", "B", "")})
	out, err := direct.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account)})
	require.NoError(t, err)
	assert.Empty(t, out.ActionConnectorSummaries)
}
