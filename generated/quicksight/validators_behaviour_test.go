package quicksight

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/quicksight"
	sdktypes "github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/ptr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Behaviour of the generated validators on the real QuickSight model.

// validCreateActionConnectorInput is an input that satisfies every constraint.
func validCreateActionConnectorInput() *CreateActionConnectorInput {
	return &CreateActionConnectorInput{
		AwsAccountId:      ptr.String("123456789012"),
		ActionConnectorId: ptr.String("my-connector_1"),
		Name:              ptr.String("My connector"),
		Type:              ActionConnectorTypeGenericHttp,
		AuthenticationConfig: &AuthConfig{
			AuthenticationType: ConnectionAuthTypeApiKey,
			AuthenticationMetadata: &AuthenticationMetadataMemberApiKeyConnectionMetadata{Value: APIKeyConnectionMetadata{
				BaseEndpoint: "https://api.example.com",
				ApiKey:       "secret",
				Email:        ptr.String("ops@example.com"),
			}},
		},
		Description: ptr.String("Calls the example API."),
		Permissions: []ResourcePermission{{Principal: "arn:aws:quicksight:us-east-1:123456789012:user/default/me", Actions: []string{"quicksight:DescribeActionConnector"}}},
		Tags:        []Tag{{Key: "team", Value: "ops"}},
	}
}

// invalidCreateActionConnectorInput breaks the valid input in several places.
func invalidCreateActionConnectorInput() *CreateActionConnectorInput {
	in := validCreateActionConnectorInput()
	in.AwsAccountId = nil                          // required
	in.ActionConnectorId = ptr.String("!!!")       // pattern [\w\-]+
	in.Name = ptr.String(strings.Repeat("n", 256)) // length 1..255
	in.Type = ""                                   // required enum
	api := in.AuthenticationConfig.AuthenticationMetadata.(*AuthenticationMetadataMemberApiKeyConnectionMetadata)
	api.Value.BaseEndpoint = ""                                                // required, in a union variant
	api.Value.Email = ptr.String("not-an-email")                               // pattern
	in.Permissions = []ResourcePermission{}                                    // length 1..64
	in.Tags = []Tag{{Value: "v"}, {Key: "k", Value: strings.Repeat("v", 257)}} // required Key, Value length 1..256
	return in
}

func TestValidateValid(t *testing.T) {
	in := validCreateActionConnectorInput()
	assert.NoError(t, in.Validate())
	assert.Nil(t, in.validate(ValidateAll))
	if !raceEnabled {
		assert.Zero(t, testing.AllocsPerRun(100, func() { in.validate(ValidateAll) }), "validating a valid input allocates nothing")
	}
}

func TestValidateCreateActionConnectorInput(t *testing.T) {
	err := invalidCreateActionConnectorInput().Validate()
	require.Error(t, err)
	assert.Equal(t, `9 validation error(s) found.
- missing required field, CreateActionConnectorInput.AwsAccountId.
- value failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\-]+, CreateActionConnectorInput.ActionConnectorId.
- value with length 256 failed to satisfy constraint: Member must have length between 1 and 255, inclusive, CreateActionConnectorInput.Name.
- missing required field, CreateActionConnectorInput.Type.
- missing required field, CreateActionConnectorInput.AuthenticationConfig.AuthenticationMetadata[ApiKeyConnectionMetadata].BaseEndpoint.
- value failed to satisfy constraint: Member must satisfy regular expression pattern: [\w.%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}, CreateActionConnectorInput.AuthenticationConfig.AuthenticationMetadata[ApiKeyConnectionMetadata].Email.
- value with length 0 failed to satisfy constraint: Member must have length between 1 and 64, inclusive, CreateActionConnectorInput.Permissions.
- missing required field, CreateActionConnectorInput.Tags[0].Key.
- value with length 257 failed to satisfy constraint: Member must have length between 1 and 256, inclusive, CreateActionConnectorInput.Tags[1].Value.
`, err.Error())
	var invalid smithy.InvalidParamsError
	require.True(t, errors.As(err, &invalid))
	assert.Equal(t, 9, invalid.Len())
}

func TestValidateReportsEveryPath(t *testing.T) {
	type failure struct{ kind, pointer, member, message string }
	var got []failure
	for _, e := range invalidCreateActionConnectorInput().validate(ValidateAll) {
		got = append(got, failure{e.kind(), e.pointer(), e.member(), e.frameworkMessage()})
	}
	const base = "/AuthenticationConfig/AuthenticationMetadata/ApiKeyConnectionMetadata"
	assert.Equal(t, []failure{
		{"required", "/AwsAccountId", "AwsAccountId", "Value at '/AwsAccountId' failed to satisfy constraint: Member must not be null"},
		{"pattern", "/ActionConnectorId", "ActionConnectorId", `Value at '/ActionConnectorId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\-]+`},
		{"length", "/Name", "Name", "Value with length 256 at '/Name' failed to satisfy constraint: Member must have length between 1 and 255, inclusive"},
		{"required", "/Type", "Type", "Value at '/Type' failed to satisfy constraint: Member must not be null"},
		{"required", base + "/BaseEndpoint", "BaseEndpoint", "Value at '" + base + "/BaseEndpoint' failed to satisfy constraint: Member must not be null"},
		{"pattern", base + "/Email", "Email", "Value at '" + base + `/Email' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w.%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`},
		{"length", "/Permissions", "Permissions", "Value with length 0 at '/Permissions' failed to satisfy constraint: Member must have length between 1 and 64, inclusive"},
		{"required", "/Tags/0/Key", "Key", "Value at '/Tags/0/Key' failed to satisfy constraint: Member must not be null"},
		{"length", "/Tags/1/Value", "Value", "Value with length 257 at '/Tags/1/Value' failed to satisfy constraint: Member must have length between 1 and 256, inclusive"},
	}, got)
}

func TestValidateModes(t *testing.T) {
	in := invalidCreateActionConnectorInput()
	var pointers []string
	for _, e := range in.validate(ValidateRequired) {
		pointers = append(pointers, e.pointer())
	}
	assert.Equal(t, []string{"/AwsAccountId", "/Type", "/AuthenticationConfig/AuthenticationMetadata/ApiKeyConnectionMetadata/BaseEndpoint", "/Tags/0/Key"}, pointers,
		"ValidateRequired checks only required members")
	assert.Nil(t, in.validate(ValidateOff))

	// An unknown union member fails only ValidateAll; a missing union, every mode.
	in = validCreateActionConnectorInput()
	in.AuthenticationConfig.AuthenticationMetadata = &UnknownUnionMember{Tag: "FutureMetadata", Value: []byte(`{}`)}
	errs := in.validate(ValidateAll)
	require.Len(t, errs, 1)
	assert.Equal(t, "union", errs[0].kind())
	assert.Equal(t, `Value at '/AuthenticationConfig/AuthenticationMetadata' failed to satisfy constraint: Member must be a known union member, got "FutureMetadata"`, errs[0].frameworkMessage())
	assert.Nil(t, in.validate(ValidateRequired))
	in.AuthenticationConfig.AuthenticationMetadata = nil
	require.Len(t, in.validate(ValidateRequired), 1)
	assert.Equal(t, "/AuthenticationConfig/AuthenticationMetadata", in.validate(ValidateRequired)[0].pointer())
}

// TestValidateRequiredLikeTheSDK checks that required-member failures render
// exactly as aws-sdk-go-v2's own QuickSight client reports them for the same
// input (its validators check required members only).
func TestValidateRequiredLikeTheSDK(t *testing.T) {
	client := sdk.New(sdk.Options{Region: "us-east-1", Credentials: aws.AnonymousCredentials{}})
	_, sdkErr := client.CreateActionConnector(context.Background(), &sdk.CreateActionConnectorInput{
		ActionConnectorId: aws.String("!!!"),
		Name:              aws.String(strings.Repeat("n", 256)),
		AuthenticationConfig: &sdktypes.AuthConfig{
			AuthenticationType: sdktypes.ConnectionAuthTypeApiKey,
			AuthenticationMetadata: &sdktypes.AuthenticationMetadataMemberApiKeyConnectionMetadata{Value: sdktypes.APIKeyConnectionMetadata{
				ApiKey: aws.String("secret"),
				Email:  aws.String("not-an-email"),
			}},
		},
		Permissions: []sdktypes.ResourcePermission{},
		Tags:        []sdktypes.Tag{{Value: aws.String("v")}, {Key: aws.String("k"), Value: aws.String(strings.Repeat("v", 257))}},
	})
	var want smithy.InvalidParamsError
	require.True(t, errors.As(sdkErr, &want), "the SDK client fails validation: %v", sdkErr)

	got := invalidParams("CreateActionConnectorInput", invalidCreateActionConnectorInput().validate(ValidateRequired))
	require.Error(t, got)
	assert.Equal(t, want.Error(), got.Error())
}
