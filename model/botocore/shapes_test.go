package botocore_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
)

func TestEnum(t *testing.T) {
	m := mustBuild(t, doc(``, `
"Status": {"type": "string", "enum": ["InProgress", "CANCELLED", "m5.large", "1080p", "*", "in-progress", "IN_PROGRESS_2"],
  "documentation": "<p>Status.</p>", "min": 1}`))
	s := shape(t, m, "Status")
	assert.Equal(t, model.Enum, s.Type)
	assert.Equal(t, []string{"IN_PROGRESS", "CANCELLED", "M5_LARGE", "V1080P", "VALUE", "IN_PROGRESS_3", "IN_PROGRESS_2"},
		memberNames(s), "the second IN_PROGRESS skips _2, another value's own name")
	var values []any
	for _, mem := range s.Members {
		v, ok := mem.Traits.EnumValue()
		require.True(t, ok)
		values = append(values, v)
		assert.Equal(t, model.UnitID, mem.Target)
	}
	assert.Equal(t, []any{"InProgress", "CANCELLED", "m5.large", "1080p", "*", "in-progress", "IN_PROGRESS_2"}, values)
	assert.Equal(t, "<p>Status.</p>", s.Traits.Documentation())
	assert.Nil(t, s.Traits.Length(), "@length is not kept on enums")
	assert.Equal(t, "svc.json:5:39", s.Members[0].Pos.String(), "an enum member is positioned at its value")
}

func TestConstraints(t *testing.T) {
	m := mustBuild(t, doc(``, `
"Name": {"type": "string", "min": 1, "max": 64, "pattern": "^[a-z]+$"},
"Open": {"type": "string", "max": 10},
"Data": {"type": "blob", "min": 0, "max": 1024},
"Names": {"type": "list", "member": {"shape": "Name"}, "min": 1, "max": 5},
"Tags": {"type": "map", "key": {"shape": "Name"}, "value": {"shape": "Name"}, "max": 50},
"Count": {"type": "integer", "min": 1, "max": 100},
"Latitude": {"type": "double", "min": -90.0, "max": 90.5},
"Big": {"type": "long", "min": 0}`))
	i := func(v int64) *int64 { return &v }
	n := func(s string) *json.Number { v := json.Number(s); return &v }
	assert.Equal(t, &model.Length{Min: i(1), Max: i(64)}, shape(t, m, "Name").Traits.Length())
	p, ok := shape(t, m, "Name").Traits.Pattern()
	assert.True(t, ok)
	assert.Equal(t, "^[a-z]+$", p)
	assert.Equal(t, &model.Length{Max: i(10)}, shape(t, m, "Open").Traits.Length())
	assert.Equal(t, &model.Length{Min: i(0), Max: i(1024)}, shape(t, m, "Data").Traits.Length())
	assert.Equal(t, &model.Length{Min: i(1), Max: i(5)}, shape(t, m, "Names").Traits.Length())
	assert.Equal(t, &model.Length{Max: i(50)}, shape(t, m, "Tags").Traits.Length())
	assert.Equal(t, &model.Range{Min: n("1"), Max: n("100")}, shape(t, m, "Count").Traits.Range())
	assert.Equal(t, &model.Range{Min: n("-90.0"), Max: n("90.5")}, shape(t, m, "Latitude").Traits.Range(), "bounds keep their text")
	assert.Equal(t, &model.Range{Min: n("0")}, shape(t, m, "Big").Traits.Range())

	names := shape(t, m, "Names")
	assert.Equal(t, model.List, names.Type)
	assert.Equal(t, []string{"member"}, memberNames(names))
	assert.Equal(t, id("Name"), names.Members[0].Target)
	tags := shape(t, m, "Tags")
	assert.Equal(t, model.Map, tags.Type)
	assert.Equal(t, []string{"key", "value"}, memberNames(tags))
}

func TestSimpleShapes(t *testing.T) {
	m := mustBuild(t, doc(``, `
"When": {"type": "timestamp", "timestampFormat": "iso8601"},
"Epoch": {"type": "timestamp", "timestampFormat": "unixTimestamp"},
"Http": {"type": "timestamp", "timestampFormat": "rfc822"},
"Plain": {"type": "timestamp"},
"Body": {"type": "blob", "streaming": true, "requiresLength": true, "sensitive": true},
"Secret": {"type": "string", "sensitive": true, "documentation": "<p>Shh.</p>"},
"Policy": {"type": "string", "jsonvalue": true},
"Old": {"type": "string", "deprecated": true, "deprecatedMessage": "gone", "deprecatedSince": "2020-01-01"},
"B": {"type": "byte"}, "S": {"type": "short"}, "F": {"type": "float"}`))
	assert.Equal(t, "date-time", shape(t, m, "When").Traits.TimestampFormat())
	assert.Equal(t, "epoch-seconds", shape(t, m, "Epoch").Traits.TimestampFormat())
	assert.Equal(t, "http-date", shape(t, m, "Http").Traits.TimestampFormat())
	assert.Equal(t, "", shape(t, m, "Plain").Traits.TimestampFormat())
	body := shape(t, m, "Body")
	assert.Equal(t, model.Blob, body.Type)
	assert.True(t, body.Traits.Streaming())
	assert.True(t, body.Traits.Has(model.TraitRequiresLength))
	assert.True(t, body.Traits.Sensitive())
	secret := shape(t, m, "Secret")
	assert.True(t, secret.Traits.Sensitive())
	assert.Equal(t, "<p>Shh.</p>", secret.Traits.Documentation())
	assert.Equal(t, "application/json", shape(t, m, "Policy").Traits.MediaType())
	assert.Equal(t, &model.Deprecated{Message: "gone", Since: "2020-01-01"}, shape(t, m, "Old").Traits.Deprecated())
	assert.Equal(t, model.Byte, shape(t, m, "B").Type)
	assert.Equal(t, model.Short, shape(t, m, "S").Type)
	assert.Equal(t, model.Float, shape(t, m, "F").Type)
}

func TestStructureKinds(t *testing.T) {
	m := mustBuild(t, doc(``, `
"Choice": {"type": "structure", "union": true, "members": {"A": {"shape": "Str", "locationName": "a"}, "B": {"shape": "Int"}}},
"Doc": {"type": "structure", "document": true, "members": {}, "sensitive": true},
"Events": {"type": "structure", "eventstream": true, "members": {"Record": {"shape": "RecordEvent"}}},
"RecordEvent": {"type": "structure", "event": true, "members": {
  "Payload": {"shape": "Bytes", "eventpayload": true},
  "Kind": {"shape": "Str", "eventheader": true}}},
"Bytes": {"type": "blob"},
"Str": {"type": "string"},
"Int": {"type": "integer"}`))
	choice := shape(t, m, "Choice")
	assert.Equal(t, model.Union, choice.Type)
	assert.False(t, choice.Traits.Streaming())
	assert.Equal(t, []string{"A", "B"}, memberNames(choice))
	assert.Equal(t, "a", choice.Members[0].Traits.JSONName(), "union members keep their JSON names")
	_, ok := choice.Members[1].Traits.Default()
	assert.False(t, ok, "union members get no default")

	d := shape(t, m, "Doc")
	assert.Equal(t, model.Document, d.Type)
	assert.True(t, d.Traits.Sensitive())

	ev := shape(t, m, "Events")
	assert.Equal(t, model.Union, ev.Type)
	assert.True(t, ev.Traits.Streaming())
	rec := shape(t, m, "RecordEvent")
	assert.Equal(t, model.Structure, rec.Type)
	assert.True(t, rec.Member("Payload").Traits.Has(model.TraitEventPayload))
	assert.True(t, rec.Member("Kind").Traits.Has(model.MustShapeID("smithy.api#eventHeader")))
}

func TestErrorShapes(t *testing.T) {
	for _, tc := range []struct {
		def        string
		kind       string
		httpStatus int
	}{
		{`"exception": true, "error": {"httpStatusCode": 400}`, "client", 400},
		{`"exception": true, "error": {"httpStatusCode": 404, "senderFault": true}`, "client", 404},
		{`"exception": true, "error": {"httpStatusCode": 500}, "fault": true`, "server", 500},
		{`"exception": true, "error": {"httpStatusCode": 503}`, "server", 503},
		{`"exception": true, "error": {"httpStatusCode": 500, "senderFault": true}`, "client", 500},
		{`"exception": true, "error": {"code": "Throttling", "httpStatusCode": 400, "senderFault": true}, "fault": true`, "server", 400},
		{`"exception": true`, "client", 0},
		{`"exception": true, "fault": true`, "server", 0},
		{`"fault": true`, "server", 0},
		{`"error": {"httpStatusCode": 400}`, "client", 400},
	} {
		t.Run(tc.def, func(t *testing.T) {
			m := mustBuild(t, doc(``, `"Oops": {"type": "structure", "members": {"Message": {"shape": "Str"}}, `+tc.def+`}, "Str": {"type": "string"}`))
			s := shape(t, m, "Oops")
			assert.Equal(t, tc.kind, s.Traits.ErrorKind())
			assert.Equal(t, tc.httpStatus, s.Traits.HTTPError())
			assert.Equal(t, tc.httpStatus != 0, s.Traits.Has(model.TraitHTTPError))
		})
	}
	m := mustBuild(t, doc(``, `
"Throttled": {"type": "structure", "members": {}, "exception": true, "retryable": {"throttling": true}},
"Flaky": {"type": "structure", "members": {}, "exception": true, "retryable": {"throttling": false}},
"Plain": {"type": "structure", "members": {}}`))
	assert.Equal(t, map[string]any{"throttling": true}, traitValue(t, &shape(t, m, "Throttled").Traits, "smithy.api#retryable"))
	assert.Equal(t, map[string]any{}, traitValue(t, &shape(t, m, "Flaky").Traits, "smithy.api#retryable"))
	assert.Equal(t, "", shape(t, m, "Plain").Traits.ErrorKind())
}

func TestMembers(t *testing.T) {
	m := mustBuild(t, doc(``, `
"Input": {"type": "structure", "required": ["Id", "Body"], "payload": "Body", "members": {
  "Id": {"shape": "Str", "location": "uri", "locationName": "Id", "documentation": "<p>The ID.</p>"},
  "Filter": {"shape": "Str", "location": "querystring", "locationName": "filter"},
  "Params": {"shape": "StrMap", "location": "querystring"},
  "Token": {"shape": "Str", "location": "header", "locationName": "X-Token", "idempotencyToken": true},
  "Meta": {"shape": "StrMap", "location": "headers", "locationName": "x-meta-"},
  "AllHeaders": {"shape": "StrMap", "location": "headers"},
  "Policy": {"shape": "Str", "location": "header", "locationName": "X-Policy", "jsonvalue": true},
  "Body": {"shape": "Str"},
  "When": {"shape": "Time", "timestampFormat": "rfc822", "location": "header", "locationName": "X-When"},
  "Renamed": {"shape": "Str", "locationName": "renamed"},
  "Same": {"shape": "Str", "locationName": "Same"},
  "Region": {"shape": "Str", "contextParam": {"name": "Region"}},
  "Old": {"shape": "Str", "deprecated": true, "deprecatedMessage": "use New"},
  "Unbound": {"shape": "Str", "location": "querystring"}
}},
"Output": {"type": "structure", "members": {"Status": {"shape": "Int", "location": "statusCode"}}},
"Str": {"type": "string"},
"Int": {"type": "integer", "box": true},
"Time": {"type": "timestamp"},
"StrMap": {"type": "map", "key": {"shape": "Str"}, "value": {"shape": "Str"}}`))
	in := shape(t, m, "Input")
	assert.Equal(t, []string{"Id", "Filter", "Params", "Token", "Meta", "AllHeaders", "Policy", "Body", "When", "Renamed",
		"Same", "Region", "Old", "Unbound"}, memberNames(in), "members keep document order")
	get := func(name string) *model.Traits { return &member(t, m, "Input", name).Traits }

	assert.True(t, get("Id").HTTPLabel())
	assert.True(t, get("Id").Required())
	assert.Equal(t, "<p>The ID.</p>", get("Id").Documentation())
	assert.Equal(t, "", get("Id").JSONName(), "a bound member gets no JSON name")
	q, _ := get("Filter").HTTPQuery()
	assert.Equal(t, "filter", q)
	assert.True(t, get("Params").HTTPQueryParams())
	h, _ := get("Token").HTTPHeader()
	assert.Equal(t, "X-Token", h)
	assert.True(t, get("Token").IdempotencyToken())
	prefix, ok := get("Meta").HTTPPrefixHeaders()
	assert.True(t, ok)
	assert.Equal(t, "x-meta-", prefix)
	prefix, ok = get("AllHeaders").HTTPPrefixHeaders()
	assert.True(t, ok)
	assert.Equal(t, "", prefix)
	assert.Equal(t, "application/json", get("Policy").MediaType())
	assert.True(t, get("Body").HTTPPayload())
	assert.True(t, get("Body").Required())
	assert.Equal(t, "http-date", get("When").TimestampFormat())
	assert.Equal(t, "renamed", get("Renamed").JSONName())
	assert.False(t, get("Same").Has(model.TraitJSONName), "no JSON name equal to the member name")
	assert.Equal(t, map[string]any{"name": "Region"}, traitValue(t, get("Region"), "smithy.rules#contextParam"))
	assert.Equal(t, &model.Deprecated{Message: "use New"}, get("Old").Deprecated())
	q, _ = get("Unbound").HTTPQuery()
	assert.Equal(t, "Unbound", q, "a query parameter without locationName is named after the member")
	assert.False(t, get("Filter").Required())
	assert.True(t, member(t, m, "Output", "Status").Traits.HTTPResponseCode())
	assert.Equal(t, "svc.json:7:13", member(t, m, "Input", "Filter").Pos.String(), "a member is positioned at its definition")
}

func TestXMLNames(t *testing.T) {
	m := mustBuild(t, `{"metadata": {"serviceId": "S", "apiVersion": "1", "protocol": "rest-xml"}, "operations": {},
"shapes": {"S": {"type": "structure", "members": {"Name": {"shape": "Str", "locationName": "name"}}}, "Str": {"type": "string"}}}`)
	mem := m.MemberOf(model.MustShapeID("com.amazonaws.s#S$Name"))
	require.NotNil(t, mem)
	assert.Equal(t, "name", traitValue(t, &mem.Traits, "smithy.api#xmlName"))
	assert.False(t, mem.Traits.Has(model.TraitJSONName))
}

func TestNullability(t *testing.T) {
	m := mustBuild(t, doc(``, `
"S": {"type": "structure", "members": {
  "Count": {"shape": "Integer"},
  "BoxedMember": {"shape": "Integer", "box": true},
  "BoxedTarget": {"shape": "BoxedInteger"},
  "Flag": {"shape": "Boolean"},
  "Ratio": {"shape": "Double"},
  "Size": {"shape": "Long", "box": true},
  "Name": {"shape": "Str"},
  "Counts": {"shape": "Counts"}
}},
"U": {"type": "structure", "union": true, "members": {"Count": {"shape": "Integer"}}},
"Counts": {"type": "list", "member": {"shape": "Integer"}},
"Integer": {"type": "integer"},
"BoxedInteger": {"type": "integer", "box": true},
"Boolean": {"type": "boolean"},
"Double": {"type": "double"},
"Long": {"type": "long"},
"Str": {"type": "string"}`))
	zero, f := json.Number("0"), false
	for _, tc := range []struct {
		shape string
		want  any // nil: no default
	}{
		{"Integer", zero}, {"Boolean", f}, {"Double", zero}, {"Long", zero}, {"BoxedInteger", nil}, {"Str", nil},
	} {
		v, ok := shape(t, m, tc.shape).Traits.Default()
		assert.Equal(t, tc.want != nil, ok, tc.shape)
		assert.Equal(t, tc.want, v, tc.shape)
	}
	for _, tc := range []struct {
		member string
		has    bool
		want   any
	}{
		{"Count", true, zero},
		{"BoxedMember", true, nil}, // @default(null): nullable although the target has a default
		{"BoxedTarget", false, nil},
		{"Flag", true, f},
		{"Ratio", true, zero},
		{"Size", true, nil},
		{"Name", false, nil},
		{"Counts", false, nil},
	} {
		v, ok := member(t, m, "S", tc.member).Traits.Default()
		assert.Equal(t, tc.has, ok, tc.member)
		assert.Equal(t, tc.want, v, tc.member)
	}
	_, ok := member(t, m, "U", "Count").Traits.Default()
	assert.False(t, ok, "union members get no default")
	_, ok = member(t, m, "Counts", "member").Traits.Default()
	assert.False(t, ok, "list members get no default")
}
