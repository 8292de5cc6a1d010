package generator

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/loader"
)

// Table tests for naming and IR building. Models are small JSON AST documents
// written inline: irOf adds a restJson1 service holding the given operations.

const testNS = "example.ir"

// astDoc wraps shapes (the members of a JSON object, without braces; IDs in
// testNS may be written as "#Name") into a JSON AST document with a restJson1
// service listing ops.
func astDoc(shapes string, ops ...string) string {
	var refs []string
	for _, op := range ops {
		refs = append(refs, fmt.Sprintf(`{"target": "%s#%s"}`, testNS, op))
	}
	svc := fmt.Sprintf(`"%s#Svc": {"type": "service", "version": "1", "operations": [%s],
		"traits": {"aws.protocols#restJson1": {}, "aws.api#service": {"sdkId": "Svc"}}}`, testNS, strings.Join(refs, ", "))
	body := strings.ReplaceAll(shapes, `"#`, `"`+testNS+`#`)
	if strings.TrimSpace(body) != "" {
		body = ",\n" + body
	}
	return `{"smithy": "2.0", "shapes": {` + svc + body + `}}`
}

// irOf builds the IR of the service of astDoc(shapes, ops...).
func irOf(t *testing.T, shapes string, ops ...string) *Package {
	t.Helper()
	p, err := irErr(shapes, ops...)
	require.NoError(t, err)
	return p
}

// irErr is irOf returning the error (a panic included).
func irErr(shapes string, ops ...string) (*Package, error) {
	return noPanic(func() (*Package, error) {
		m, err := loader.Load(loader.Source{Name: "m.json", Data: []byte(astDoc(shapes, ops...))})
		if err != nil {
			return nil, err
		}
		svc, err := m.ServiceByID("")
		if err != nil {
			return nil, err
		}
		return BuildIR(m, svc, Options{Package: "svc"})
	})
}

// opWithInput is an operation Op whose input structure OpInput has members.
func opWithInput(members string) string {
	return `"#Op": {"type": "operation", "input": {"target": "#OpInput"},
		"traits": {"smithy.api#http": {"method": "POST", "uri": "/", "code": 200}}},
	"#OpInput": {"type": "structure", "members": {` + members + `}}`
}

// irShape returns the IR shape with the given model name in testNS.
func irShape(t *testing.T, p *Package, name string) *Shape {
	t.Helper()
	s := p.Shape(model.ShapeID{Namespace: testNS, Name: name})
	require.NotNil(t, s, "no shape %s in the IR", name)
	return s
}

func irMember(t *testing.T, s *Shape, name string) *Member {
	t.Helper()
	for _, m := range s.Members {
		if m.Name == name {
			return m
		}
	}
	t.Fatalf("%s has no member %s", s.ID, name)
	return nil
}

func TestExported(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"foo", "Foo"},
		{"Foo", "Foo"},
		{"fooBar", "FooBar"},
		{"FOO_BAR", "FOO_BAR"},
		{"_foo", "Foo"},
		{"__", "X"},
		{"", "X"},
		{"type", "Type"},
		{"func", "Func"},
		{"map", "Map"},
		{"a1", "A1"},
		{"é", "É"},
		{"x_y", "X_y"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got := exported(tc.in)
			assert.Equal(t, tc.want, got)
			assert.True(t, token.IsExported(got) && token.IsIdentifier(got), "%q is not an exported identifier", got)
		})
	}
}

func TestTitleCase(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"OAUTH2_CLIENT_CREDENTIALS", "Oauth2ClientCredentials"},
		{"PendingConnect", "PendingConnect"},
		{"us-east-1", "UsEast1"},
		{"m5.large", "M5Large"},
		{"API_KEY", "ApiKey"},
		{"IAM", "Iam"},
		{"camelCase", "CamelCase"},
		{"lower", "Lower"},
		{"a b\tc", "ABC"},
		{"1", "1"},
		{"2xlarge", "2xlarge"},
		{"application/json", "ApplicationJson"},
		{"", "Empty"},
		{"---", "Empty"},
		{"ÄRGER", "Ärger"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.want, titleCase(tc.in))
		})
	}
}

// sdkEnumNameDifferences are the constants of aws-sdk-go-v2 whose names are
// not {Enum}{titleCase(value)}: aws-sdk-go-v2 names a Smithy 2.0 enum's
// constants after the enum's member names (from the official Smithy models),
// while STYLE.md has smithygen name them after the values, which botocore
// documents also hold (their member names are derived from the values).
var sdkEnumNameDifferences = map[string]string{
	"FieldNameFlowName":             "member FLOW_NAME has the value assetName",
	"FieldNameFlowDescription":      "member FLOW_DESCRIPTION has the value assetDescription",
	"ConnectorTypeEventbridge":      "member EVENTBRIDGE has the value EventBridge",
	"ConnectorTypeLookoutmetrics":   "member LOOKOUTMETRICS has the value LookoutMetrics",
	"ConnectorTypeCustomerprofiles": "member CUSTOMERPROFILES has the value CustomerProfiles",
	"ConnectorTypeSapodata":         "member SAPODATA has the value SAPOData",
	"ConnectorTypeCustomconnector":  "member CUSTOMCONNECTOR has the value CustomConnector",
	"ExecutionStatusInprogress":     "member INPROGRESS has the value InProgress",
	"ExecutionStatusCancelstarted":  "member CANCELSTARTED has the value CancelStarted",
	"TriggerTypeOndemand":           "member ONDEMAND has the value OnDemand",
	"PersonaEnduser":                "member ENDUSER has the value endUser",
}

// TestTitleCaseMatchesAWSSDK checks titleCase against every string enum
// constant aws-sdk-go-v2 declares for the three default services (about
// 1,600 values), read from the module cache.
func TestTitleCaseMatchesAWSSDK(t *testing.T) {
	used := map[string]bool{}
	for _, svc := range []string{"quicksight", "appflow", "appfabric"} {
		mod := "github.com/aws/aws-sdk-go-v2/service/" + svc
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", mod).Output()
		dir := strings.TrimSpace(string(out))
		if err != nil || dir == "" {
			t.Skipf("%s is not in the module cache: %v", mod, err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, "types", "enums.go"), nil, 0)
		require.NoError(t, err)
		n := 0
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				typ, ok := vs.Type.(*ast.Ident)
				if !ok || len(vs.Values) != 1 {
					continue
				}
				lit, ok := vs.Values[0].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				value, err := strconv.Unquote(lit.Value)
				require.NoError(t, err)
				n++
				sdk := vs.Names[0].Name
				if _, ok := sdkEnumNameDifferences[sdk]; ok {
					used[sdk] = true
					continue
				}
				assert.Equal(t, sdk, typ.Name+titleCase(value), "%s: value %q", svc, value)
			}
		}
		assert.Greater(t, n, 10, "%s: too few enum constants found", svc)
	}
	for name := range sdkEnumNameDifferences {
		assert.True(t, used[name], "sdkEnumNameDifferences lists %s, which aws-sdk-go-v2 no longer declares", name)
	}
}

func TestPackageName(t *testing.T) {
	for _, tc := range []struct{ sdkID, want string }{
		{"QuickSight", "quicksight"},
		{"AppFabric", "appfabric"},
		{"CloudWatch Logs", "cloudwatchlogs"},
		{"Route 53", "route53"},
		{"3D Service", "dservice"},
		{"ACM-PCA", "acmpca"},
	} {
		t.Run(tc.sdkID, func(t *testing.T) {
			got := packageName(tc.sdkID)
			assert.Equal(t, tc.want, got)
			assert.True(t, validPackageName(got))
		})
	}
	for _, bad := range []string{"", "Foo", "type", "_", "a-b", "1a"} {
		assert.False(t, validPackageName(bad), "%q", bad)
	}
}

func TestDefaultString(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want string
	}{
		{"x", `"x"`},
		{`say "hi"`, `"say \"hi\""`},
		{json.Number("42"), "42"},
		{json.Number("-1.5"), "-1.5"},
		{true, "true"},
		{false, "false"},
		// List, map and document defaults are shown as the JSON the model holds.
		{[]any{}, "[]"},
		{map[string]any{}, "{}"},
		{map[string]any{"a": []any{json.Number("1"), "b"}}, `{"a":[1,"b"]}`},
	} {
		t.Run(fmt.Sprint(tc.in), func(t *testing.T) {
			assert.Equal(t, tc.want, defaultString(tc.in))
		})
	}
}

// TestShapeNames checks how shape names become Go type names: first come (in
// shape-ID order) keeps the name, operation inputs and outputs claim theirs
// first, later collisions get a kind suffix and then "_".
func TestShapeNames(t *testing.T) {
	// IDs of one model must differ in more than case: foo lives in namespace zz.
	p := irOf(t, opWithInput(`
		"a": {"target": "zz#foo"}, "b": {"target": "#Foo"}, "c": {"target": "#_Foo"},
		"d": {"target": "#Handler"}, "e": {"target": "#Choice"}, "f": {"target": "#Color"},
		"g": {"target": "#OpInput"}, "h": {"target": "#UnknownUnionMember"}, "i": {"target": "#List"}`)+`,
		"zz#foo": {"type": "structure", "members": {}},
		"#Foo": {"type": "structure", "members": {}},
		"#_Foo": {"type": "structure", "members": {}},
		"#Handler": {"type": "structure", "members": {}},
		"#UnknownUnionMember": {"type": "structure", "members": {}},
		"#Choice": {"type": "union", "members": {"a": {"target": "smithy.api#String"}}},
		"#Color": {"type": "enum", "members": {"RED": {"target": "smithy.api#Unit"}}},
		"#List": {"type": "list", "member": {"target": "#Color"}}`, "Op")
	assert.Equal(t, "Foo_", p.Shape(model.MustShapeID("zz#foo")).Name)
	for _, tc := range []struct{ shape, want string }{
		{"Foo", "Foo"},
		{"_Foo", "FooStruct"},
		{"Handler", "HandlerStruct"},
		{"UnknownUnionMember", "UnknownUnionMemberStruct"},
		{"OpInput", "OpInput"},
		{"Choice", "Choice"},
		{"Color", "Color"},
	} {
		assert.Equal(t, tc.want, irShape(t, p, tc.shape).Name, "Go name of %s", tc.shape)
	}
	choice := irShape(t, p, "Choice")
	assert.Equal(t, "UnmarshalChoice", choice.UnmarshalFunc)
	assert.Equal(t, "encodeChoice", choice.EncodeFunc)
	assert.Equal(t, "UnknownUnionMember", choice.Unknown)
	list := irShape(t, p, "List")
	assert.Equal(t, GoType{Kind: GoSlice, Elem: &GoType{Kind: GoNamed, Name: "Color", Enum: true}}, list.GoType)

	// Every Go type name and union variant is unique in the package.
	seen := map[string]model.ShapeID{}
	for _, s := range p.Shapes {
		names := []string{s.Name}
		for _, m := range s.Members {
			if m.Variant != "" {
				names = append(names, m.Variant)
			}
		}
		for _, n := range names {
			if n == "" {
				continue
			}
			if prev, dup := seen[n]; dup {
				t.Errorf("Go name %s is used by %s and %s", n, prev, s.ID)
			}
			seen[n] = s.ID
		}
	}
}

// TestOperationIONames checks that operation inputs and outputs are named
// <Op>Input and <Op>Output whatever their shape names, before other shapes.
func TestOperationIONames(t *testing.T) {
	p := irOf(t, `
		"#GetThing": {"type": "operation", "input": {"target": "#GetThingRequest"}, "output": {"target": "#GetThingResponse"},
			"traits": {"smithy.api#http": {"method": "GET", "uri": "/", "code": 200}}},
		"#GetThingRequest": {"type": "structure", "members": {"x": {"target": "#GetThingInput"}}},
		"#GetThingResponse": {"type": "structure", "members": {}},
		"#GetThingInput": {"type": "structure", "members": {}},
		"#Ping": {"type": "operation", "traits": {"smithy.api#http": {"method": "GET", "uri": "/ping", "code": 200}}}`,
		"GetThing", "Ping")
	assert.Equal(t, "GetThingInput", irShape(t, p, "GetThingRequest").Name)
	assert.Equal(t, "GetThingOutput", irShape(t, p, "GetThingResponse").Name)
	assert.Equal(t, "GetThingInputStruct", irShape(t, p, "GetThingInput").Name)
	require.Len(t, p.Operations, 2)
	assert.Equal(t, "GetThing", p.Operations[0].Name)
	ping := p.Operations[1]
	assert.Equal(t, "Ping", ping.Name)
	assert.Equal(t, "PingInput", ping.Input.Name, "a Unit input gets an empty struct")
	assert.Equal(t, "PingOutput", ping.Output.Name)
	assert.True(t, ping.Input.IsInput)
	assert.True(t, ping.Output.IsOutput)
}

// TestFieldNames checks struct field and union variant names: exported,
// clear of generated method names, unique.
func TestFieldNames(t *testing.T) {
	p := irOf(t, opWithInput(`
		"type": {"target": "smithy.api#String"}, "String": {"target": "smithy.api#String"},
		"String_": {"target": "smithy.api#String"}, "validate": {"target": "smithy.api#String"},
		"MarshalJSON": {"target": "smithy.api#String"}, "_x": {"target": "smithy.api#String"},
		"u": {"target": "#U"}, "v": {"target": "#UMemberA"}`)+`,
		"#U": {"type": "union", "members": {"a": {"target": "smithy.api#String"}, "Error": {"target": "smithy.api#String"}}},
		"#UMemberA": {"type": "structure", "members": {}}`, "Op")
	in := irShape(t, p, "OpInput")
	for _, tc := range []struct{ member, want string }{
		{"type", "Type"},
		{"String", "String_"},
		{"String_", "String__"},
		{"validate", "Validate_"},
		{"MarshalJSON", "MarshalJSON_"},
		{"_x", "X"},
	} {
		assert.Equal(t, tc.want, irMember(t, in, tc.member).GoName, "field of member %s", tc.member)
	}
	u := irShape(t, p, "U")
	a, e := irMember(t, u, "a"), irMember(t, u, "Error")
	assert.Equal(t, "Value", a.GoName)
	assert.Equal(t, "UMemberA_", a.Variant, "UMemberA is the structure's name")
	// A variant's only field is Value: a member name like a method name needs no underscore.
	assert.Equal(t, "UMemberError", e.Variant, "a union member named like a generated method")
	assert.Equal(t, "UMemberA", irShape(t, p, "UMemberA").Name)
}

// TestEnumConstants checks enum constant names: {Enum}{titleCase(value)},
// duplicates suffixed with "_"; intEnums use the member name.
func TestEnumConstants(t *testing.T) {
	p := irOf(t, opWithInput(`"a": {"target": "#E"}, "b": {"target": "#I"}, "c": {"target": "#Legacy"}`)+`,
		"#E": {"type": "enum", "members": {
			"A_B": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "a-b"}},
			"A_B2": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "a_b"}},
			"PLAIN": {"target": "smithy.api#Unit"}}},
		"#I": {"type": "intEnum", "members": {
			"low": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}},
			"HIGH_VALUE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 9}}}},
		"#Legacy": {"type": "string", "traits": {"smithy.api#enum": [{"value": "x.y", "name": "XY"}, {"value": "z"}]}}`, "Op")
	type value struct {
		Const, String string
		Int           int64
	}
	values := func(s *Shape) []value {
		var out []value
		for _, v := range s.Values {
			out = append(out, value{v.Const, v.String, v.Int})
		}
		return out
	}
	e := irShape(t, p, "E")
	assert.Equal(t, KindEnum, e.Kind)
	assert.Equal(t, []value{{"EAB", "a-b", 0}, {"EAB_", "a_b", 0}, {"EPlain", "PLAIN", 0}}, values(e))
	i := irShape(t, p, "I")
	assert.Equal(t, KindIntEnum, i.Kind)
	assert.Equal(t, []value{{"ILow", "", 1}, {"IHighValue", "", 9}}, values(i))
	legacy := irShape(t, p, "Legacy")
	assert.Equal(t, KindEnum, legacy.Kind, "a string with the 1.0 @enum trait is an enum")
	assert.Equal(t, []value{{"LegacyXY", "x.y", 0}, {"LegacyZ", "z", 0}}, values(legacy))
	assert.True(t, irMember(t, irShape(t, p, "OpInput"), "c").Constraints.Enum)
}

// TestNameCollisionErrors checks the collisions the IR cannot resolve: the
// error names both shapes and suggests a rename, with the position of the
// shape at fault first (file:line:col), as every model error does.
func TestNameCollisionErrors(t *testing.T) {
	for _, tc := range []struct {
		name, shapes string
		at, msg      string // the shape at fault ("#Name" in example.ir), whose position starts the error; the rest
	}{
		{
			name: "four shapes named Foo",
			shapes: `"#Foo": {"type": "structure", "members": {}},
		"#FooStruct": {"type": "structure", "members": {}},
		"#Foo_": {"type": "structure", "members": {}},
		"zz#foo": {"type": "structure", "members": {}}`,
			at:  "zz#foo",
			msg: "zz#foo: Go name Foo collides with example.ir#Foo; rename one of them with the service's rename property",
		},
		{
			name: "reserved name",
			// Shapes of namespace "aa" come first and take the fallback names.
			shapes: `"aa#HandlerStruct": {"type": "structure", "members": {}},
		"aa#Handler_": {"type": "structure", "members": {}},
		"#Handler": {"type": "structure", "members": {}}`,
			at:  "#Handler",
			msg: "example.ir#Handler: Go name Handler is reserved by the generator; rename the shape with the service's rename property",
		},
		{
			name: "union decoder",
			shapes: `"#Foo": {"type": "union", "members": {"a": {"target": "smithy.api#String"}}},
		"#UnmarshalFoo": {"type": "structure", "members": {}}`,
			at:  "#Foo",
			msg: "example.ir#Foo: Go name UnmarshalFoo of the union's decoder collides with example.ir#UnmarshalFoo; rename one of them",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var members []string
			for _, line := range strings.Split(tc.shapes, "\n") {
				id, _, _ := strings.Cut(strings.TrimSpace(line), `: `)
				members = append(members, fmt.Sprintf(`"m%d": {"target": %s}`, len(members), id))
			}
			shapes := opWithInput(strings.Join(members, ", ")) + ",\n\t\t" + tc.shapes
			m, err := loader.Load(loader.Source{Name: "m.json", Data: []byte(astDoc(shapes, "Op"))})
			require.NoError(t, err)
			at := m.Shape(model.MustShapeID(strings.Replace(tc.at, "#", testNS+"#", 1)))
			if !strings.HasPrefix(tc.at, "#") {
				at = m.Shape(model.MustShapeID(tc.at))
			}
			require.NotNil(t, at)
			_, err = irErr(shapes, "Op")
			require.Error(t, err)
			assert.Equal(t, at.Pos.String()+": "+tc.msg, err.Error())
		})
	}
}

// TestNullability checks which struct members are pointers (or otherwise
// nil-able): Smithy 2.0 optionality as a non-authoritative client reads it.
func TestNullability(t *testing.T) {
	members := `
		"plain": {"target": "smithy.api#Integer"},
		"required": {"target": "smithy.api#Integer", "traits": {"smithy.api#required": {}}},
		"defaulted": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 1}},
		"nullDefault": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": null}},
		"clientOptional": {"target": "smithy.api#Integer", "traits": {"smithy.api#required": {}, "smithy.api#clientOptional": {}}},
		"requiredString": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}},
		"requiredTime": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#required": {}}},
		"requiredEnum": {"target": "#E", "traits": {"smithy.api#required": {}}},
		"optionalEnum": {"target": "#E"},
		"requiredIntEnum": {"target": "#I", "traits": {"smithy.api#required": {}}},
		"optionalIntEnum": {"target": "#I"},
		"requiredStruct": {"target": "#S", "traits": {"smithy.api#required": {}}},
		"optionalList": {"target": "#L"},
		"requiredBlob": {"target": "smithy.api#Blob", "traits": {"smithy.api#required": {}}},
		"optionalBig": {"target": "smithy.api#BigInteger"}`
	p := irOf(t, `
		"#Op": {"type": "operation", "input": {"target": "#In"}, "output": {"target": "#Out"},
			"traits": {"smithy.api#http": {"method": "POST", "uri": "/", "code": 200}}},
		"#In": {"type": "structure", "members": {"s": {"target": "#S"}, "m": {"target": "#Marked"}}},
		"#Out": {"type": "structure", "members": {`+members+`}},
		"#Marked": {"type": "structure", "traits": {"smithy.api#input": {}}, "members": {`+members+`}},
		"#S": {"type": "structure", "members": {}},
		"#L": {"type": "list", "member": {"target": "smithy.api#Integer"}},
		"#E": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit"}}},
		"#I": {"type": "intEnum", "members": {"A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}}}}`, "Op")
	type null struct{ Pointer, Nullable bool }
	for _, tc := range []struct {
		member         string
		output, input  null // in an output structure; in an @input one
		wantFieldInOut string
	}{
		{"plain", null{true, true}, null{true, true}, "*int32"},
		{"required", null{false, false}, null{true, true}, "int32"},
		{"defaulted", null{false, false}, null{true, true}, "int32"},
		{"nullDefault", null{true, true}, null{true, true}, "*int32"},
		{"clientOptional", null{true, true}, null{true, true}, "*int32"},
		{"requiredString", null{false, false}, null{true, true}, "string"},
		{"requiredTime", null{false, false}, null{true, true}, "time.Time"},
		{"requiredEnum", null{false, false}, null{false, true}, "E"},
		{"optionalEnum", null{false, true}, null{false, true}, "E"},
		{"requiredIntEnum", null{false, false}, null{true, true}, "I"},
		{"optionalIntEnum", null{true, true}, null{true, true}, "*I"},
		{"requiredStruct", null{true, false}, null{true, true}, "*S"},
		{"optionalList", null{false, true}, null{false, true}, "[]int32"},
		{"requiredBlob", null{false, false}, null{false, true}, "[]byte"},
		{"optionalBig", null{false, true}, null{false, true}, "*big.Int"},
	} {
		t.Run(tc.member, func(t *testing.T) {
			out := irMember(t, irShape(t, p, "Out"), tc.member)
			in := irMember(t, irShape(t, p, "Marked"), tc.member)
			assert.Equal(t, tc.output, null{out.Pointer, out.Nullable}, "in an output structure")
			assert.Equal(t, tc.input, null{in.Pointer, in.Nullable}, "in an @input structure")
			assert.Equal(t, tc.wantFieldInOut, fmt.Sprintf("%#v", fieldType(out)))
		})
	}
	// Members of the operation input are nullable whether or not it is marked @input.
	assert.True(t, irShape(t, p, "In").IsInput)
	assert.True(t, irMember(t, irShape(t, p, "In"), "s").Nullable)
}

// TestSparseElements checks the element types of sparse lists and maps:
// scalars and structs by pointer; enums, which have no pointer form, by value.
func TestSparseElements(t *testing.T) {
	p := irOf(t, opWithInput(`"a": {"target": "#Strings"}, "b": {"target": "#Structs"}, "c": {"target": "#Enums"},
		"d": {"target": "#Map"}, "e": {"target": "#Dense"}`)+`,
		"#Strings": {"type": "list", "member": {"target": "smithy.api#String"}, "traits": {"smithy.api#sparse": {}}},
		"#Structs": {"type": "list", "member": {"target": "#S"}, "traits": {"smithy.api#sparse": {}}},
		"#Enums": {"type": "list", "member": {"target": "#E"}, "traits": {"smithy.api#sparse": {}}},
		"#Map": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#Timestamp"}, "traits": {"smithy.api#sparse": {}}},
		"#Dense": {"type": "list", "member": {"target": "smithy.api#String"}},
		"#S": {"type": "structure", "members": {}},
		"#E": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit"}}}`, "Op")
	for _, tc := range []struct{ shape, want string }{
		{"Strings", "[]*string"},
		{"Structs", "[]*S"},
		{"Enums", "[]*E"}, // null must be told from the zero value ""
		{"Map", "map[string]*time.Time"},
		{"Dense", "[]string"},
	} {
		s := irShape(t, p, tc.shape)
		assert.Equal(t, tc.want, fmt.Sprintf("%#v", goType(s.GoType)), tc.shape)
		assert.Equal(t, s.Sparse, s.Elem.Nullable, "%s: elements are nullable exactly when sparse", tc.shape)
	}
}

// TestMemberFacts checks what a member takes from its target and its own
// traits: constraints (the member's refine the target's), timestamp formats
// (by binding location when none is set), JSON names and HTTP locations.
func TestMemberFacts(t *testing.T) {
	p := irOf(t, `
		"#Op": {"type": "operation", "input": {"target": "#In"},
			"traits": {"smithy.api#http": {"method": "POST", "uri": "/{label}", "code": 200}}},
		"#In": {"type": "structure", "members": {
			"label": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}}},
			"query": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#httpQuery": "q"}},
			"header": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#httpHeader": "X-T"}},
			"body": {"target": "smithy.api#Timestamp"},
			"shaped": {"target": "#DateTime", "traits": {"smithy.api#httpHeader": "X-D"}},
			"own": {"target": "#DateTime", "traits": {"smithy.api#timestampFormat": "http-date"}},
			"name": {"target": "#Name", "traits": {"smithy.api#length": {"max": 3}, "smithy.api#jsonName": "NAME"}},
			"inherited": {"target": "#Name"},
			"params": {"target": "#M", "traits": {"smithy.api#httpQueryParams": {}}},
			"meta": {"target": "#M", "traits": {"smithy.api#httpPrefixHeaders": "x-m-"}}
		}},
		"#DateTime": {"type": "timestamp", "traits": {"smithy.api#timestampFormat": "date-time"}},
		"#Name": {"type": "string", "traits": {"smithy.api#length": {"min": 1, "max": 9}, "smithy.api#pattern": "^a"}},
		"#M": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#String"}}`, "Op")
	in := irShape(t, p, "In")
	assert.True(t, in.HasBindings)
	for _, tc := range []struct {
		member, format string
		loc            Location
		locName        string
	}{
		{"label", "date-time", InLabel, "label"},
		{"query", "date-time", InQuery, "q"},
		{"header", "http-date", InHeader, "X-T"},
		{"body", "epoch-seconds", InBody, ""},
		{"shaped", "date-time", InHeader, "X-D"},
		{"own", "http-date", InBody, ""},
		{"params", "", InQueryParams, ""},
		{"meta", "", InPrefixHeaders, "x-m-"},
	} {
		m := irMember(t, in, tc.member)
		assert.Equal(t, tc.format, m.TimestampFmt, "%s: timestamp format", tc.member)
		assert.Equal(t, tc.loc, m.Location, "%s: location", tc.member)
		assert.Equal(t, tc.locName, m.LocationName, "%s: location name", tc.member)
	}
	name, inherited := irMember(t, in, "name"), irMember(t, in, "inherited")
	i64 := func(n int64) *int64 { return &n }
	assert.Equal(t, &model.Length{Max: i64(3)}, name.Constraints.Length, "the member's @length replaces the target's")
	assert.Equal(t, "^a", name.Constraints.Pattern)
	assert.Equal(t, &model.Length{Min: i64(1), Max: i64(9)}, inherited.Constraints.Length)
	assert.Equal(t, "NAME", name.JSONName)
	assert.Equal(t, "inherited", inherited.JSONName)
}

// TestErrorsAndRecursion checks error facts (fault, HTTP status defaults) and
// the recursion flag.
func TestErrorsAndRecursion(t *testing.T) {
	p := irOf(t, `
		"#Op": {"type": "operation", "input": {"target": "#Tree"},
			"errors": [{"target": "#Client"}, {"target": "#Server"}, {"target": "#Throttled"}],
			"traits": {"smithy.api#http": {"method": "POST", "uri": "/", "code": 200}}},
		"#Tree": {"type": "structure", "members": {"kids": {"target": "#Trees"}, "leaf": {"target": "#Leaf"}, "u": {"target": "#U"}}},
		"#Trees": {"type": "list", "member": {"target": "#Tree"}},
		"#Leaf": {"type": "structure", "members": {"v": {"target": "smithy.api#String"}}},
		"#U": {"type": "union", "members": {"self": {"target": "#U"}, "s": {"target": "smithy.api#String"}}},
		"#Client": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client"}},
		"#Server": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "server"}},
		"#Throttled": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client", "smithy.api#httpError": 429}}`, "Op")
	for _, tc := range []struct {
		shape, fault string
		status       int
	}{
		{"Client", "client", 400},
		{"Server", "server", 500},
		{"Throttled", "client", 429},
	} {
		s := irShape(t, p, tc.shape)
		assert.True(t, s.IsError)
		assert.Equal(t, tc.fault, s.ErrorFault, tc.shape)
		assert.Equal(t, tc.status, s.HTTPStatus, tc.shape)
	}
	assert.Len(t, p.Operations[0].Errors, 3)
	assert.True(t, irShape(t, p, "Tree").Recursive)
	assert.True(t, irShape(t, p, "U").Recursive)
	assert.False(t, irShape(t, p, "Leaf").Recursive)
	assert.False(t, irShape(t, p, "Leaf").IsError)
}

// TestIROrder checks that shapes are sorted by shape ID and operations by
// name, whatever the model order, and that the closure holds only what the
// selected operations reach.
func TestIROrder(t *testing.T) {
	shapes := `
		"#Zed": {"type": "operation", "input": {"target": "#ZIn"}, "traits": {"smithy.api#http": {"method": "POST", "uri": "/z", "code": 200}}},
		"#Alpha": {"type": "operation", "input": {"target": "#AIn"}, "traits": {"smithy.api#http": {"method": "POST", "uri": "/a", "code": 200}}},
		"#ZIn": {"type": "structure", "members": {"b": {"target": "#B"}, "a": {"target": "#A"}}},
		"#AIn": {"type": "structure", "members": {"c": {"target": "#C"}}},
		"#C": {"type": "structure", "members": {}},
		"#B": {"type": "structure", "members": {}},
		"#A": {"type": "structure", "members": {}}`
	p := irOf(t, shapes, "Zed", "Alpha")
	var ids []string
	for _, s := range p.Shapes {
		ids = append(ids, s.ID.Name)
	}
	assert.Equal(t, []string{"A", "AIn", "B", "C", "ZIn"}, ids)
	assert.Equal(t, "Alpha", p.Operations[0].Name)
	assert.Equal(t, "Zed", p.Operations[1].Name)
	assert.Equal(t, []string{"b", "a"}, []string{irShape(t, p, "ZIn").Members[0].Name, irShape(t, p, "ZIn").Members[1].Name},
		"members keep model order")

	m, err := loader.Load(loader.Source{Name: "m.json", Data: []byte(astDoc(shapes, "Zed", "Alpha"))})
	require.NoError(t, err)
	svc, err := m.ServiceByID("")
	require.NoError(t, err)
	only, err := BuildIR(m, svc, Options{Package: "svc", Operations: []string{"Alpha"}})
	require.NoError(t, err)
	ids = nil
	for _, s := range only.Shapes {
		ids = append(ids, s.ID.Name)
	}
	assert.Equal(t, []string{"AIn", "C"}, ids, "only what Alpha reaches")
	_, err = BuildIR(m, svc, Options{Package: "svc", Operations: []string{"Nope"}})
	assert.EqualError(t, err, `operation "Nope" is not an operation of example.ir#Svc`)
	_, err = BuildIR(m, svc, Options{Package: "Bad-Name"})
	assert.EqualError(t, err, `package name "Bad-Name" is not a valid Go package name`)
}

// TestIdentifiersUnique checks, on every fixture model, that the
// package-level identifiers the IR decides are unique: type names of structs,
// unions and enums, union variants and decoders, and enum constants.
func TestIdentifiersUnique(t *testing.T) {
	for _, name := range listDirs(t, fixturesDir) {
		t.Run(name, func(t *testing.T) {
			r, err := renderFixture(t, name)
			require.NoError(t, err)
			declared := map[string]string{} // identifier -> what declares it
			declare := func(ident, by string) {
				if ident == "" {
					return
				}
				if prev, dup := declared[ident]; dup && prev != by {
					t.Errorf("Go identifier %s is declared by %s and by %s", ident, prev, by)
				}
				declared[ident] = by
			}
			for _, s := range r.Package.Shapes {
				switch s.Kind {
				case KindStruct, KindUnion, KindEnum, KindIntEnum:
					declare(s.Name, "the type of "+s.ID.String())
				}
				declare(s.UnmarshalFunc, "the decoder of "+s.ID.String())
				for _, m := range s.Members {
					declare(m.Variant, "the variant of "+m.ID.String())
				}
				for _, v := range s.Values {
					declare(v.Const, fmt.Sprintf("the constant of %s value %q", s.ID, v.Name))
				}
			}
			for _, op := range r.Package.Operations {
				for _, io := range []*Shape{op.Input, op.Output} {
					if r.Package.Shape(io.ID) == nil { // the empty struct of a Unit input or output
						declare(io.Name, "the empty struct of "+io.ID.String())
					}
				}
			}
		})
	}
}
