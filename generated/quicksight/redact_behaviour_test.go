package quicksight

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/smithy-go/ptr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Behaviour of the generated String, GoString and Format methods on the real
// QuickSight model: no fmt verb prints a @sensitive value, nested anywhere.

// redactSecrets are the sensitive values the inputs below carry; none may
// ever be printed.
var redactSecrets = []string{
	"s3cr3t-connector-name", "s3cr3t-description",
	"s3cr3t-authcode-client-secret", "s3cr3t-clientcreds-client-secret",
	"s3cr3t-basic-username", "s3cr3t-basic-password",
	"s3cr3t-api-key", "s3cr3t-api-email",
	"s3cr3t-unknown-member",
}

// redactVisible are non-sensitive values of every input; the readable verbs print them.
var redactVisible = []string{"123456789012", "my-connector_1", "GENERIC_HTTP", "team", "analytics"}

// redactInputs builds one CreateActionConnectorInput per variant of
// AuthenticationMetadata, each full of secrets, keyed by a name for messages.
func redactInputs() map[string]CreateActionConnectorInput {
	variants := map[string]AuthenticationMetadata{
		"AuthorizationCodeGrant": &AuthenticationMetadataMemberAuthorizationCodeGrantMetadata{Value: AuthorizationCodeGrantMetadata{
			BaseEndpoint:                            "https://authcode.example.com",
			RedirectUrl:                             "https://app.example.com/back",
			AuthorizationCodeGrantCredentialsSource: AuthorizationCodeGrantCredentialsSourcePlainCredentials,
			AuthorizationCodeGrantCredentialsDetails: &AuthorizationCodeGrantCredentialsDetailsMemberAuthorizationCodeGrantDetails{
				Value: AuthorizationCodeGrantDetails{
					ClientId:              "authcode-client-id",
					ClientSecret:          "s3cr3t-authcode-client-secret",
					TokenEndpoint:         "https://authcode.example.com/token",
					AuthorizationEndpoint: "https://authcode.example.com/authorize",
				},
			},
		}},
		"ClientCredentialsGrant": &AuthenticationMetadataMemberClientCredentialsGrantMetadata{Value: ClientCredentialsGrantMetadata{
			BaseEndpoint:            "https://clientcreds.example.com",
			ClientCredentialsSource: ClientCredentialsSourcePlainCredentials,
			ClientCredentialsDetails: &ClientCredentialsDetailsMemberClientCredentialsGrantDetails{Value: ClientCredentialsGrantDetails{
				ClientId:      "clientcreds-client-id",
				ClientSecret:  "s3cr3t-clientcreds-client-secret",
				TokenEndpoint: "https://clientcreds.example.com/token",
			}},
		}},
		"BasicAuth": &AuthenticationMetadataMemberBasicAuthConnectionMetadata{Value: BasicAuthConnectionMetadata{
			BaseEndpoint: "https://basic.example.com",
			Username:     "s3cr3t-basic-username",
			Password:     "s3cr3t-basic-password",
		}},
		"ApiKey": &AuthenticationMetadataMemberApiKeyConnectionMetadata{Value: APIKeyConnectionMetadata{
			BaseEndpoint: "https://apikey.example.com",
			ApiKey:       "s3cr3t-api-key",
			Email:        ptr.String("s3cr3t-api-email"),
		}},
		"None": &AuthenticationMetadataMemberNoneConnectionMetadata{Value: NoneConnectionMetadata{BaseEndpoint: "https://none.example.com"}},
		"Iam":  &AuthenticationMetadataMemberIamConnectionMetadata{Value: IAMConnectionMetadata{RoleArn: "arn:aws:iam::123456789012:role/connector"}},
		"Unknown": &UnknownUnionMember{Tag: "FutureAuthMetadata",
			Value: json.RawMessage(`{"Token": "s3cr3t-unknown-member"}`)},
	}
	out := map[string]CreateActionConnectorInput{}
	for name, md := range variants {
		out[name] = CreateActionConnectorInput{
			AwsAccountId:      ptr.String("123456789012"),
			ActionConnectorId: ptr.String("my-connector_1"),
			Name:              ptr.String("s3cr3t-connector-name"),
			Type:              ActionConnectorTypeGenericHttp,
			AuthenticationConfig: &AuthConfig{
				AuthenticationType:     ConnectionAuthTypeApiKey,
				AuthenticationMetadata: md,
			},
			Description: ptr.String("s3cr3t-description"),
			Permissions: []ResourcePermission{{Principal: "arn:aws:quicksight:us-east-1:123456789012:user/default/ana", Actions: []string{"quicksight:DescribeActionConnector"}}},
			Tags:        []Tag{{Key: "team", Value: "analytics"}},
		}
	}
	return out
}

// redactPrints prints v every way fmt and the methods can, by label.
func redactPrints(v CreateActionConnectorInput) map[string]string {
	out := map[string]string{}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%t", "%10.200s", "%-v", "%T %v"} {
		out["Sprintf("+verb+", v)"] = fmt.Sprintf(verb, v)
		out["Sprintf("+verb+", &v)"] = fmt.Sprintf(verb, &v)
	}
	out["Sprint(v)"] = fmt.Sprint(v)
	out["Sprint(&v)"] = fmt.Sprint(&v)
	out["Sprintln(v, &v)"] = fmt.Sprintln(v, &v)
	out["String()"] = v.String()
	out["GoString()"] = v.GoString()
	out["Sprintf(%v, []v)"] = fmt.Sprintf("%v", []CreateActionConnectorInput{v})
	out["Sprintf(%#v, map)"] = fmt.Sprintf("%#v", map[string]*CreateActionConnectorInput{"k": &v})
	out["Sprintf(%+v, AuthConfig)"] = fmt.Sprintf("%+v", v.AuthenticationConfig)
	out["Sprintf(%+v, *AuthConfig)"] = fmt.Sprintf("%+v", *v.AuthenticationConfig)
	out["Sprintf(%v, variant)"] = fmt.Sprintf("%v", v.AuthenticationConfig.AuthenticationMetadata)
	out["Sprintf(%#v, variant)"] = fmt.Sprintf("%#v", v.AuthenticationConfig.AuthenticationMetadata)
	out["Errorf(%w)"] = fmt.Errorf("wrapped: %v", v).Error()
	return out
}

func TestRedactNoVerbPrintsASecret(t *testing.T) {
	for name, in := range redactInputs() {
		for how, text := range redactPrints(in) {
			for _, secret := range redactSecrets {
				require.NotContains(t, text, secret, "%s: %s prints a sensitive value", name, how)
				require.NotContains(t, strings.ToLower(text), hex.EncodeToString([]byte(secret)), "%s: %s prints a sensitive value in hex", name, how)
			}
		}
	}
}

func TestRedactReadableVerbsShowTheRest(t *testing.T) {
	for name, in := range redactInputs() {
		prints := redactPrints(in)
		for _, how := range []string{"Sprintf(%v, v)", "Sprintf(%+v, &v)", "Sprintf(%#v, v)", "Sprintf(%s, v)", "Sprint(&v)", "String()", "GoString()"} {
			text := prints[how]
			assert.Contains(t, text, "*** Sensitive Data Redacted ***", "%s: %s", name, how)
			for _, visible := range redactVisible {
				assert.Contains(t, text, visible, "%s: %s hides a value that is not sensitive", name, how)
			}
		}
		// The variant's own non-sensitive values are printed, only its secrets hidden.
		visible := map[string]string{"Unknown": "FutureAuthMetadata", "Iam": "role/connector", "AuthorizationCodeGrant": "authcode-client-id",
			"ClientCredentialsGrant": "clientcreds-client-id"}[name]
		if visible == "" {
			visible = "example.com"
		}
		assert.Contains(t, prints["String()"], visible, name)
		assert.Contains(t, prints["GoString()"], visible, name)
	}
}

// TestRedactLayout pins the layouts: fmt's %+v for String, %#v for GoString.
func TestRedactLayout(t *testing.T) {
	in := redactInputs()["ApiKey"]
	in.Permissions, in.Tags, in.VpcConnectionArn = nil, []Tag{{Key: "team", Value: "analytics"}}, nil
	assert.Equal(t, "{AwsAccountId:123456789012 ActionConnectorId:my-connector_1 Name:*** Sensitive Data Redacted *** Type:GENERIC_HTTP "+
		"AuthenticationConfig:{AuthenticationType:API_KEY AuthenticationMetadata:{Value:{BaseEndpoint:https://apikey.example.com "+
		"ApiKey:*** Sensitive Data Redacted *** Email:*** Sensitive Data Redacted ***}}} Description:*** Sensitive Data Redacted *** "+
		"Permissions:[] VpcConnectionArn:<nil> Tags:[{Key:team Value:analytics}]}", in.String())
	assert.Equal(t, `quicksight.CreateActionConnectorInput{AwsAccountId:&"123456789012", ActionConnectorId:&"my-connector_1", `+
		`Name:"*** Sensitive Data Redacted ***", Type:"GENERIC_HTTP", AuthenticationConfig:&quicksight.AuthConfig{AuthenticationType:"API_KEY", `+
		`AuthenticationMetadata:&quicksight.AuthenticationMetadataMemberApiKeyConnectionMetadata{Value:quicksight.APIKeyConnectionMetadata{`+
		`BaseEndpoint:"https://apikey.example.com", ApiKey:"*** Sensitive Data Redacted ***", Email:"*** Sensitive Data Redacted ***"}}}, `+
		`Description:"*** Sensitive Data Redacted ***", Permissions:[]quicksight.ResourcePermission(nil), VpcConnectionArn:nil, `+
		`Tags:[]quicksight.Tag{quicksight.Tag{Key:"team", Value:"analytics"}}}`, in.GoString())
	assert.Equal(t, fmt.Sprintf("%+v", in), in.String())
	assert.Equal(t, fmt.Sprintf("%#v", &in), in.GoString())

	// Absent sensitive values print as absent; an unknown member shows its tag only.
	empty := CreateActionConnectorInput{AuthenticationConfig: &AuthConfig{AuthenticationMetadata: &UnknownUnionMember{Tag: "Future", Value: json.RawMessage(`"x"`)}}}
	assert.Equal(t, "{AwsAccountId:<nil> ActionConnectorId:<nil> Name:<nil> Type: AuthenticationConfig:{AuthenticationType: "+
		"AuthenticationMetadata:{Tag:Future Value:*** Sensitive Data Redacted ***}} Description:<nil> Permissions:[] VpcConnectionArn:<nil> Tags:[]}",
		empty.String())
}

// TestRedactDecoded: values read from JSON, as a server or client sees them,
// print redacted too.
func TestRedactDecoded(t *testing.T) {
	for name, in := range redactInputs() {
		data, err := json.Marshal(in)
		require.NoError(t, err, name)
		assert.Contains(t, string(data), "s3cr3t-connector-name", "%s: the wire form carries the secrets, as it must", name)
		var back CreateActionConnectorInput
		require.NoError(t, json.Unmarshal(data, &back), name)
		for how, text := range redactPrints(back) {
			for _, secret := range redactSecrets {
				require.NotContains(t, text, secret, "%s (decoded): %s", name, how)
			}
		}
	}
}

// TestRedactOutputs: outputs and listings redact their sensitive members too.
func TestRedactOutputs(t *testing.T) {
	out := ListActionConnectorsOutput{ActionConnectorSummaries: []ActionConnectorSummary{{Arn: "arn:x", Name: "s3cr3t-connector-name"}}}
	for _, text := range []string{fmt.Sprint(out), fmt.Sprintf("%+v", &out), fmt.Sprintf("%#v", out), fmt.Sprint(out.ActionConnectorSummaries)} {
		assert.NotContains(t, text, "s3cr3t-connector-name")
		assert.Contains(t, text, "arn:x")
	}
}
