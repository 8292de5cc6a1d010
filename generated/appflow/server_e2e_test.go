package appflow_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/appflow"
	"github.com/aws/aws-sdk-go-v2/service/appflow/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	fl "github.com/smithygen/smithygen/generated/appflow"
	"github.com/smithygen/smithygen/internal/seedsyntax"
)

// newClient serves h with httptest and returns a real AppFlow client for it;
// every reply body is also written to replies, when not nil.
func newClient(t *testing.T, h fl.Handler, replies *strings.Builder, opts ...fl.ServerOption) *sdk.Client {
	t.Helper()
	srv := httptest.NewServer(fl.NewServer(h, opts...))
	t.Cleanup(srv.Close)
	o := sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""), RetryMaxAttempts: 1}
	if replies != nil {
		o.HTTPClient = &recordingClient{out: replies}
	}
	return sdk.New(o)
}

func redshiftConfig(bucket, password string) *types.ConnectorProfileConfig {
	return &types.ConnectorProfileConfig{
		ConnectorProfileProperties: &types.ConnectorProfileProperties{Redshift: &types.RedshiftConnectorProfileProperties{
			BucketName: aws.String(bucket), RoleArn: aws.String("arn:aws:iam::123456789012:role/appflow"), DatabaseUrl: aws.String("jdbc:redshift://example:5439/dev"),
		}},
		ConnectorProfileCredentials: &types.ConnectorProfileCredentials{Redshift: &types.RedshiftConnectorProfileCredentials{
			Username: aws.String("admin"), Password: aws.String(password),
		}},
	}
}

func describe(t *testing.T, c *sdk.Client, name string) []types.ConnectorProfile {
	t.Helper()
	out, err := c.DescribeConnectorProfiles(context.Background(), &sdk.DescribeConnectorProfilesInput{ConnectorProfileNames: []string{name}})
	require.NoError(t, err)
	return out.ConnectorProfileDetails
}

// TestConnectorProfileLifecycle drives create → describe → update → describe
// → delete → not found with the real SDK against the fake.
func TestConnectorProfileLifecycle(t *testing.T) {
	ctx := context.Background()
	var replies strings.Builder
	c := newClient(t, fl.NewFake(), &replies)

	created, err := c.CreateConnectorProfile(ctx, &sdk.CreateConnectorProfileInput{
		ConnectorProfileName: aws.String("warehouse"), ConnectorType: types.ConnectorTypeRedshift, ConnectionMode: types.ConnectionModePublic,
		ConnectorProfileConfig: redshiftConfig("bucket-one", "pw-SECRET"),
	})
	require.NoError(t, err)
	arn := aws.ToString(created.ConnectorProfileArn)
	assert.Equal(t, "arn:aws:appflow:us-east-1:123456789012:connectorprofile/warehouse", arn)

	_, err = c.CreateConnectorProfile(ctx, &sdk.CreateConnectorProfileInput{
		ConnectorProfileName: aws.String("warehouse"), ConnectorType: types.ConnectorTypeRedshift, ConnectionMode: types.ConnectionModePublic,
		ConnectorProfileConfig: redshiftConfig("bkt", "p"),
	})
	var conflict *types.ConflictException
	require.ErrorAs(t, err, &conflict, "a duplicate create")

	got := describe(t, c, "warehouse")
	require.Len(t, got, 1)
	assert.Equal(t, arn, aws.ToString(got[0].ConnectorProfileArn))
	assert.Equal(t, types.ConnectorTypeRedshift, got[0].ConnectorType)
	assert.Equal(t, types.ConnectionModePublic, got[0].ConnectionMode)
	assert.Equal(t, "bucket-one", aws.ToString(got[0].ConnectorProfileProperties.Redshift.BucketName))
	require.NotNil(t, got[0].CreatedAt)

	updated, err := c.UpdateConnectorProfile(ctx, &sdk.UpdateConnectorProfileInput{
		ConnectorProfileName: aws.String("warehouse"), ConnectionMode: types.ConnectionModePrivate,
		ConnectorProfileConfig: redshiftConfig("bucket-two", "pw2-SECRET"),
	})
	require.NoError(t, err)
	assert.Equal(t, arn, aws.ToString(updated.ConnectorProfileArn))

	got = describe(t, c, "warehouse")
	require.Len(t, got, 1)
	assert.Equal(t, types.ConnectionModePrivate, got[0].ConnectionMode)
	assert.Equal(t, "bucket-two", aws.ToString(got[0].ConnectorProfileProperties.Redshift.BucketName))
	assert.Equal(t, types.ConnectorTypeRedshift, got[0].ConnectorType, "members the update leaves out keep their value")
	assert.False(t, got[0].LastUpdatedAt.Before(*got[0].CreatedAt))

	// Filters: by type and by name.
	out, err := c.DescribeConnectorProfiles(ctx, &sdk.DescribeConnectorProfilesInput{ConnectorType: types.ConnectorTypeSalesforce})
	require.NoError(t, err)
	assert.Empty(t, out.ConnectorProfileDetails)
	out, err = c.DescribeConnectorProfiles(ctx, &sdk.DescribeConnectorProfilesInput{ConnectorType: types.ConnectorTypeRedshift})
	require.NoError(t, err)
	assert.Len(t, out.ConnectorProfileDetails, 1)

	_, err = c.DeleteConnectorProfile(ctx, &sdk.DeleteConnectorProfileInput{ConnectorProfileName: aws.String("warehouse")})
	require.NoError(t, err)
	assert.Empty(t, describe(t, c, "warehouse"), "a deleted profile is not described")
	var notFound *types.ResourceNotFoundException
	_, err = c.UpdateConnectorProfile(ctx, &sdk.UpdateConnectorProfileInput{
		ConnectorProfileName: aws.String("warehouse"), ConnectionMode: types.ConnectionModePublic, ConnectorProfileConfig: redshiftConfig("bkt", "p"),
	})
	require.ErrorAs(t, err, &notFound)
	_, err = c.DeleteConnectorProfile(ctx, &sdk.DeleteConnectorProfileInput{ConnectorProfileName: aws.String("warehouse")})
	require.ErrorAs(t, err, &notFound)

	assert.NotContains(t, replies.String(), "SECRET", "secrets are never echoed")
}

// TestConnectorProfileValidation checks that invalid input fails with the
// operation's ValidationException, naming every failing member.
func TestConnectorProfileValidation(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, fl.NewFake(), nil)
	_, err := c.UpdateConnectorProfile(ctx, &sdk.UpdateConnectorProfileInput{
		ConnectorProfileName: aws.String("bad name with spaces?"), ConnectionMode: "Sideways",
		ConnectorProfileConfig: redshiftConfig("bkt", "p"),
	})
	var invalid *types.ValidationException
	require.ErrorAs(t, err, &invalid)
	msg := aws.ToString(invalid.Message)
	assert.Contains(t, msg, "1 validation error detected")
	assert.Contains(t, msg, "/connectionMode")
	assert.NotContains(t, msg, "/connectorProfileName", "the pattern is not anchored: a name with a valid part passes")
}

// TestConnectorProfileSeedExamples sends every request example of the
// UpdateConnectorProfile seed page through the SDK, each after creating the
// profile it names: every one is accepted and its properties are stored.
// The page's placeholders ('string') break the model's patterns and lengths
// (role ARNs, SAP client numbers, ...), so the server checks required members
// only, as WithValidation(ValidateRequired) is meant for.
func TestConnectorProfileSeedExamples(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, fl.NewFake(), nil, fl.WithValidation(fl.ValidateRequired))
	n := 0
	for _, page := range seedsyntax.ServicePages(t, "Appflow") {
		require.Equal(t, "UpdateConnectorProfile", page.GoOperation(), page.Name)
		seedsyntax.MarkUnions(page.Request, page.RequestUnions)
		exp, err := seedsyntax.Expand(page.Request, seedsyntax.Options{PlainStrings: true})
		require.NoError(t, err)
		for _, ex := range exp.Examples {
			name := fmt.Sprintf("seed-%d", n)
			_, err := c.CreateConnectorProfile(ctx, &sdk.CreateConnectorProfileInput{ConnectorProfileName: aws.String(name),
				ConnectorType: types.ConnectorTypeRedshift, ConnectionMode: types.ConnectionModePublic, ConnectorProfileConfig: redshiftConfig("bkt", "p")})
			require.NoError(t, err)
			var doc map[string]any
			require.NoError(t, json.Unmarshal(ex.JSON, &doc))
			doc["connectorProfileName"] = name
			data, err := json.Marshal(doc)
			require.NoError(t, err)
			var in fl.UpdateConnectorProfileInput
			require.NoError(t, in.UnmarshalJSON(data))
			sdkIn := toSDK[sdk.UpdateConnectorProfileInput](t, &in)
			_, err = c.UpdateConnectorProfile(ctx, sdkIn)
			require.NoError(t, err, "%s example %d: %s", page.Name, ex.Index, ex.JSON)
			got := describe(t, c, name)
			require.Len(t, got, 1)
			assert.Equal(t, sdkIn.ConnectionMode, got[0].ConnectionMode)
			// Every connector's properties the example set are stored.
			want := reflect.ValueOf(sdkIn.ConnectorProfileConfig.ConnectorProfileProperties).Elem()
			have := reflect.ValueOf(got[0].ConnectorProfileProperties).Elem()
			for i := range want.NumField() {
				if f := want.Type().Field(i); f.IsExported() && !want.Field(i).IsNil() {
					assert.False(t, have.Field(i).IsNil(), "%s: %s properties", name, f.Name)
				}
			}
			n++
		}
	}
	assert.Greater(t, n, 1)
}

var sdkUnions = unionTypes()

// TestConcurrentUse creates, updates and describes from many goroutines at
// once (run it with -race): every profile created is there at the end.
func TestConcurrentUse(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, fl.NewFake(), nil)
	const workers, each = 12, 8
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*3)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				name := fmt.Sprintf("w%d-%d", w, i)
				if _, err := c.CreateConnectorProfile(ctx, &sdk.CreateConnectorProfileInput{ConnectorProfileName: aws.String(name),
					ConnectorType: types.ConnectorTypeRedshift, ConnectionMode: types.ConnectionModePublic, ConnectorProfileConfig: redshiftConfig("bkt", "p")}); err != nil {
					errs <- err
					continue
				}
				if _, err := c.UpdateConnectorProfile(ctx, &sdk.UpdateConnectorProfileInput{ConnectorProfileName: aws.String(name),
					ConnectionMode: types.ConnectionModePrivate, ConnectorProfileConfig: redshiftConfig(name, "p")}); err != nil {
					errs <- err
				}
				if _, err := c.DescribeConnectorProfiles(ctx, &sdk.DescribeConnectorProfilesInput{MaxResults: aws.Int32(5)}); err != nil {
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
	p := sdk.NewDescribeConnectorProfilesPaginator(c, &sdk.DescribeConnectorProfilesInput{MaxResults: aws.Int32(9)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		require.NoError(t, err)
		for _, d := range page.ConnectorProfileDetails {
			assert.Equal(t, aws.ToString(d.ConnectorProfileName), aws.ToString(d.ConnectorProfileProperties.Redshift.BucketName), "the update is there")
			seen[aws.ToString(d.ConnectorProfileName)] = true
		}
	}
	assert.Len(t, seen, workers*each)
}
