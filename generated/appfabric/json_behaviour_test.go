package appfabric

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go/ptr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Behaviour tests of the generated restJson1 codecs for AppFabric's union
// (Credential) and its date-time timestamps. The QuickSight package has the
// full set; these check that the same holds in a second package.

// sameError calls f 50 times; it must fail each time with the same message,
// which it returns.
func sameError(t *testing.T, f func() error) string {
	t.Helper()
	var first string
	for i := range 50 {
		err := f()
		require.Error(t, err)
		if i == 0 {
			first = err.Error()
			continue
		}
		require.Equal(t, first, err.Error(), "run %d gave another message", i)
	}
	return first
}

const oauth2Member = `"oauth2Credential": {"clientId": "id", "clientSecret": "secret"}`
const apiKeyMember = `"apiKeyCredential": {"apiKey": "key"}`

func decodeUpdateCredential(src string) (UpdateAppAuthorizationInput, error) {
	var in UpdateAppAuthorizationInput
	err := in.UnmarshalJSON([]byte(`{"appBundleIdentifier": "b", "credential": ` + src + `}`))
	return in, err
}

func TestCredentialMemberCountErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"no member", `{}`, "union Credential has no member set; exactly one is required"},
		{"two members", `{` + apiKeyMember + `, ` + oauth2Member + `}`,
			"union Credential has 2 members set (apiKeyCredential, oauth2Credential); exactly one is allowed"},
		{"unknown and known", `{"samlCredential": {}, ` + oauth2Member + `}`,
			"union Credential has 2 members set (samlCredential, oauth2Credential); exactly one is allowed"},
		{"null only", `{"apiKeyCredential": null}`, "union Credential has no member set; exactly one is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := sameError(t, func() error {
				_, err := decodeUpdateCredential(tt.src)
				return err
			})
			assert.Contains(t, msg, "invalid JSON at credential (offset ")
			assert.Contains(t, msg, tt.want)
		})
	}
}

func TestCredentialNotAnObject(t *testing.T) {
	for _, bad := range []string{`[]`, `"apiKeyCredential"`, `1`, `false`} {
		msg := sameError(t, func() error {
			_, err := UnmarshalCredential([]byte(bad))
			return err
		})
		assert.Contains(t, msg, "Credential", "%s: the message must name the union", bad)
	}
}

func TestCredentialNullMemberIgnored(t *testing.T) {
	in, err := decodeUpdateCredential(`{"apiKeyCredential": null, ` + oauth2Member + `}`)
	require.NoError(t, err)
	assert.Equal(t, &CredentialMemberOauth2Credential{Value: Oauth2Credential{ClientId: "id", ClientSecret: "secret"}}, in.Credential)
}

func TestCredentialUnknownMemberRoundTrip(t *testing.T) {
	const raw = `{"assertion": "PHNhbWw+", "n": [1.50, -0, {"k": null}], "s": "\u00e9é"}`
	in, err := decodeUpdateCredential(`{"samlCredential": ` + raw + `}`)
	require.NoError(t, err)
	assert.Equal(t, &UnknownUnionMember{Tag: "samlCredential", Value: json.RawMessage(raw)}, in.Credential)
	out, err := in.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"appBundleIdentifier":"b","credential":{"samlCredential":`+raw+`}}`, string(out))
}

func TestCredentialThroughEncodingJSON(t *testing.T) {
	key := &CredentialMemberApiKeyCredential{Value: ApiKeyCredential{ApiKey: "key"}}
	b, err := json.Marshal(key)
	require.NoError(t, err)
	assert.Equal(t, `{"apiKeyCredential":{"apiKey":"key"}}`, string(b))

	b, err = json.Marshal(UpdateAppAuthorizationInput{AppBundleIdentifier: ptr.String("b"), Credential: key})
	require.NoError(t, err)
	assert.Equal(t, `{"appBundleIdentifier":"b","credential":{"apiKeyCredential":{"apiKey":"key"}}}`, string(b))

	var got CredentialMemberApiKeyCredential
	require.NoError(t, json.Unmarshal(b[len(`{"appBundleIdentifier":"b","credential":`):len(b)-1], &got))
	assert.Equal(t, *key, got)

	var wrong CredentialMemberOauth2Credential
	err = json.Unmarshal([]byte(`{`+apiKeyMember+`}`), &wrong)
	require.Error(t, err)
	assert.Equal(t, "union Credential: want member oauth2Credential, found *appfabric.CredentialMemberApiKeyCredential", err.Error())
}

// TestDateTimeTimestamps: AppFabric's timestamps are date-time strings; they
// keep milliseconds and come back in UTC.
func TestDateTimeTimestamps(t *testing.T) {
	tests := []struct{ in, out string }{
		{"2015-01-01T00:00:00Z", "2015-01-01T00:00:00Z"},
		{"2015-01-01T00:00:00.123Z", "2015-01-01T00:00:00.123Z"},
		{"2015-01-01T00:00:00.100Z", "2015-01-01T00:00:00.1Z"},
		{"2015-01-01T02:00:00.5+02:00", "2015-01-01T00:00:00.5Z"},
		{"2262-04-12T00:00:00Z", "2262-04-12T00:00:00Z"},
		{"1600-01-01T00:00:00Z", "1600-01-01T00:00:00Z"},
	}
	for _, tt := range tests {
		var out GetAppAuthorizationOutput
		require.NoError(t, out.UnmarshalJSON([]byte(`{"appAuthorization": {"createdAt": "`+tt.in+`", "updatedAt": "`+tt.in+`"}}`)), tt.in)
		b, err := out.MarshalJSON()
		require.NoError(t, err)
		assert.Contains(t, string(b), `"createdAt":"`+tt.out+`","updatedAt":"`+tt.out+`"`, tt.in)
	}

	for ms := int64(1420070400000); ms < 1420070400000+2000; ms++ {
		want := time.UnixMilli(ms).UTC()
		b, err := GetAppAuthorizationOutput{AppAuthorization: &AppAuthorization{CreatedAt: want, UpdatedAt: want}}.MarshalJSON()
		require.NoError(t, err)
		var back GetAppAuthorizationOutput
		require.NoError(t, back.UnmarshalJSON(b))
		require.True(t, want.Equal(back.AppAuthorization.CreatedAt), "%s came back as %s", want, back.AppAuthorization.CreatedAt)
	}

	for _, bad := range []string{`1420070400`, `"2015-01-01"`, `"2015-13-01T00:00:00Z"`, `"yesterday"`, `null1`, `["2015-01-01T00:00:00Z"]`} {
		var out GetAppAuthorizationOutput
		err := out.UnmarshalJSON([]byte(`{"appAuthorization": {"createdAt": ` + bad + `}}`))
		assert.Error(t, err, bad)
	}
	var out GetAppAuthorizationOutput
	err := out.UnmarshalJSON([]byte(`{"appAuthorization": {"createdAt": "yesterday"}}`))
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "invalid JSON at appAuthorization.createdAt"), err.Error())
}

// TestZeroDateTimeRoundTrip: a required timestamp left at its zero value
// round-trips as the zero value.
func TestZeroDateTimeRoundTrip(t *testing.T) {
	b, err := AppAuthorization{}.MarshalJSON()
	require.NoError(t, err)
	var back AppAuthorization
	require.NoError(t, back.UnmarshalJSON(b))
	assert.True(t, back.CreatedAt.IsZero(), "written as %s", b)
}
