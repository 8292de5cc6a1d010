package seedsyntax

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedPages loads every seed page, skipping the test when they are absent.
func seedPages(t *testing.T) map[string]*Page {
	t.Helper()
	dir, err := SeedDir()
	if err != nil {
		t.Skipf("seed pages not found: %v", err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("seed pages not found: %v (set %s to their directory)", err, SeedsEnv)
	}
	pages, err := LoadPages(dir)
	require.NoError(t, err)
	byOp := map[string]*Page{}
	for _, p := range pages {
		require.NotContains(t, byOp, p.Operation, "two pages document %s", p.Operation)
		byOp[p.Operation] = p
	}
	return byOp
}

var authMetadataMembers = []string{"AuthorizationCodeGrantMetadata", "ClientCredentialsGrantMetadata",
	"BasicAuthConnectionMetadata", "ApiKeyConnectionMetadata", "NoneConnectionMetadata", "IamConnectionMetadata"}

// TestSeedPages checks what the parser makes of each of the five seed pages,
// which come in three forms: reStructuredText source (update/create action
// connector), the rendered page as text (describe_action_connector,
// update_app_authorization) and a rendered page flattened onto one line
// (update_connector_profile).
func TestSeedPages(t *testing.T) {
	pages := seedPages(t)
	tests := []struct {
		op, service, goOp string
		request, response []string // top-level keys
		requestUnions     [][]string
		responseUnions    [][]string
	}{
		{
			op: "update_action_connector", service: "QuickSight", goOp: "UpdateActionConnector",
			request:       []string{"AwsAccountId", "ActionConnectorId", "Name", "AuthenticationConfig", "Description", "VpcConnectionArn"},
			response:      []string{"Arn", "ActionConnectorId", "RequestId", "UpdateStatus", "Status"},
			requestUnions: [][]string{authMetadataMembers, {"AuthorizationCodeGrantDetails"}, {"ClientCredentialsGrantDetails"}},
		},
		{
			op: "create_action_connector", service: "QuickSight", goOp: "CreateActionConnector",
			request: []string{"AwsAccountId", "ActionConnectorId", "Name", "Type", "AuthenticationConfig", "Description",
				"Permissions", "VpcConnectionArn", "Tags"},
			response:      []string{"Arn", "CreationStatus", "ActionConnectorId", "RequestId", "Status"},
			requestUnions: [][]string{authMetadataMembers, {"AuthorizationCodeGrantDetails"}, {"ClientCredentialsGrantDetails"}},
		},
		{
			op: "describe_action_connector", service: "QuickSight", goOp: "DescribeActionConnector",
			request:        []string{"AwsAccountId", "ActionConnectorId"},
			response:       []string{"ActionConnector", "RequestId", "Status"},
			responseUnions: [][]string{authMetadataMembers, {"ReadAuthorizationCodeGrantDetails"}, {"ReadClientCredentialsGrantDetails"}},
		},
		{
			op: "update_app_authorization", service: "AppFabric", goOp: "UpdateAppAuthorization",
			request:       []string{"appBundleIdentifier", "appAuthorizationIdentifier", "credential", "tenant"},
			response:      []string{"appAuthorization"},
			requestUnions: [][]string{{"oauth2Credential", "apiKeyCredential"}},
		},
		{
			op: "update_connector_profile", service: "Appflow", goOp: "UpdateConnectorProfile",
			request:  []string{"connectorProfileName", "connectionMode", "connectorProfileConfig", "clientToken"},
			response: []string{"connectorProfileArn"},
		},
	}
	require.Len(t, pages, len(tests), "a new seed page needs a row here")
	for _, tt := range tests {
		t.Run(tt.op, func(t *testing.T) {
			p := pages[tt.op]
			require.NotNil(t, p, "no page documents %s", tt.op)
			assert.Equal(t, tt.service, p.Service)
			assert.Equal(t, tt.goOp, p.GoOperation())
			assert.Equal(t, tt.request, p.Request.Keys())
			require.NotNil(t, p.Response)
			assert.Equal(t, tt.response, p.Response.Keys())
			assert.Equal(t, tt.requestUnions, p.RequestUnions)
			assert.Equal(t, tt.responseUnions, p.ResponseUnions)
		})
	}
}

// TestSeedPageDetails pins details of the trees that the examples depend on.
func TestSeedPageDetails(t *testing.T) {
	pages := seedPages(t)

	create := pages["create_action_connector"]
	require.NotNil(t, create)
	assert.Len(t, create.Request.Field("Type").EnumValues(), 27)
	auth := create.Request.Field("AuthenticationConfig")
	assert.Equal(t, []string{"BASIC", "API_KEY", "OAUTH2_CLIENT_CREDENTIALS", "NONE", "IAM", "OAUTH2_AUTHORIZATION_CODE"},
		auth.Field("AuthenticationType").EnumValues())
	meta := auth.Field("AuthenticationMetadata")
	assert.True(t, meta.Union)
	assert.Equal(t, authMetadataMembers, meta.Keys())
	acg := meta.Field("AuthorizationCodeGrantMetadata")
	assert.False(t, acg.Union, "a union member is a plain struct")
	assert.True(t, acg.Field("AuthorizationCodeGrantCredentialsDetails").Union)
	single := acg.Field("AuthorizationCodeGrantCredentialsSource")
	assert.Equal(t, String, single.Kind, "a one-value enum is written as that value")
	assert.Equal(t, "PLAIN_CREDENTIALS", single.Text)
	perms := create.Request.Field("Permissions")
	require.Equal(t, List, perms.Kind)
	assert.Equal(t, `[{'Principal': 'string', 'Actions': ['string']}]`, perms.String())

	describe := pages["describe_action_connector"]
	require.NotNil(t, describe)
	ac := describe.Response.Field("ActionConnector")
	assert.Equal(t, Datetime, ac.Field("CreatedTime").Kind)
	assert.Equal(t, Int, describe.Response.Field("Status").Kind)
	assert.True(t, ac.Field("AuthenticationConfig").Field("AuthenticationMetadata").Union)
	assert.False(t, describe.Request.Union)

	appflow := pages["update_connector_profile"]
	require.NotNil(t, appflow)
	props := appflow.Request.Field("connectorProfileConfig").Field("connectorProfileProperties")
	assert.Len(t, props.Fields, 19)
	assert.False(t, props.Union, "no note says connectorProfileProperties is a union")
	assert.Equal(t, Dict, props.Field("Amplitude").Kind)
	assert.Empty(t, props.Field("Amplitude").Fields)
	custom := props.Field("CustomConnector")
	assert.True(t, custom.Field("profileProperties").IsMap())
	assert.Equal(t, Alt, props.Field("Redshift").Field("isRedshiftServerless").Kind)
	assert.Equal(t, Int, props.Field("SAPOData").Field("portNumber").Kind)
}

func TestParsePageForms(t *testing.T) {
	rst := ".. py:method:: Svc.Client.do_thing(**kwargs)\n\n  **Request Syntax**\n  ::\n\n" +
		"    response = client.do_thing(\n        U={\n            'A': {},\n            'B': 'string'\n        }\n    )\n\n" +
		"  :param U:\n\n      .. note::    This is a Tagged Union structure. Only one of the     following top level keys can be set: ``A``, ``B``. \n\n" +
		"  :rtype: dict\n  :returns: \n    **Response Syntax**\n\n    ::\n\n      {\n          'Out': 123\n      }\n"
	p, err := ParsePage("rst.txt", rst)
	require.NoError(t, err)
	assert.Equal(t, "Svc", p.Service)
	assert.Equal(t, "do_thing", p.Operation)
	assert.Equal(t, [][]string{{"A", "B"}}, p.RequestUnions)
	assert.True(t, p.Request.Field("U").Union)
	assert.Equal(t, `{'Out': 123}`, p.Response.String())
	assert.Equal(t, Pos{6, 16}, p.Request.Pos, "positions are those of the page")

	flat := "Svc.Client.do_thing(**kwargs)# Request Syntax response = client.do_thing( X=True|False ) Returns: None"
	p, err = ParsePage("flat.txt", flat)
	require.NoError(t, err)
	assert.Nil(t, p.Response, "no Response Syntax")
	assert.Equal(t, `{'X': True|False}`, p.Request.String())
}

func TestParsePageErrors(t *testing.T) {
	head := "Svc.Client.do_thing(**kwargs)\nRequest Syntax\n"
	tests := []struct{ name, text, want string }{
		{"no method line", "hello", "p.txt:1:1: no <Service>.Client.<operation>(**kwargs) line"},
		{"no request syntax", "Svc.Client.do_thing(**kwargs)", `p.txt:1:1: no "Request Syntax" block`},
		{"no call", head + "nothing", "p.txt:2:1: no `response = client.<operation>(` after \"Request Syntax\""},
		{"other operation", head + "response = client.other()", "p.txt:3:1: request syntax calls client.other, but the page documents do_thing"},
		{"bad syntax", head + "response = client.do_thing(A={'x' 1})", "p.txt:3:35: expected ':' after key 'x', found number 1"},
		{"response not a dict", head + "response = client.do_thing()\nResponse Syntax\n[1]", "p.txt:5:1: expected '{' to open the Response Syntax"},
		{"note without dict", head + "response = client.do_thing(A={'x': 1})\nThis is a Tagged Union structure. Only one of the following top level keys can be set: y, z.",
			"p.txt:4:1: tagged union note names y, z, but no dict of the request syntax has exactly these keys"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePage("p.txt", tt.text)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

func TestSeedDir(t *testing.T) {
	t.Setenv(SeedsEnv, "")
	dir, err := SeedDir()
	require.NoError(t, err)
	assert.Equal(t, filepath.Join("shared", "seeds"), filepath.Join(filepath.Base(filepath.Dir(dir)), filepath.Base(dir)))
	wd, err := os.Getwd()
	require.NoError(t, err)
	root := filepath.Dir(filepath.Dir(wd)) // internal/seedsyntax → repository root
	assert.Equal(t, filepath.Join(filepath.Dir(root), "shared", "seeds"), dir)

	t.Setenv(SeedsEnv, "/somewhere/else")
	dir, err = SeedDir()
	require.NoError(t, err)
	assert.Equal(t, "/somewhere/else", dir)
}

func TestLoadPagesReportsEveryBadPage(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte("nothing"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Svc.Client.x(**kwargs)\nRequest Syntax\nresponse = client.x()"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c.txt"), []byte("also nothing"), 0o644))
	pages, err := LoadPages(dir)
	require.Error(t, err)
	assert.Equal(t, "a.txt:1:1: no <Service>.Client.<operation>(**kwargs) line\n"+
		"c.txt:1:1: no <Service>.Client.<operation>(**kwargs) line", err.Error())
	require.Len(t, pages, 1)
	assert.Equal(t, "x", pages[0].Operation)
}
