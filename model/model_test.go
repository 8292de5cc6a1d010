package model

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseShapeID(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want ShapeID
		err  string
	}{
		{in: "smithy.api#String", want: ShapeID{"smithy.api", "String", ""}},
		{in: "a.b#C$d", want: ShapeID{"a.b", "C", "d"}},
		{in: "ns#_x1", want: ShapeID{"ns", "_x1", ""}},
		{in: "String", err: `invalid shape ID "String": want namespace#Name`},
		{in: "#A", err: `invalid shape ID "#A": want namespace#Name`},
		{in: "a..b#C", err: `invalid shape ID "a..b#C"`},
		{in: "a#1C", err: `invalid shape ID "a#1C"`},
		{in: "a#C$", err: `invalid shape ID "a#C$": bad member name`},
		{in: "a#C$m$n", err: `invalid shape ID "a#C$m$n": bad member name`},
	} {
		got, err := ParseShapeID(tc.in)
		if tc.err != "" {
			assert.EqualError(t, err, tc.err, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got)
		assert.Equal(t, tc.in, got.String())
	}
}

func pos(line int) Pos { return Pos{File: "m.json", Line: line, Col: 1} }

func structure(id string, line int, members ...*Member) *Shape {
	sid := MustShapeID(id)
	s := &Shape{ID: sid, Type: Structure, Pos: pos(line)}
	for _, m := range members {
		m.ID = sid.WithMember(m.ID.Member)
		s.Members = append(s.Members, m)
	}
	return s
}

func member(name, target string, line int, traits ...*Trait) *Member {
	m := &Member{ID: ShapeID{Member: name}, Target: MustShapeID(target), Pos: pos(line)}
	for _, tr := range traits {
		m.Traits.Set(tr)
	}
	return m
}

func TestBuildPreludeAndTraits(t *testing.T) {
	b := NewBuilder()
	b.Add(structure("ns#S", 1,
		member("a", "smithy.api#String", 2, &Trait{ID: TraitRequired, Value: map[string]any{}},
			&Trait{ID: TraitLength, Value: map[string]any{"min": json.Number("1"), "max": json.Number("5")}}),
		member("b", "smithy.api#PrimitiveInteger", 3),
	))
	m, err := b.Build()
	require.NoError(t, err)
	s := m.Shape(MustShapeID("ns#S"))
	require.NotNil(t, s)
	a := s.Member("a")
	assert.True(t, a.Traits.Required())
	l := a.Traits.Length()
	require.NotNil(t, l)
	assert.EqualValues(t, 1, *l.Min)
	assert.EqualValues(t, 5, *l.Max)
	assert.Equal(t, Integer, m.Target(s.Member("b")).Type)
	d, ok := m.Shape(Prelude("PrimitiveInteger")).Traits.Default()
	assert.True(t, ok)
	assert.Equal(t, json.Number("0"), d)
	assert.Equal(t, s, m.Shape(MustShapeID("ns#S$a")), "Shape ignores the member part")
	assert.Equal(t, a, m.MemberOf(MustShapeID("ns#S$a")))
}

func TestBuildErrors(t *testing.T) {
	req := &Trait{ID: TraitRequired, Value: map[string]any{}, Pos: pos(9)}
	for _, tc := range []struct {
		name   string
		shapes []*Shape
		want   string
	}{
		{"dangling target", []*Shape{structure("ns#S", 1, member("a", "ns#Missing", 2))},
			`m.json:2:1: ns#S$a: target "ns#Missing" not found`},
		{"duplicate member case-insensitive", []*Shape{structure("ns#S", 1, member("a", "smithy.api#String", 2), member("A", "smithy.api#String", 3))},
			`m.json:3:1: ns#S$A: duplicate member name (conflicts with "a" at m.json:2:1)`},
		{"duplicate shape", []*Shape{structure("ns#S", 1), structure("ns#S", 5, member("x", "smithy.api#String", 6))},
			`m.json:5:1: ns#S: duplicate shape ID, first defined at m.json:1:1`},
		{"unknown type", []*Shape{{ID: MustShapeID("ns#S"), Type: "widget", Pos: pos(4)}},
			`m.json:4:1: ns#S: unknown shape type "widget"`},
		{"trait on wrong kind", []*Shape{func() *Shape { s := structure("ns#S", 1); s.Traits.Set(req); return s }()},
			`m.json:9:1: ns#S: trait smithy.api#required cannot be applied to a structure: it may only be applied to members`},
		{"length on boolean member", []*Shape{structure("ns#S", 1, member("a", "smithy.api#Boolean", 2,
			&Trait{ID: TraitLength, Value: map[string]any{}, Pos: pos(3)}))},
			`m.json:3:1: ns#S$a: trait smithy.api#length cannot be applied to a member targeting a boolean: it may only be applied to lists, maps, strings, blobs and members targeting them`},
		{"operation input not a structure", []*Shape{{ID: MustShapeID("ns#Op"), Type: Operation, Pos: pos(7), Input: Prelude("String")}},
			`m.json:7:1: ns#Op: input smithy.api#String is a string, want structure`},
		{"list with two members", []*Shape{{ID: MustShapeID("ns#L"), Type: List, Pos: pos(2), Members: []*Member{
			{ID: MustShapeID("ns#L$member"), Target: Prelude("String")}, {ID: MustShapeID("ns#L$other"), Target: Prelude("String")}}}},
			`m.json:2:1: ns#L: a list must have exactly one member named "member"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBuilder()
			for _, s := range tc.shapes {
				b.Add(s)
			}
			_, err := b.Build()
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestMixinsAndApply(t *testing.T) {
	b := NewBuilder()
	base := structure("ns#Base", 1, member("id", "smithy.api#String", 2))
	base.Traits.Set(&Trait{ID: TraitMixin, Value: map[string]any{}})
	base.Traits.Set(&Trait{ID: TraitDocumentation, Value: "base doc"})
	b.Add(base)
	s := structure("ns#S", 5, member("name", "smithy.api#String", 6))
	s.Mixins = []ShapeID{MustShapeID("ns#Base")}
	b.Add(s)
	// Applied to a member that exists only through the mixin, and to the mixin itself.
	b.Apply(MustShapeID("ns#S$id"), &Trait{ID: TraitRequired, Value: map[string]any{}})
	b.Apply(MustShapeID("ns#Base"), &Trait{ID: TraitSensitive, Value: map[string]any{}})
	m, err := b.Build()
	require.NoError(t, err)
	got := m.Shape(MustShapeID("ns#S"))
	require.Len(t, got.Members, 2)
	assert.Equal(t, "id", got.Members[0].Name(), "mixin members come first")
	assert.Equal(t, MustShapeID("ns#S$id"), got.Members[0].ID)
	assert.True(t, got.Members[0].Traits.Required())
	assert.False(t, m.Shape(MustShapeID("ns#Base")).Member("id").Traits.Required(), "apply to the user does not touch the mixin")
	assert.Equal(t, "base doc", got.Traits.Documentation())
	assert.True(t, got.Traits.Sensitive(), "traits applied to a mixin are inherited")
	assert.False(t, got.Traits.Mixin(), "@mixin is not inherited")
}

func TestMixinCycle(t *testing.T) {
	b := NewBuilder()
	a := structure("ns#A", 1)
	a.Traits.Set(&Trait{ID: TraitMixin, Value: map[string]any{}})
	a.Mixins = []ShapeID{MustShapeID("ns#B")}
	c := structure("ns#B", 2)
	c.Traits.Set(&Trait{ID: TraitMixin, Value: map[string]any{}})
	c.Mixins = []ShapeID{MustShapeID("ns#A")}
	b.Add(a)
	b.Add(c)
	_, err := b.Build()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "mixin cycle")
}

func TestApplyConflictsAndLists(t *testing.T) {
	b := NewBuilder()
	b.Add(structure("ns#S", 1))
	b.Apply(MustShapeID("ns#S"), &Trait{ID: TraitDocumentation, Value: "one", Pos: pos(3)})
	b.Apply(MustShapeID("ns#S"), &Trait{ID: TraitDocumentation, Value: "two", Pos: pos(4)})
	b.Apply(MustShapeID("ns#Nope"), &Trait{ID: TraitSensitive, Value: map[string]any{}, Pos: pos(5)})
	_, err := b.Build()
	require.Error(t, err)
	assert.Equal(t, "m.json:4:1: ns#S: conflicting values for trait smithy.api#documentation (also applied at m.json:3:1)\n"+
		"m.json:5:1: ns#Nope: apply targets a shape that is not defined", err.Error())

	b = NewBuilder()
	b.Add(structure("ns#S", 1))
	tags := MustShapeID("ns#tags")
	b.Apply(MustShapeID("ns#S"), &Trait{ID: tags, Value: []any{"a"}})
	b.Apply(MustShapeID("ns#S"), &Trait{ID: tags, Value: []any{"b"}})
	m, err := b.Build()
	require.NoError(t, err)
	tr, ok := m.Shape(MustShapeID("ns#S")).Traits.Get(tags)
	require.True(t, ok)
	assert.Equal(t, []any{"a", "b"}, tr.Value, "list traits applied twice are concatenated")
}

func TestSetAndEnumNormalized(t *testing.T) {
	b := NewBuilder()
	b.Add(&Shape{ID: MustShapeID("ns#S"), Type: Set, Members: []*Member{{ID: MustShapeID("ns#S$member"), Target: Prelude("String")}}})
	b.Add(&Shape{ID: MustShapeID("ns#E"), Type: Enum, Members: []*Member{{ID: MustShapeID("ns#E$A")}}})
	m, err := b.Build()
	require.NoError(t, err)
	s := m.Shape(MustShapeID("ns#S"))
	assert.Equal(t, List, s.Type)
	assert.True(t, s.Traits.UniqueItems())
	v, ok := m.Shape(MustShapeID("ns#E")).Members[0].Traits.EnumValue()
	assert.True(t, ok)
	assert.Equal(t, "A", v)
}

func TestMetadataMerge(t *testing.T) {
	b := NewBuilder()
	b.SetMetadata("list", []any{"a"}, pos(1))
	b.SetMetadata("list", []any{"b"}, pos(2))
	b.SetMetadata("k", "x", pos(3))
	b.SetMetadata("k", "x", pos(4))
	m, err := b.Build()
	require.NoError(t, err)
	assert.Equal(t, []any{"a", "b"}, m.Metadata["list"])

	b = NewBuilder()
	b.SetMetadata("k", "x", pos(3))
	b.SetMetadata("k", "y", pos(4))
	_, err = b.Build()
	assert.EqualError(t, err, `m.json:4:1: metadata key "k" conflicts with the value set at m.json:3:1`)
}

func TestErrorListCap(t *testing.T) {
	var l ErrorList
	for i := range 25 {
		l = append(l, Errorf(pos(25-i), ShapeID{}, "e%d", i))
	}
	err := l.Err()
	require.Error(t, err)
	lines := splitLines(err.Error())
	assert.Len(t, lines, MaxErrorsShown+1)
	assert.Equal(t, "m.json:1:1: e24", lines[0], "sorted by position")
	assert.Equal(t, "... and 5 more errors", lines[MaxErrorsShown])
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := range len(s) {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
