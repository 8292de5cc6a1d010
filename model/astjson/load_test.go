package astjson

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
)

func id(s string) model.ShapeID { return model.MustShapeID(s) }

// memberSummary renders members as "name->target" in model order.
func memberSummary(s *model.Shape) []string {
	var out []string
	for _, m := range s.Members {
		out = append(out, m.Name()+"->"+m.Target.String())
	}
	return out
}

func traitValue(t *testing.T, traits *model.Traits, trait model.ShapeID) any {
	t.Helper()
	tr, ok := traits.Get(trait)
	require.True(t, ok, "trait %s missing", trait)
	return tr.Value
}

func TestLoadShapeKinds(t *testing.T) {
	m := mustBuild(t, fixture(t, "kinds.json"))
	tests := []struct {
		id      string
		typ     model.ShapeType
		members []string
		check   func(t *testing.T, s *model.Shape)
	}{
		{id: "example.kinds#Blob", typ: model.Blob},
		{id: "example.kinds#Boolean", typ: model.Boolean},
		{id: "example.kinds#String", typ: model.String},
		{id: "example.kinds#Byte", typ: model.Byte},
		{id: "example.kinds#Short", typ: model.Short},
		{id: "example.kinds#Integer", typ: model.Integer},
		{id: "example.kinds#Long", typ: model.Long},
		{id: "example.kinds#Float", typ: model.Float},
		{id: "example.kinds#Double", typ: model.Double},
		{id: "example.kinds#BigInteger", typ: model.BigInteger},
		{id: "example.kinds#BigDecimal", typ: model.BigDecimal},
		{id: "example.kinds#Timestamp", typ: model.Timestamp},
		{id: "example.kinds#Document", typ: model.Document},
		{
			id: "example.kinds#Color", typ: model.Enum,
			members: []string{"RED->smithy.api#Unit", "GREEN->smithy.api#Unit"},
			check: func(t *testing.T, s *model.Shape) {
				v, _ := s.Member("RED").Traits.EnumValue()
				assert.Equal(t, "red", v)
				v, _ = s.Member("GREEN").Traits.EnumValue()
				assert.Equal(t, "GREEN", v, "an enum member without @enumValue has its name as value")
			},
		},
		{
			id: "example.kinds#Level", typ: model.IntEnum,
			members: []string{"HIGH->smithy.api#Unit", "LOW->smithy.api#Unit"},
			check: func(t *testing.T, s *model.Shape) {
				v, _ := s.Member("HIGH").Traits.EnumValue()
				assert.Equal(t, int64(10), v)
			},
		},
		{
			id: "example.kinds#Names", typ: model.List,
			members: []string{"member->smithy.api#String"},
			check: func(t *testing.T, s *model.Shape) {
				assert.Equal(t, id("example.kinds#Names$member"), s.Members[0].ID)
				l := s.Members[0].Traits.Length()
				require.NotNil(t, l)
				assert.Equal(t, int64(1), *l.Min)
			},
		},
		{
			id: "example.kinds#NameSet", typ: model.List,
			members: []string{"member->smithy.api#String"},
			check: func(t *testing.T, s *model.Shape) {
				assert.True(t, s.Traits.UniqueItems(), "a set is a list with @uniqueItems")
			},
		},
		{
			id: "example.kinds#Tags", typ: model.Map,
			members: []string{"key->smithy.api#String", "value->example.kinds#Integer"},
		},
		{
			id: "example.kinds#Thing", typ: model.Structure,
			members: []string{"zeta->smithy.api#String", "alpha->example.kinds#Names", "mid->example.kinds#Tags"},
			check: func(t *testing.T, s *model.Shape) {
				assert.True(t, s.Member("zeta").Traits.Required())
				assert.False(t, s.Member("alpha").Traits.Required())
			},
		},
		{
			id: "example.kinds#Choice", typ: model.Union,
			members: []string{"text->smithy.api#String", "number->smithy.api#Integer"},
		},
		{id: "example.kinds#Empty", typ: model.Structure},
		{
			id: "example.kinds#GetThing", typ: model.Operation,
			check: func(t *testing.T, s *model.Shape) {
				assert.Equal(t, id("example.kinds#Thing"), s.Input)
				assert.Equal(t, id("example.kinds#Empty"), s.Output)
				assert.Equal(t, []model.ShapeID{id("example.kinds#NotFound"), id("example.kinds#Throttled")}, s.Errors)
			},
		},
		{
			id: "example.kinds#Ping", typ: model.Operation,
			check: func(t *testing.T, s *model.Shape) {
				assert.True(t, s.Input.IsZero())
				assert.True(t, s.Output.IsZero())
				assert.Empty(t, s.Errors)
			},
		},
		{
			id: "example.kinds#ThingResource", typ: model.Resource,
			check: func(t *testing.T, s *model.Shape) {
				assert.Equal(t, []model.NamedTarget{{Name: "thingId", Target: model.Prelude("String")}}, s.Identifiers)
				assert.Equal(t, []model.NamedTarget{
					{Name: "name", Target: model.Prelude("String")},
					{Name: "tags", Target: id("example.kinds#Tags")},
				}, s.Properties)
				assert.Equal(t, id("example.kinds#CreateThing"), s.Create)
				assert.Equal(t, id("example.kinds#PutThing"), s.Put)
				assert.Equal(t, id("example.kinds#GetThing"), s.Read)
				assert.Equal(t, id("example.kinds#UpdateThing"), s.Update)
				assert.Equal(t, id("example.kinds#DeleteThing"), s.Delete)
				assert.Equal(t, id("example.kinds#ListThings"), s.List)
				assert.Equal(t, []model.ShapeID{id("example.kinds#ArchiveThing")}, s.Operations)
				assert.Equal(t, []model.ShapeID{id("example.kinds#CountThings")}, s.CollectionOperations)
				assert.Equal(t, []model.ShapeID{id("example.kinds#Part")}, s.Resources)
			},
		},
		{
			id: "example.kinds#Part", typ: model.Resource,
			check: func(t *testing.T, s *model.Shape) {
				assert.Equal(t, []model.NamedTarget{
					{Name: "thingId", Target: model.Prelude("String")},
					{Name: "partId", Target: model.Prelude("String")},
				}, s.Identifiers, "identifiers keep source order")
			},
		},
		{
			id: "example.kinds#Service", typ: model.Service,
			check: func(t *testing.T, s *model.Shape) {
				assert.Equal(t, "2024-01-01", s.Version)
				assert.Equal(t, []model.ShapeID{id("example.kinds#Ping")}, s.Operations)
				assert.Equal(t, []model.ShapeID{id("example.kinds#ThingResource")}, s.Resources)
				assert.Equal(t, []model.ShapeID{id("example.kinds#Throttled")}, s.Errors)
				assert.Equal(t, map[model.ShapeID]string{
					id("example.kinds#Choice"): "Option",
					id("example.kinds#Blob"):   "Bytes",
				}, s.Rename)
				assert.Equal(t, "A service.", s.Traits.Documentation())
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			s := m.Shape(id(tt.id))
			require.NotNil(t, s)
			assert.Equal(t, tt.typ, s.Type)
			assert.Equal(t, tt.members, memberSummary(s))
			assert.Equal(t, "kinds.json", s.Pos.File)
			assert.Positive(t, s.Pos.Line)
			if tt.check != nil {
				tt.check(t, s)
			}
		})
	}

	// Every shape type of Smithy 2.0 is covered above.
	covered := map[model.ShapeType]bool{}
	for _, tt := range tests {
		covered[tt.typ] = true
	}
	for _, typ := range model.ShapeTypes {
		assert.True(t, covered[typ], "no fixture for %s", typ)
	}
}

func TestLoadPositions(t *testing.T) {
	m := mustBuild(t, file{"pos.json", `{
  "smithy": "2.0",
  "shapes": {
    "ns#S": {
      "type": "structure",
      "members": {
        "a": {"target": "smithy.api#String", "traits": {"smithy.api#documentation": "x"}}
      }
    }
  }
}`})
	s := m.Shape(id("ns#S"))
	assert.Equal(t, model.Pos{File: "pos.json", Line: 4, Col: 13, Pointer: "/shapes/ns#S"}, s.Pos)
	mem := s.Member("a")
	assert.Equal(t, model.Pos{File: "pos.json", Line: 7, Col: 14, Pointer: "/shapes/ns#S/members/a"}, mem.Pos)
	tr, _ := mem.Traits.Get(model.TraitDocumentation)
	assert.Equal(t, model.Pos{File: "pos.json", Line: 7, Col: 85, Pointer: "/shapes/ns#S/members/a/traits/smithy.api#documentation"}, tr.Pos)
}

func TestLoadTraitValues(t *testing.T) {
	m := mustBuild(t, fixture(t, "traits.json"))
	s := m.Shape(id("example.traits#Values"))
	require.NotNil(t, s)
	mem := s.Member("name")
	require.NotNil(t, mem)

	tests := []struct {
		name   string
		traits *model.Traits
		trait  string
		want   any
	}{
		{"null", &mem.Traits, "example.traits#null", nil},
		{"true", &mem.Traits, "example.traits#true", true},
		{"false", &mem.Traits, "example.traits#false", false},
		{"empty object", &mem.Traits, "smithy.api#required", map[string]any{}},
		{"string with escapes", &mem.Traits, "smithy.api#documentation", "Line one\nline \"two\" é😀"},
		{"integer", &s.Traits, "example.traits#int", json.Number("42")},
		{"negative", &s.Traits, "example.traits#negative", json.Number("-7")},
		{"float keeps its text", &s.Traits, "example.traits#float", json.Number("1.5e-3")},
		{"big number keeps its text", &s.Traits, "example.traits#big", json.Number("123456789012345678901234567890")},
		{"array of every kind", &s.Traits, "example.traits#list", []any{"a", json.Number("1"), true, nil, []any{}, map[string]any{}}},
		{"nested object", &s.Traits, "example.traits#object", map[string]any{
			"z": json.Number("1"),
			"a": map[string]any{"nested": []any{"x", map[string]any{"deep": false}}},
		}},
		{"list trait", &s.Traits, "smithy.api#tags", []any{"one", "two"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, traitValue(t, tt.traits, id(tt.trait)))
		})
	}
	assert.Equal(t, map[string]any{
		"suppressions": []any{map[string]any{"id": "Example", "namespace": "*"}},
		"owner":        "team",
		"weight":       json.Number("1.5"),
		"flag":         true,
		"nothing":      nil,
	}, m.Metadata)
}

func TestLoadApply(t *testing.T) {
	shapes := file{"shapes.json", `{
  "smithy": "2.0",
  "shapes": {
    "ns#S": {
      "type": "structure",
      "members": {"a": {"target": "smithy.api#String"}},
      "traits": {"smithy.api#tags": ["x"]}
    },
    "ns#S$a": {"type": "apply", "traits": {"smithy.api#documentation": "From the same file."}}
  }
}`}
	applies := file{"applies.json", `{
  "smithy": "2.0",
  "shapes": {
    "ns#S": {"type": "apply", "traits": {"smithy.api#documentation": "Shape docs.", "smithy.api#tags": ["y"]}},
    "ns#S$a": {"type": "apply", "traits": {"smithy.api#required": {}}}
  }
}`}
	for _, order := range [][]file{{shapes, applies}, {applies, shapes}} {
		t.Run(order[0].name+" first", func(t *testing.T) {
			m := mustBuild(t, order...)
			s := m.Shape(id("ns#S"))
			assert.Equal(t, "Shape docs.", s.Traits.Documentation())
			assert.ElementsMatch(t, []any{"x", "y"}, traitValue(t, &s.Traits, model.Prelude("tags")), "list traits are concatenated")
			a := s.Member("a")
			assert.Equal(t, "From the same file.", a.Traits.Documentation())
			assert.True(t, a.Traits.Required())
			tr, _ := a.Traits.Get(model.TraitRequired)
			assert.Equal(t, model.Pos{File: "applies.json", Line: 5, Col: 67, Pointer: "/shapes/ns#S$a/traits/smithy.api#required"}, tr.Pos)
		})
	}
}

func TestLoadMixins(t *testing.T) {
	m := mustBuild(t, fixture(t, "mixins.json"))

	in := m.Shape(id("example.mixins#ListInput"))
	require.NotNil(t, in)
	assert.Equal(t, []string{
		"id->smithy.api#String",
		"nextToken->smithy.api#String",
		"pageSize->smithy.api#Integer",
		"filter->smithy.api#String",
	}, memberSummary(in), "members of mixins come first, in mixin order")
	assert.Equal(t, []model.ShapeID{id("example.mixins#Base"), id("example.mixins#Paged")}, in.Mixins)
	idm := in.Member("id")
	assert.Equal(t, "Specific id.", idm.Traits.Documentation(), "a redefined member's trait overrides the mixin's")
	assert.True(t, idm.Traits.Required(), "a redefined member keeps the traits it does not override")
	assert.Equal(t, "List input.", in.Traits.Documentation(), "the shape's own trait overrides the mixin's")
	assert.True(t, in.Traits.Sensitive(), "traits of the mixin are inherited")
	assert.False(t, in.Traits.Mixin(), "@mixin is not inherited")

	rec := m.Shape(id("example.mixins#Record"))
	require.NotNil(t, rec)
	assert.Equal(t, []string{
		"id->smithy.api#String",
		"createdAt->smithy.api#Timestamp",
		"body->smithy.api#String",
	}, memberSummary(rec), "mixins of mixins come first")
	assert.Equal(t, "Base docs.", rec.Traits.Documentation())
	assert.Equal(t, "Applied to an inherited member.", rec.Member("createdAt").Traits.Documentation())
	assert.Equal(t, "Applied to an own member.", rec.Member("body").Traits.Documentation())
	assert.Empty(t, m.Shape(id("example.mixins#Timestamped")).Member("createdAt").Traits.Documentation(),
		"an apply to a member inherited by Record does not reach the mixin")

	name := m.Shape(id("example.mixins#Name"))
	require.NotNil(t, name)
	require.NotNil(t, name.Traits.Length())
	assert.Equal(t, int64(64), *name.Traits.Length().Max)
	p, _ := name.Traits.Pattern()
	assert.Equal(t, "^[a-z]+$", p)
}

func TestLoadV1(t *testing.T) {
	m := mustBuild(t, fixture(t, "v1.json"), fixture(t, "v1later.json"))
	zero := json.Number("0")

	t.Run("shapes", func(t *testing.T) {
		tests := []struct {
			id         string
			hasDefault bool
			want       any
		}{
			{"example.v1#Count", true, zero},
			{"example.v1#Enabled", true, false},
			{"example.v1#BoxedCount", false, nil},
			{"example.v1#Name", false, nil},
			{"example.v1later#Count", true, zero},
		}
		for _, tt := range tests {
			s := m.Shape(id(tt.id))
			require.NotNil(t, s, tt.id)
			def, ok := s.Traits.Default()
			assert.Equal(t, tt.hasDefault, ok, "%s has @default", tt.id)
			assert.Equal(t, tt.want, def, tt.id)
			assert.False(t, s.Traits.Has(model.TraitBox), "%s keeps no @box", tt.id)
		}
	})

	t.Run("set", func(t *testing.T) {
		s := m.Shape(id("example.v1#Names"))
		assert.Equal(t, model.List, s.Type)
		assert.True(t, s.Traits.UniqueItems())
	})

	t.Run("structure members", func(t *testing.T) {
		s := m.Shape(id("example.v1#Settings"))
		tests := []struct {
			member     string
			hasDefault bool
			want       any
		}{
			{"count", true, zero},      // targets an unboxed integer: zero value
			{"boxedCount", false, nil}, // targets a boxed integer: optional
			{"boxedMember", true, nil}, // @box on the member: @default(null)
			{"enabled", true, false},   // unboxed boolean
			{"primitive", true, zero},  // smithy.api#PrimitiveLong
			{"primitiveBool", true, false},
			{"boxedPrelude", false, nil}, // smithy.api#Integer was boxed
			{"name", false, nil},         // strings had no zero value
			{"names", false, nil},
			{"body", true, ""},    // optional member targeting a streaming blob
			{"later", false, nil}, // target in a file loaded later: left optional
		}
		for _, tt := range tests {
			mem := s.Member(tt.member)
			require.NotNil(t, mem, tt.member)
			def, ok := mem.Traits.Default()
			assert.Equal(t, tt.hasDefault, ok, "%s has @default", tt.member)
			assert.Equal(t, tt.want, def, tt.member)
			assert.False(t, mem.Traits.Has(model.TraitBox), "%s keeps no @box", tt.member)
		}
		_, ok := m.Shape(id("example.v1#Upload")).Member("body").Traits.Default()
		assert.False(t, ok, "a required member targeting a streaming blob needs no default")
		list := m.Shape(id("example.v1#Counts")).Members[0]
		_, ok = list.Traits.Default()
		assert.False(t, ok, "only structure members get defaults")
		assert.False(t, list.Traits.Has(model.TraitBox))
	})

	t.Run("version spellings", func(t *testing.T) {
		for _, v := range []string{"1", "1.0", "2", "2.0"} {
			_, err := build(file{"v.json", `{"smithy": "` + v + `", "shapes": {"ns#A": {"type": "integer"}}}`})
			assert.NoError(t, err, v)
		}
	})
}

// TestLoadErrors checks the exact messages of documents that must fail, the
// errors found by Load and those Build finds in what Load added.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files []file
		want  []string
	}{
		{
			name:  "invalid JSON",
			files: []file{{"bad.json", "{\n  \"smithy\": \"2.0\",\n}"}},
			want:  []string{`bad.json:3:1: invalid JSON: expected a string key, found '}'`},
		},
		{
			name:  "empty file",
			files: []file{{"empty.json", ""}},
			want:  []string{`empty.json:1:1: invalid JSON: unexpected end of file, expected a value`},
		},
		{
			name:  "not an object",
			files: []file{{"a.json", `["smithy"]`}},
			want:  []string{`a.json:1:1: a Smithy JSON AST document must be a JSON object, found array`},
		},
		{
			name:  "missing version",
			files: []file{{"a.json", `{"shapes": {}}`}},
			want:  []string{`a.json:1:1: missing "smithy" version: add "smithy": "2.0"`},
		},
		{
			name:  "version not a string",
			files: []file{{"a.json", `{"smithy": 2}`}},
			want:  []string{`a.json:1:12: "smithy" version must be a JSON string, found number`},
		},
		{
			name:  "unknown version",
			files: []file{{"a.json", `{"smithy": "3.0", "shapes": {"ns#A": {"type": "bogus"}}}`}},
			want:  []string{`a.json:1:12: unsupported Smithy version "3.0": want "2.0" (or "1.0")`},
		},
		{
			name:  "no Smithy 1.1",
			files: []file{{"a.json", `{"smithy": "1.1"}`}},
			want:  []string{`a.json:1:12: unsupported Smithy version "1.1": want "2.0" (or "1.0")`},
		},
		{
			name:  "shapes not an object",
			files: []file{{"a.json", `{"smithy": "2.0", "shapes": []}`}},
			want:  []string{`a.json:1:29: "shapes" must be a JSON object, found array`},
		},
		{
			name:  "metadata not an object",
			files: []file{{"a.json", `{"smithy": "2.0", "metadata": "x"}`}},
			want:  []string{`a.json:1:31: "metadata" must be a JSON object, found string`},
		},
		{
			name: "invalid shape IDs",
			files: []file{{"a.json", `{"smithy": "2.0", "shapes": {
"Foo": {"type": "string"},
"ns#": {"type": "string"},
"ns#A$1": {"type": "apply", "traits": {}}
}}`}},
			want: []string{
				`a.json:2:8: invalid shape ID "Foo": want namespace#Name`,
				`a.json:3:8: invalid shape ID "ns#"`,
				`a.json:4:11: invalid shape ID "ns#A$1": bad member name`,
			},
		},
		{
			name: "shape entry problems",
			files: []file{{"a.json", `{"smithy": "2.0", "shapes": {
"ns#A": "string",
"ns#B": {"traits": {}},
"ns#C": {"type": 1},
"ns#D": {"type": "strin"},
"ns#E$m": {"type": "string"},
"smithy.api#Mine": {"type": "string"}
}}`}},
			want: []string{
				`a.json:2:9: ns#A: a shape definition must be a JSON object, found string`,
				`a.json:3:9: ns#B: missing "type"`,
				`a.json:4:18: ns#C: "type" must be a JSON string, found number`,
				`a.json:5:18: ns#D: unknown shape type "strin"`,
				`a.json:6:11: ns#E$m: a member is defined inside its shape; only an "apply" entry may name a member`,
				`a.json:7:20: smithy.api#Mine: the prelude namespace smithy.api is reserved: define shapes and apply traits in your own namespace`,
			},
		},
		{
			name: "member problems",
			files: []file{{"a.json", `{"smithy": "2.0", "shapes": {
"ns#A": {"type": "structure", "members": {
  "noTarget": {"traits": {}},
  "badTarget": {"target": "String"},
  "memberTarget": {"target": "ns#A$noTarget"},
  "numberTarget": {"target": 3},
  "notObject": "ns#A",
  "1bad": {"target": "smithy.api#String"},
  "ok": {"target": "smithy.api#String"}
}},
"ns#B": {"type": "union", "members": [{"target": "smithy.api#String"}]}
}}`}},
			want: []string{
				`a.json:3:15: ns#A$noTarget: member has no "target": want the absolute ID of the shape it targets, such as "smithy.api#String"`,
				`a.json:4:27: ns#A$badTarget: "target": invalid shape ID "String": want namespace#Name`,
				`a.json:5:30: ns#A$memberTarget: "target": "ns#A$noTarget" names a member, want a shape`,
				`a.json:6:30: ns#A$numberTarget: "target" must be a JSON string, found number`,
				`a.json:7:16: ns#A$notObject: member "notObject" must be a JSON object, found string`,
				`a.json:8:11: ns#A: invalid member name "1bad": want an identifier (letters, digits and _, not starting with a digit)`,
				`a.json:11:9: ns#B: a union must have at least one member`,
				`a.json:11:38: ns#B: "members" must be a JSON object, found array`,
			},
		},
		{
			name: "duplicate member",
			files: []file{{"a.json", `{"smithy": "2.0", "shapes": {
"ns#A": {"type": "structure", "members": {
  "a": {"target": "smithy.api#String"},
  "a": {"target": "smithy.api#Integer"}
}}}}`}},
			want: []string{`a.json:4:3: invalid JSON: duplicate key "a" in object at /shapes/ns#A/members`},
		},
		{
			name: "members differing only in case",
			files: []file{{"a.json", `{"smithy": "2.0", "shapes": {
"ns#A": {"type": "structure", "members": {
  "name": {"target": "smithy.api#String"},
  "Name": {"target": "smithy.api#String"}
}}}}`}},
			want: []string{`a.json:4:11: ns#A$Name: duplicate member name (conflicts with "name" at a.json:3:11)`},
		},
		{
			name: "trait problems",
			files: []file{{"a.json", `{"smithy": "2.0", "shapes": {
"ns#A": {"type": "string", "traits": {"required": {}, "ns#": 1, "ns#t$m": 2, "smithy.api#box": {}}},
"ns#B": {"type": "string", "traits": ["smithy.api#required"]}
}}`}},
			want: []string{
				`a.json:2:51: ns#A: trait "required" must be an absolute shape ID: did you mean "smithy.api#required"?`,
				`a.json:2:62: ns#A: invalid trait ID: invalid shape ID "ns#"`,
				`a.json:2:75: ns#A: invalid trait ID "ns#t$m": a trait is a shape, not a member`,
				`a.json:2:96: ns#A: the @box trait is not supported in Smithy 2.0: a member without @default is already optional`,
				`a.json:3:38: ns#B: "traits" must be a JSON object, found array`,
			},
		},
		{
			name: "Smithy 1.0 traits",
			files: []file{{"a.json", `{"smithy": "1.0", "shapes": {
"ns#A": {"type": "structure", "members": {"a": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 1, "documentation": "x"}}}}
}}`}},
			want: []string{
				`a.json:2:114: ns#A$a: the @default trait can only be used in Smithy 2.0 or later`,
				`a.json:2:134: ns#A$a: trait "documentation" must be an absolute shape ID: did you mean "smithy.api#documentation"?`,
			},
		},
		{
			name: "relationship problems",
			files: []file{{"a.json", `{"smithy": "2.0", "shapes": {
"ns#Op": {"type": "operation", "input": "ns#In", "output": {}, "errors": {"target": "ns#E"}},
"ns#Op2": {"type": "operation", "errors": ["ns#E", {"target": "E"}]},
"ns#Svc": {"type": "service", "version": 2, "rename": {"Foo": "Bar", "ns#A": 1}, "operations": [{"target": "ns#Op$x"}]},
"ns#Res": {"type": "resource", "identifiers": [{"target": "smithy.api#String"}], "properties": {"p": {}}, "read": {"target": 1}, "mixins": {}}
}}`}},
			want: []string{
				`a.json:2:41: ns#Op: "input" must be a JSON object, found string`,
				`a.json:2:60: ns#Op: "output" has no "target"`,
				`a.json:2:74: ns#Op: "errors" must be a JSON array, found object`,
				`a.json:3:44: ns#Op2: an entry of "errors" must be a JSON object, found string`,
				`a.json:3:63: ns#Op2: an entry of "errors" "target": invalid shape ID "E": want namespace#Name`,
				`a.json:4:42: ns#Svc: "version" must be a JSON string, found number`,
				`a.json:4:63: ns#Svc: "rename" key: invalid shape ID "Foo": want namespace#Name`,
				`a.json:4:78: ns#Svc: "rename" of ns#A must be a JSON string, found number`,
				`a.json:4:108: ns#Svc: an entry of "operations" "target": "ns#Op$x" names a member, want a shape`,
				`a.json:5:47: ns#Res: "identifiers" must be a JSON object, found array`,
				`a.json:5:102: ns#Res: "properties" entry "p" has no "target"`,
				`a.json:5:126: ns#Res: "read" "target" must be a JSON string, found number`,
				`a.json:5:140: ns#Res: "mixins" must be a JSON array, found object`,
			},
		},
		{
			name: "apply problems",
			files: []file{{"a.json", `{"smithy": "2.0", "shapes": {
"ns#A": {"type": "apply"},
"ns#B": {"type": "apply", "traits": []},
"ns#Missing": {"type": "apply", "traits": {"smithy.api#documentation": "x"}},
"smithy.api#String": {"type": "apply", "traits": {"smithy.api#documentation": "x"}}
}}`}},
			want: []string{
				`a.json:2:9: ns#A: an "apply" entry needs "traits"`,
				`a.json:3:37: ns#B: "traits" must be a JSON object, found array`,
				`a.json:4:72: ns#Missing: apply targets a shape that is not defined`,
				`a.json:5:22: smithy.api#String: the prelude namespace smithy.api is reserved: define shapes and apply traits in your own namespace`,
			},
		},
		{
			name: "apply to a missing member",
			files: []file{{"a.json", `{"smithy": "2.0", "shapes": {
"ns#A": {"type": "structure", "members": {}},
"ns#A$b": {"type": "apply", "traits": {"smithy.api#required": {}}}
}}`}},
			want: []string{`a.json:3:63: ns#A$b: apply targets a member that is not defined`},
		},
		// Errors Build finds in what Load added surface at the right place.
		{
			name: "dangling targets",
			files: []file{{"a.json", `{"smithy": "2.0", "shapes": {
"ns#A": {"type": "structure", "members": {
  "b": {"target": "ns#Missing"}
}},
"ns#Op": {"type": "operation", "input": {"target": "ns#Gone"}}
}}`}},
			want: []string{
				`a.json:3:8: ns#A$b: target "ns#Missing" not found`,
				`a.json:5:10: ns#Op: input "ns#Gone" not found`,
			},
		},
		{
			name: "trait placement",
			files: []file{{"a.json", `{"smithy": "2.0", "shapes": {
"ns#A": {
  "type": "structure",
  "traits": {"smithy.api#required": {}}
},
"ns#L": {"type": "list", "member": {"target": "smithy.api#String", "traits": {"smithy.api#pattern": "x", "smithy.api#range": {}}}}
}}`}},
			want: []string{
				`a.json:4:37: ns#A: trait smithy.api#required cannot be applied to a structure: it may only be applied to members`,
				`a.json:6:126: ns#L$member: trait smithy.api#range cannot be applied to a member targeting a string: it may only be applied to numbers and members targeting them`,
			},
		},
		{
			name: "duplicate shape across files",
			files: []file{
				{"one.json", `{"smithy": "2.0", "shapes": {"ns#A": {"type": "string"}}}`},
				{"two.json", "{\"smithy\": \"2.0\",\n \"shapes\": {\"ns#A\": {\"type\": \"integer\"}}}"},
			},
			want: []string{`two.json:2:21: ns#A: duplicate shape ID, first defined at one.json:1:38`},
		},
		{
			name: "conflicting metadata across files",
			files: []file{
				{"one.json", `{"smithy": "2.0", "metadata": {"owner": "a"}}`},
				{"two.json", `{"smithy": "2.0", "metadata": {"owner": "b"}}`},
			},
			want: []string{`two.json:1:41: metadata key "owner" conflicts with the value set at one.json:1:41`},
		},
		{
			name: "mixin not marked @mixin",
			files: []file{{"a.json", `{"smithy": "2.0", "shapes": {
"ns#Base": {"type": "structure", "members": {}},
"ns#A": {"type": "structure", "mixins": [{"target": "ns#Base"}], "members": {}}
}}`}},
			want: []string{`a.json:3:9: ns#A: ns#Base is used as a mixin but is not marked @mixin`},
		},
		{
			name: "several files, several errors, sorted",
			files: []file{
				{"b.json", `{"smithy": "2.0", "shapes": {"ns#B": {"type": "nope"}}}`},
				{"a.json", `{"smithy": "2.0", "shapes": {"ns#A": {"type": "structure", "members": {"x": {}}}}}`},
			},
			want: []string{
				`a.json:1:77: ns#A$x: member has no "target": want the absolute ID of the shape it targets, such as "smithy.api#String"`,
				`b.json:1:47: ns#B: unknown shape type "nope"`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, buildErrors(t, tt.files...))
		})
	}
}

// TestLoadErrorPointer checks errors carry the JSON pointer of the offending value too.
func TestLoadErrorPointer(t *testing.T) {
	_, err := build(file{"a.json", `{"smithy": "2.0", "shapes": {"ns#A": {"type": "structure", "members": []}}}`})
	require.Error(t, err)
	var list model.ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 1)
	assert.Equal(t, model.Pos{File: "a.json", Line: 1, Col: 71, Pointer: "/shapes/ns#A/members"}, list[0].Pos)
	assert.Equal(t, id("ns#A"), list[0].Shape)
}
