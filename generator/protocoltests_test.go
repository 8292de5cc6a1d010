package generator

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/loader"
)

// protocolTestsFixture is a small service whose operations and errors carry
// every kind of smithy.test case: one that runs and passes, one skipped by
// each feature it exercises.
var protocolTestsFixture = filepath.Join("testdata", "protocoltests", "model.json")

// valueModel has a shape of every kind goValue renders.
const valueModel = `{"smithy": "2.0", "shapes": {
	"ex.v#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex.v#Op"}], "traits": {"aws.protocols#restJson1": {}}},
	"ex.v#Op": {"type": "operation", "input": {"target": "ex.v#In"}, "output": {"target": "ex.v#Out"}, "traits": {"smithy.api#http": {"method": "POST", "uri": "/"}}},
	"ex.v#In": {"type": "structure", "members": {
		"str": {"target": "smithy.api#String"},
		"flag": {"target": "smithy.api#Boolean"},
		"byte": {"target": "smithy.api#Byte"},
		"long": {"target": "smithy.api#Long"},
		"float": {"target": "smithy.api#Float"},
		"double": {"target": "smithy.api#Double"},
		"bigInt": {"target": "smithy.api#BigInteger"},
		"bigDec": {"target": "smithy.api#BigDecimal"},
		"when": {"target": "smithy.api#Timestamp"},
		"data": {"target": "smithy.api#Blob"},
		"doc": {"target": "smithy.api#Document"},
		"color": {"target": "ex.v#Color"},
		"level": {"target": "ex.v#Level"},
		"names": {"target": "ex.v#Names"},
		"sparse": {"target": "ex.v#SparseNames"},
		"things": {"target": "ex.v#Things"},
		"byName": {"target": "ex.v#ByName"},
		"choice": {"target": "ex.v#Choice"},
		"nested": {"target": "ex.v#Nested"}
	}, "traits": {"smithy.api#input": {}}},
	"ex.v#Out": {"type": "structure", "members": {
		"count": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 4}},
		"data": {"target": "smithy.api#Blob", "traits": {"smithy.api#default": "YWJj"}},
		"note": {"target": "smithy.api#String", "traits": {"smithy.api#default": "n", "smithy.api#clientOptional": {}}},
		"level": {"target": "ex.v#Level", "traits": {"smithy.api#default": 1}},
		"opt": {"target": "smithy.api#Integer"}
	}},
	"ex.v#Nested": {"type": "structure", "members": {"n": {"target": "smithy.api#Integer", "traits": {"smithy.api#required": {}}}}},
	"ex.v#Color": {"type": "enum", "members": {"RED": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "red"}}}},
	"ex.v#Level": {"type": "intEnum", "members": {"LOW": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}}}},
	"ex.v#Names": {"type": "list", "member": {"target": "smithy.api#String"}},
	"ex.v#SparseNames": {"type": "list", "member": {"target": "smithy.api#String"}, "traits": {"smithy.api#sparse": {}}},
	"ex.v#Things": {"type": "list", "member": {"target": "ex.v#Nested"}},
	"ex.v#ByName": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#Integer"}},
	"ex.v#Choice": {"type": "union", "members": {"a": {"target": "smithy.api#String"}, "none": {"target": "smithy.api#Unit"}}}
}}`

func valuePackage(t *testing.T) *Package {
	t.Helper()
	m, err := loader.Load(loader.Source{Name: "values.json", Data: []byte(valueModel)})
	require.NoError(t, err)
	svc, err := m.ServiceByID("")
	require.NoError(t, err)
	p, err := BuildIR(m, svc, Options{})
	require.NoError(t, err)
	return p
}

func renderCode(c jen.Code) string { return fmt.Sprintf("%#v", c) }

// params decodes a params node the way the model holds one.
func params(t *testing.T, text string) any {
	t.Helper()
	v, err := decodeNode([]byte(text))
	require.NoError(t, err)
	return v
}

// TestGoValue checks the Go expression of a params node for every kind of
// shape: members as the struct holds them (pointers, values), collections,
// unions, enums, special floats, exact timestamps, defaults.
func TestGoValue(t *testing.T) {
	p := valuePackage(t)
	in := p.Shape(model.MustShapeID("ex.v#In"))
	member := func(name string) *Member {
		i := slices.IndexFunc(in.Members, func(m *Member) bool { return m.Name == name })
		require.GreaterOrEqual(t, i, 0, name)
		return in.Members[i]
	}
	for _, c := range []struct{ member, node, want string }{
		{"str", `"a\"b"`, `ptr.String("a\"b")`},
		{"flag", `false`, `ptr.Bool(false)`},
		{"byte", `-5`, `ptr.Int8(-5)`},
		{"long", `9007199254740993`, `ptr.Int64(9007199254740993)`},
		{"float", `"NaN"`, `ptr.Float32(float32(math.NaN()))`},
		{"double", `"-Infinity"`, `ptr.Float64(math.Inf(-1))`},
		{"double", `1.5e3`, `ptr.Float64(1.5e3)`},
		{"bigInt", `123456789012345678901234567890`, `protocolTestBigInt("123456789012345678901234567890")`},
		{"bigDec", `0.1`, `protocolTestBigFloat("0.1")`},
		{"when", `1576540098.125`, `ptr.Time(time.Unix(1576540098, 125000000).UTC())`},
		{"when", `-1.5`, `ptr.Time(time.Unix(-1, -500000000).UTC())`},
		{"data", `"hi"`, `[]byte("hi")`},
		{"doc", `{"b": [1, 2.50], "a": null}`, `json.RawMessage("{\"a\":null,\"b\":[1,2.50]}")`},
		{"color", `"red"`, `ColorRed`},
		{"color", `"blue"`, `Color("blue")`},
		{"level", `1`, `protocolTestPointer(LevelLow)`},
		{"level", `7`, `protocolTestPointer(Level(7))`},
		{"names", `["a", "b"]`, `[]string{"a", "b"}`},
		{"names", `[]`, `[]string{}`},
		{"sparse", `["a", null]`, `[]*string{ptr.String("a"), nil}`},
		{"things", `[{"n": 1}]`, "[]Nested{Nested{\n\tN: 1,\n}}"},
		{"byName", `{"z": 1, "a": 2}`, "map[string]int32{\n\t\"a\": 2,\n\t\"z\": 1,\n}"},
		{"choice", `{"a": "x"}`, `&ChoiceMemberA{Value: "x"}`},
		{"choice", `{"none": {}}`, `&ChoiceMemberNone{}`},
		{"nested", `{"n": 3}`, "&Nested{\n\tN: 3,\n}"},
		{"nested", `{}`, `&Nested{}`},
	} {
		t.Run(c.member+" "+c.node, func(t *testing.T) {
			v, err := memberValue(member(c.member), params(t, c.node))
			require.NoError(t, err)
			assert.Equal(t, c.want, renderCode(v))
		})
	}

	// Absent members that Go cannot leave absent (not nullable, with a
	// default) get the default; a blob's default is base64 in the model.
	out := p.Shape(model.MustShapeID("ex.v#Out"))
	v, err := goValue(out, params(t, `{"opt": 2}`))
	require.NoError(t, err)
	assert.Equal(t, "OpOutput{\n\tCount: 4,\n\tData:  []byte(\"abc\"),\n\tLevel: LevelLow,\n\tOpt:   ptr.Int32(2),\n}", renderCode(v))

	for _, c := range []struct{ member, node, err string }{
		{"str", `1`, `ex.v#In$str: smithy.api#String: want a string, found number 1`},
		{"byte", `300`, `300 is not a 8-bit integer`},
		{"double", `"Inf"`, `want a number, NaN, Infinity or -Infinity, found "Inf"`},
		{"when", `1.0000000001`, `is not a whole number of nanoseconds`},
		{"names", `[null]`, `null in a collection that is not @sparse`},
		{"choice", `{"a": "x", "none": {}}`, `want an object with one member`},
		{"choice", `{"zzz": 1}`, `union ex.v#Choice has no member "zzz"`},
		{"nested", `{"m": 1}`, `ex.v#In$nested: ex.v#Nested has no member "m"`},
		{"things", `[{"n": "1"}]`, `ex.v#In$things: ex.v#Nested$n: smithy.api#Integer: want an integer, found "1"`},
	} {
		_, err := memberValue(member(c.member), params(t, c.node))
		if assert.Error(t, err, "%s %s", c.member, c.node) {
			assert.Contains(t, err.Error(), c.err)
		}
	}
}

// TestExpandMalformed checks the testParameters expansion: one case per
// index, every reference substituted in every string of the request and
// response, $$ a dollar sign, and errors for bad parameters.
func TestExpandMalformed(t *testing.T) {
	body := `{"v": $value:S, "raw": $value:L, "cost": "$$5"}`
	regex := `^bad $value:L$$`
	n := testCaseNode{ID: "Bad", Documentation: "sends $value:L",
		Request: &malformedRequest{Method: "POST", URI: "/x/$value:L", QueryParams: []string{"q=$value:L"},
			Headers: map[string]string{"X-$name:L": "$value:L"}, Body: &body},
		Response:       &malformedResponse{Code: 400, Headers: map[string]string{"x-why": "$name:L"}},
		TestParameters: map[string][]string{"value": {"1", `a"b`}, "name": {"one", "two"}}}
	n.Response.Body = &struct {
		MediaType string `json:"mediaType"`
		Assertion struct {
			Contents     *string `json:"contents"`
			MessageRegex *string `json:"messageRegex"`
		} `json:"assertion"`
	}{MediaType: "application/json"}
	n.Response.Body.Assertion.MessageRegex = &regex
	cases, err := expandMalformed(&ProtocolTestCase{Kind: MalformedTests, BaseID: "Bad"}, n)
	require.NoError(t, err)
	require.Len(t, cases, 2)
	c := cases[1]
	assert.Equal(t, "Bad_case1", c.ID)
	assert.Equal(t, "Bad", c.BaseID)
	assert.Equal(t, `sends a"b`, c.Doc)
	assert.Equal(t, `/x/a"b`, c.Request.URI)
	assert.Equal(t, []string{`q=a"b`}, c.Request.QueryParams)
	assert.Equal(t, map[string]string{"X-two": `a"b`}, c.Request.Headers)
	assert.Equal(t, `{"v": "a\"b", "raw": a"b, "cost": "$5"}`, *c.Request.Body)
	assert.Equal(t, map[string]string{"x-why": "two"}, c.Response.Headers)
	assert.Equal(t, `^bad a"b$`, *c.Response.MessageRegex)
	assert.Equal(t, "Bad_case0", cases[0].ID)
	assert.Equal(t, `{"v": "1", "raw": 1, "cost": "$5"}`, *cases[0].Request.Body)

	// Without testParameters the strings are taken as they are: $$ stays.
	plain := n
	plain.TestParameters = nil
	cases, err = expandMalformed(&ProtocolTestCase{Kind: MalformedTests, BaseID: "Bad"}, plain)
	require.NoError(t, err)
	require.Len(t, cases, 1)
	assert.Equal(t, "Bad", cases[0].ID)
	assert.Equal(t, body, *cases[0].Request.Body)

	bad := n
	bad.TestParameters = map[string][]string{"value": {"1", "2"}, "name": {"one"}}
	_, err = expandMalformed(&ProtocolTestCase{}, bad)
	assert.ErrorContains(t, err, `"name" has 1 values and "value" has 2: every list must have the same length`)
	bad.TestParameters = map[string][]string{"value": {"1"}}
	_, err = expandMalformed(&ProtocolTestCase{}, bad)
	assert.ErrorContains(t, err, `"$name:L" names no test parameter`)

	assert.Equal(t, `"tab\there \"q\" \\ \u0001"`, quoteTestParam("tab\there \"q\" \\ \x01"))
}

// TestSkipTable checks the rows of protocolTestSkips and how a case's skip
// is decided: every row names a feature or an ID (not both) and gives a
// reason; every feature a case can need has a row; a row naming a base ID
// skips every testParameters case of it; cases that need nothing run.
func TestSkipTable(t *testing.T) {
	features := map[string]bool{}
	for _, s := range protocolTestSkips {
		assert.True(t, (s.Feature == "") != (s.ID == ""), "row %+v: name a feature or an ID", s)
		assert.NotEmpty(t, s.Reason, "row %+v has no reason", s)
		features[s.Feature] = true
	}
	for _, f := range []string{featureEventStream, featureStreamingBlob, featureNotGenerated, featureOtherProtocol,
		featureClientBindings, featureClientErrors, featureClientNoBody, featureRequestCompression} {
		assert.True(t, features[f], "feature %s has no row", f)
	}
	assert.Equal(t, "", skipReason("Anything", "Anything", nil))
	assert.Equal(t, "event streams are not supported", skipReason("X", "X", []string{featureEventStream}))
	byID := protocolTestSkips[slices.IndexFunc(protocolTestSkips, func(s protocolTestSkip) bool { return s.ID != "" })]
	assert.Equal(t, byID.Reason, skipReason(byID.ID, byID.ID, nil))
	assert.Equal(t, byID.Reason, skipReason(byID.ID+"_case3", byID.ID, nil), "a base ID covers its expanded cases")
}

// TestProtocolTestsArtifact checks that protocoltests is opt-in: not part of
// the default artifacts, generated only when named, with its dependencies.
func TestProtocolTestsArtifact(t *testing.T) {
	data, err := os.ReadFile(protocolTestsFixture)
	require.NoError(t, err)
	src := []loader.Source{{Name: "model.json", Data: data}}
	ops := []string{"Echo"}
	rs, err := Render([]*Target{{Models: src, Out: "a", Package: "pt", Operations: ops}})
	require.NoError(t, err)
	for _, f := range rs[0].Files {
		assert.False(t, strings.HasPrefix(f.Name, "protocol_"), "%s is generated by default", f.Name)
	}
	rs, err = Render([]*Target{{Models: src, Out: "b", Package: "pt", Operations: ops,
		Artifacts: slices.Concat(AllArtifacts, []string{ArtifactProtocolTests})}})
	require.NoError(t, err)
	var names []string
	for _, f := range rs[0].Files {
		names = append(names, f.Name)
	}
	assert.Contains(t, names, "protocol_test.go")
	assert.Contains(t, names, "protocol_runtime_test.go")

	_, err = Render([]*Target{{Models: src, Out: "c", Package: "pt", Operations: ops,
		Artifacts: []string{ArtifactTypes, ArtifactJSON, ArtifactProtocolTests}}})
	assert.ErrorContains(t, err, `artifact "protocoltests" needs "validators"`)
	_, err = Generate(&Package{}, Config{Artifacts: []string{"protocoltest"}})
	assert.ErrorContains(t, err, "want one of types, json, validators, server, protocoltests")

	// A model without test cases gets no protocol test files.
	rs, err = Render([]*Target{{Models: []loader.Source{{Name: "values.json", Data: []byte(valueModel)}}, Out: "d",
		Artifacts: slices.Concat(AllArtifacts, []string{ArtifactProtocolTests})}})
	require.NoError(t, err)
	for _, f := range rs[0].Files {
		assert.False(t, strings.HasPrefix(f.Name, "protocol_"), "%s generated without test cases", f.Name)
	}
}

// TestProtocolTestsFixture generates the fixture service with its protocol
// tests into a temporary module and runs them: every case the server can
// pass passes, and every other one is skipped with the reason of its row.
func TestProtocolTestsFixture(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a module; skipped with -short")
	}
	data, err := os.ReadFile(protocolTestsFixture)
	require.NoError(t, err)
	m, err := loader.Load(loader.Source{Name: "testdata/protocoltests/model.json", Data: data})
	require.NoError(t, err)
	svc, err := m.ServiceByID("")
	require.NoError(t, err)
	ops := ProtocolTestOperations(m, svc)
	assert.Equal(t, []string{"Echo"}, ops, "Upload streams a blob")
	p, err := BuildIR(m, svc, Options{Package: "pt", Operations: ops})
	require.NoError(t, err)
	require.NoError(t, BuildProtocolTests(m, svc, p))
	files, err := Generate(p, Config{Artifacts: slices.Concat(AllArtifacts, []string{ArtifactProtocolTests})})
	require.NoError(t, err)

	dir := t.TempDir()
	tempModule(t, dir, "example.com/pt")
	for _, f := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644))
	}
	cmd := offlineGo(dir, "go", "test", "-json", "-count=1", ".")
	out, _ := cmd.Output()

	got := map[string]string{}
	var log strings.Builder
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		var ev struct{ Action, Test, Output string }
		if json.Unmarshal(sc.Bytes(), &ev) != nil {
			continue
		}
		log.WriteString(ev.Output)
		if _, id, ok := strings.Cut(ev.Test, "/"); ok && (ev.Action == "pass" || ev.Action == "fail" || ev.Action == "skip") {
			got[id] = ev.Action
		}
	}
	want := map[string]string{
		"EchoEveryBinding": "pass", "EchoEmptyQueryList": "pass", "EchoClientBody": "pass", "EchoClientQuery": "skip",
		"UploadStream": "skip", "EchoReply": "pass", "ConflictReply": "pass", "ConflictClientDispatch": "skip",
		"EchoRejectsBadRatio_case0": "pass", "EchoRejectsBadRatio_case1": "pass", "EchoRejectsBadRatio_case2": "pass",
		"EchoRejectsLongName_case0": "pass", "EchoRejectsLongName_case1": "pass",
	}
	assert.Equal(t, want, got, "go test output:\n%s", log.String())
	for _, reason := range []string{
		"UploadStream: streaming blobs (@streaming) are not supported",
		"EchoClientQuery: client-only: it asserts how a client writes the URI",
		"ConflictClientDispatch: client-only: it asserts how a client tells the error type",
	} {
		assert.Contains(t, log.String(), reason)
	}
}
