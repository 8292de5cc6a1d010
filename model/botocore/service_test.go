package botocore_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
)

func TestService(t *testing.T) {
	m := mustBuild(t, doc(`
"GetThing": {"name": "GetThing", "http": {"method": "GET", "requestUri": "/things"}},
"PutThing": {"name": "PutThing", "http": {"method": "PUT", "requestUri": "/things"}}`, ``))
	svc, err := m.ServiceByID("")
	require.NoError(t, err)
	assert.Equal(t, "com.amazonaws.mysvc#MySvc_20200102", svc.ID.String())
	assert.Equal(t, "2020-01-02", svc.Version)
	assert.Equal(t, []model.ShapeID{id("GetThing"), id("PutThing")}, svc.Operations)
	assert.Equal(t, map[string]any{"sdkId": "My Svc", "arnNamespace": "my-svc", "endpointPrefix": "my-svc"},
		traitValue(t, &svc.Traits, "aws.api#service"))
	assert.Equal(t, map[string]any{"name": "my-svc"}, traitValue(t, &svc.Traits, "aws.auth#sigv4"))
	assert.Equal(t, map[string]any{}, traitValue(t, &svc.Traits, "aws.protocols#restJson1"))
	assert.Equal(t, "My Service", svc.Traits.Title())
	assert.Equal(t, "<p>My service.</p>", svc.Traits.Documentation())
	assert.False(t, svc.Traits.Has(model.MustShapeID("smithy.api#auth")))
	assert.Equal(t, "svc.json:1:32", svc.Pos.String(), "the service is positioned at its metadata")
}

func TestServiceNames(t *testing.T) {
	for _, tc := range []struct {
		name, metadata, want string
	}{
		{"serviceId and apiVersion", `"serviceId": "QuickSight", "endpointPrefix": "quicksight", "apiVersion": "2018-04-01"`,
			"com.amazonaws.quicksight#QuickSight_20180401"},
		{"spaces and case in serviceId", `"serviceId": "CloudWatch Logs", "endpointPrefix": "logs", "apiVersion": "2014-03-28"`,
			"com.amazonaws.cloudwatchlogs#CloudWatchLogs_20140328"},
		{"targetPrefix", `"serviceId": "DynamoDB", "endpointPrefix": "dynamodb", "apiVersion": "2012-08-10", "targetPrefix": "DynamoDB_20120810"`,
			"com.amazonaws.dynamodb#DynamoDB_20120810"},
		{"endpointPrefix without serviceId", `"endpointPrefix": "cognito-idp", "apiVersion": "2016-04-18"`,
			"com.amazonaws.cognitoidp#cognitoidp_20160418"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := mustBuild(t, `{"metadata": {"protocol": "rest-json", `+tc.metadata+`}, "operations": {}, "shapes": {}}`)
			svc, err := m.ServiceByID("")
			require.NoError(t, err)
			assert.Equal(t, tc.want, svc.ID.String())
		})
	}
}

func TestProtocols(t *testing.T) {
	for _, tc := range []struct {
		metadata string
		want     []string
	}{
		{`"protocol": "rest-json"`, []string{"aws.protocols#restJson1"}},
		{`"protocol": "rest-xml"`, []string{"aws.protocols#restXml"}},
		{`"protocol": "json", "jsonVersion": "1.0"`, []string{"aws.protocols#awsJson1_0"}},
		{`"protocol": "json", "jsonVersion": "1.1"`, []string{"aws.protocols#awsJson1_1"}},
		{`"protocol": "json"`, []string{"aws.protocols#awsJson1_0"}},
		{`"protocol": "query"`, []string{"aws.protocols#awsQuery"}},
		{`"protocol": "ec2"`, []string{"aws.protocols#ec2Query"}},
		{`"protocol": "smithy-rpc-v2-cbor"`, []string{"smithy.protocols#rpcv2Cbor"}},
		{`"protocol": "smithy-rpc-v2-cbor", "protocols": ["smithy-rpc-v2-cbor", "json"], "jsonVersion": "1.0"`,
			[]string{"aws.protocols#awsJson1_0", "smithy.protocols#rpcv2Cbor"}},
		{`"protocols": ["json", "query"], "awsQueryCompatible": {}`,
			[]string{"aws.protocols#awsJson1_0", "aws.protocols#awsQuery", "aws.protocols#awsQueryCompatible"}},
	} {
		t.Run(tc.metadata, func(t *testing.T) {
			m := mustBuild(t, `{"metadata": {"serviceId": "S", "apiVersion": "1", `+tc.metadata+`}, "operations": {}, "shapes": {}}`)
			svc, err := m.ServiceByID("")
			require.NoError(t, err)
			var got []string
			for _, tr := range svc.Traits.All() {
				if tr.ID.Name != "service" && tr.ID.Namespace != "aws.auth" {
					got = append(got, tr.ID.String())
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestAuth(t *testing.T) {
	for _, tc := range []struct {
		metadata string
		want     map[string]any
	}{
		{`"signatureVersion": "v4", "signingName": "signer"`, map[string]any{"aws.auth#sigv4": map[string]any{"name": "signer"}}},
		{``, map[string]any{"aws.auth#sigv4": map[string]any{"name": "ep"}}},
		{`"signatureVersion": "bearer"`, map[string]any{"smithy.api#httpBearerAuth": map[string]any{}}},
		{`"signatureVersion": "v4", "auth": ["aws.auth#sigv4"]`, map[string]any{"aws.auth#sigv4": map[string]any{"name": "ep"}}},
		{`"auth": ["smithy.api#noAuth"]`, map[string]any{}},
		{`"signatureVersion": "v4", "auth": ["aws.auth#sigv4a", "aws.auth#sigv4", "smithy.api#noAuth"]`, map[string]any{
			"aws.auth#sigv4":  map[string]any{"name": "ep"},
			"aws.auth#sigv4a": map[string]any{"name": "ep"},
			"smithy.api#auth": []any{"aws.auth#sigv4a", "aws.auth#sigv4"},
		}},
	} {
		t.Run(tc.metadata, func(t *testing.T) {
			meta := `"serviceId": "S", "endpointPrefix": "ep", "apiVersion": "1", "protocol": "json"`
			if tc.metadata != "" {
				meta += ", " + tc.metadata
			}
			m := mustBuild(t, `{"metadata": {`+meta+`}, "operations": {}, "shapes": {}}`)
			svc, err := m.ServiceByID("")
			require.NoError(t, err)
			got := map[string]any{}
			for _, tr := range svc.Traits.All() {
				if tr.ID.Namespace == "aws.auth" || tr.ID.Name == "auth" || tr.ID.Name == "httpBearerAuth" {
					got[tr.ID.String()] = tr.Value
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestOperation(t *testing.T) {
	m := mustBuild(t, doc(`
"GetObject": {
  "name": "GetObject",
  "http": {"method": "GET", "requestUri": "/{Bucket}/{Key+}?x-id=GetObject", "responseCode": 206},
  "input": {"shape": "GetObjectRequest"},
  "output": {"shape": "GetObjectOutput"},
  "errors": [{"shape": "NotFound"}, {"shape": "Throttled"}, {"shape": "NotFound"}],
  "documentation": "<p>Gets.</p>",
  "idempotent": true,
  "readonly": true,
  "deprecated": true,
  "deprecatedMessage": "use GetObject2",
  "endpoint": {"hostPrefix": "data-{Bucket}."},
  "authtype": "none",
  "httpChecksumRequired": true,
  "httpChecksum": {"requestAlgorithmMember": "Algo", "requestChecksumRequired": true},
  "requestcompression": {"encodings": ["gzip"]},
  "staticContextParams": {"UseS3ExpressControlEndpoint": {"value": true}},
  "endpointdiscovery": {"required": true},
  "documentationUrl": "https://example.com/GetObject"
},
"Ping": {"name": "Ping", "http": {"method": "POST", "requestUri": "/ping"}, "authtype": "v4-unsigned-body"},
"Upload": {"name": "Upload", "http": {"method": "POST", "requestUri": "/up"}, "unsignedPayload": true,
  "auth": ["aws.auth#sigv4", "smithy.api#noAuth"]}`, `
"GetObjectRequest": {"type": "structure", "members": {
  "Bucket": {"shape": "Name", "location": "uri", "locationName": "Bucket", "hostLabel": true},
  "Key": {"shape": "Name", "location": "uri", "locationName": "Key"}}},
"GetObjectOutput": {"type": "structure", "members": {}},
"Name": {"type": "string"},
"NotFound": {"type": "structure", "members": {}, "exception": true, "error": {"httpStatusCode": 404, "senderFault": true}},
"Throttled": {"type": "structure", "members": {}, "exception": true, "error": {"httpStatusCode": 429}}`))

	op := shape(t, m, "GetObject")
	assert.Equal(t, model.Operation, op.Type)
	assert.Equal(t, &model.HTTP{Method: "GET", URI: "/{Bucket}/{Key+}?x-id=GetObject", Code: 206}, op.Traits.HTTP())
	assert.Equal(t, id("GetObjectRequest"), op.Input)
	assert.Equal(t, id("GetObjectOutput"), op.Output)
	assert.Equal(t, []model.ShapeID{id("NotFound"), id("Throttled")}, op.Errors, "in document order, listed once")
	assert.Equal(t, "<p>Gets.</p>", op.Traits.Documentation())
	assert.True(t, op.Traits.Idempotent())
	assert.True(t, op.Traits.Readonly())
	assert.Equal(t, &model.Deprecated{Message: "use GetObject2"}, op.Traits.Deprecated())
	assert.Equal(t, map[string]any{"hostPrefix": "data-{Bucket}."}, traitValue(t, &op.Traits, "smithy.api#endpoint"))
	assert.Equal(t, map[string]any{}, traitValue(t, &op.Traits, "smithy.api#optionalAuth"))
	assert.Equal(t, map[string]any{}, traitValue(t, &op.Traits, "smithy.api#httpChecksumRequired"))
	assert.Equal(t, map[string]any{"requestAlgorithmMember": "Algo", "requestChecksumRequired": true},
		traitValue(t, &op.Traits, "aws.protocols#httpChecksum"))
	assert.Equal(t, map[string]any{"encodings": []any{"gzip"}}, traitValue(t, &op.Traits, "smithy.api#requestCompression"))
	assert.Equal(t, map[string]any{"UseS3ExpressControlEndpoint": map[string]any{"value": true}},
		traitValue(t, &op.Traits, "smithy.rules#staticContextParams"))
	assert.Equal(t, map[string]any{"required": true}, traitValue(t, &op.Traits, "aws.api#clientDiscoveredEndpoint"))
	assert.Equal(t, 12, op.Traits.Len(), "no trait for documentationUrl")

	in := shape(t, m, "GetObjectRequest")
	assert.True(t, in.Traits.Input())
	assert.False(t, in.Traits.Output())
	assert.True(t, shape(t, m, "GetObjectOutput").Traits.Output())
	assert.True(t, member(t, m, "GetObjectRequest", "Bucket").Traits.Has(model.MustShapeID("smithy.api#hostLabel")))

	ping := shape(t, m, "Ping")
	assert.Equal(t, model.UnitID, ping.Input, "no input is smithy.api#Unit")
	assert.Equal(t, model.UnitID, ping.Output)
	assert.Equal(t, &model.HTTP{Method: "POST", URI: "/ping", Code: 200}, ping.Traits.HTTP())
	assert.Equal(t, map[string]any{"method": "POST", "uri": "/ping", "code": json.Number("200")},
		traitValue(t, &ping.Traits, "smithy.api#http"), "code is written even when absent")
	assert.Equal(t, map[string]any{}, traitValue(t, &ping.Traits, "aws.auth#unsignedPayload"))

	up := shape(t, m, "Upload")
	assert.Equal(t, map[string]any{}, traitValue(t, &up.Traits, "aws.auth#unsignedPayload"))
	assert.Equal(t, []any{"aws.auth#sigv4"}, traitValue(t, &up.Traits, "smithy.api#auth"))
}

func TestInputOutputMarking(t *testing.T) {
	m := mustBuild(t, doc(`
"A": {"http": {"method": "POST", "requestUri": "/a"}, "input": {"shape": "Shared"}, "output": {"shape": "AOut"}},
"B": {"http": {"method": "POST", "requestUri": "/b"}, "input": {"shape": "Shared"}, "output": {"shape": "Nested"}},
"C": {"http": {"method": "POST", "requestUri": "/c"}, "input": {"shape": "CIn"}, "output": {"shape": "CIn"}}`, `
"Shared": {"type": "structure", "members": {}},
"AOut": {"type": "structure", "members": {"N": {"shape": "Nested"}}},
"Nested": {"type": "structure", "members": {}},
"CIn": {"type": "structure", "members": {}}`))
	for name, want := range map[string][2]bool{
		"Shared": {false, false}, // input of two operations
		"AOut":   {false, true},
		"Nested": {false, false}, // also a member's target
		"CIn":    {false, false}, // input and output
	} {
		s := shape(t, m, name)
		assert.Equal(t, want, [2]bool{s.Traits.Input(), s.Traits.Output()}, name)
	}
}

func TestNonRESTOperations(t *testing.T) {
	m := mustBuild(t, `{"metadata": {"serviceId": "S", "apiVersion": "1", "protocol": "json", "targetPrefix": "S_1"},
"operations": {"Do": {"name": "Do", "http": {"method": "POST", "requestUri": "/"}}, "Other": {"name": "Other"}},
"shapes": {}}`)
	for _, name := range []string{"Do", "Other"} {
		op := m.Shape(model.ShapeID{Namespace: "com.amazonaws.s", Name: name})
		require.NotNil(t, op)
		assert.Nil(t, op.Traits.HTTP(), "awsJson operations have no @http")
	}
}
