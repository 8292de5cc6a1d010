package model_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/internal/sharedtest"
	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/idl"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file is an external test package so that the corpus test can load
// models through model/idl, which imports model.

func at(line int) model.Pos { return model.Pos{File: "m.smithy", Line: line, Col: 1} }

// trait is a trait application at line; a nil value is an annotation trait ({}).
func trait(id string, line int, value any) *model.Trait {
	if value == nil {
		value = map[string]any{}
	}
	return &model.Trait{ID: model.MustShapeID(id), Value: value, Pos: at(line)}
}

func newShape(id string, typ model.ShapeType, line int, traits ...*model.Trait) *model.Shape {
	s := &model.Shape{ID: model.MustShapeID(id), Type: typ, Pos: at(line)}
	for _, tr := range traits {
		s.Traits.Set(tr)
	}
	return s
}

func addMember(s *model.Shape, name, target string, line int, traits ...*model.Trait) *model.Shape {
	m := &model.Member{ID: s.ID.WithMember(name), Target: model.MustShapeID(target), Pos: at(line)}
	for _, tr := range traits {
		m.Traits.Set(tr)
	}
	s.Members = append(s.Members, m)
	return s
}

// selectModel is a small model of every kind of shape a selector tells apart.
func selectModel(t *testing.T) *model.Model {
	t.Helper()
	b := model.NewBuilder()
	b.Add(newShape("ns#Str", model.String, 1))
	b.Add(newShape("ns#Int", model.Integer, 2))
	b.Add(newShape("ns#Doc", model.Document, 3))
	b.Add(addMember(newShape("ns#E", model.Enum, 4), "A", "smithy.api#Unit", 5))
	b.Add(addMember(newShape("ns#IE", model.IntEnum, 6), "X", "smithy.api#Unit", 7,
		trait("smithy.api#enumValue", 7, json.Number("1"))))
	b.Add(addMember(newShape("ns#L", model.List, 8), "member", "ns#Str", 9))
	b.Add(addMember(addMember(newShape("ns#M", model.Map, 10, trait("smithy.api#sparse", 10, nil)),
		"key", "ns#Str", 11), "value", "ns#Int", 12))
	b.Add(addMember(addMember(newShape("ns#S", model.Structure, 13),
		"a", "ns#Str", 14, trait("smithy.api#required", 14, nil)), "b", "ns#L", 15))
	b.Add(addMember(addMember(newShape("ns#U", model.Union, 16), "s", "ns#Str", 17), "d", "ns#Doc", 18))
	b.Add(addMember(newShape("ns#In", model.Structure, 19, trait("smithy.api#input", 19, nil)), "name", "ns#Str", 20))
	b.Add(newShape("ns#Out", model.Structure, 21, trait("smithy.api#output", 21, nil)))
	op := newShape("ns#Op", model.Operation, 22)
	op.Input, op.Output = model.MustShapeID("ns#In"), model.MustShapeID("ns#Out")
	b.Add(op)
	svc := newShape("ns#Svc", model.Service, 23, trait("other.ns#marker", 23, nil))
	svc.Version, svc.Operations = "1", []model.ShapeID{model.MustShapeID("ns#Op")}
	b.Add(svc)
	m, err := b.Build()
	require.NoError(t, err)
	return m
}

func TestSelectorSelect(t *testing.T) {
	m := selectModel(t)
	for _, tc := range []struct {
		sel  string
		want string // IDs in namespace ns, space-separated and sorted
	}{
		{"string", "ns#E ns#Str"},
		{"string :not(enum)", "ns#Str"},
		{"integer", "ns#IE ns#Int"},
		{"number", "ns#IE ns#Int"},
		{"intEnum", "ns#IE"},
		{"simpleType", "ns#Doc ns#E ns#IE ns#Int ns#Str"},
		{"collection", "ns#L"},
		{":is(list, map)", "ns#L ns#M"},
		{"operation", "ns#Op"},
		{"service", "ns#Svc"},
		{"member", "ns#E$A ns#IE$X ns#In$name ns#L$member ns#M$key ns#M$value ns#S$a ns#S$b ns#U$d ns#U$s"},
		{":is(structure, union) > member", "ns#In$name ns#S$a ns#S$b ns#U$d ns#U$s"},
		{":is(enum, intEnum) > member", "ns#E$A ns#IE$X"},
		{"member :test(> string)", "ns#In$name ns#L$member ns#M$key ns#S$a ns#U$s"},
		{"structure > :test(member > string)", "ns#In$name ns#S$a"},
		{":test(string, member > string)", "ns#E ns#In$name ns#L$member ns#M$key ns#S$a ns#Str ns#U$s"},
		{"[trait|required]", "ns#S$a"},
		{"[trait|smithy.api#required]", "ns#S$a"},
		{"service[trait|other.ns#marker]", "ns#Svc"},
		{"structure > member[trait|required] > string", "ns#Str"},
		{":not(:is(member, service, resource, operation)) [id|name ^= 'S']", "ns#S ns#Str"},
		{"[id|name = S, U]", "ns#S ns#S$a ns#S$b ns#U ns#U$d ns#U$s"}, // a member's name is its container's
		{"[id|name = 's' i] :not(member)", "ns#S"},
		{"[id|member = value]", "ns#M$value"},
		{"[id|member]:not(member)", ""},
		{"[id = ns#Op]", "ns#Op"},
		{"[id|name $= 'ut']", "ns#Out"},
		{"[id|name *= 'n']", "ns#In ns#In$name ns#Int"},
		{"list [id|name != L]", ""},
		{"map :not([trait|sparse])", ""},
		{"operation -[input]-> structure > member", "ns#In$name"},
		{"operation -[input, output]-> structure", "ns#In ns#Out"},
		{"operation -[output]->", "ns#Out"},
		{"structure <-[input]-", "ns#Op"},
		{"operation < service", "ns#Svc"},
		{"member < :is(list, map)", "ns#L ns#M"},
		{"operation :not(< service)", ""},
		{"service ~> member", "ns#In$name"},
		{"service ~> string", "ns#Str"},
		{"list :not(> member ~> :is(float, double, document))", "ns#L"},
		{"union :not(> member ~> :is(float, double, document))", ""},
		{"[id=ns#Doc] <~ service", ""},
		{"[id=ns#Str] <~ service", "ns#Svc"},
		{"document <~ *", "ns#U ns#U$d"},
		{":is(operation -[input]-> structure > member, [trait|output])", "ns#In$name ns#Out"},
		{"structure :not([trait|input]) > member :test(> string)", "ns#S$a"},
		{"// a comment\n  list\n  > member // another\n", "ns#L$member"},
		{":each(map)", "ns#M"},
	} {
		sel, err := model.ParseSelector(tc.sel)
		require.NoError(t, err, tc.sel)
		var got []string
		for _, id := range sel.Select(m) {
			if id.Namespace == "ns" {
				got = append(got, id.String())
			}
		}
		assert.Equal(t, tc.want, strings.Join(got, " "), tc.sel)
	}

	sel, err := model.ParseSelector("[id=smithy.api#Unit]")
	require.NoError(t, err)
	assert.Equal(t, []model.ShapeID{model.UnitID}, sel.Select(m))
	sel, err = model.ParseSelector(" :is( structure,\n\tunion )  >  member ")
	require.NoError(t, err)
	assert.Equal(t, ":is( structure, union ) > member", sel.String(), "whitespace collapsed")
}

func TestParseSelectorErrors(t *testing.T) {
	for _, tc := range []struct{ sel, err string }{
		{"", `selector "": offset 0: empty selector`},
		{"   ", `selector "": offset 3: empty selector`},
		{"dataType", `selector "dataType": offset 8: shape type "dataType" is not supported`},
		{"set", `selector "set": offset 3: shape type "set" is not supported`},
		{":in(string)", `selector ":in(string)": offset 4: :in is not supported`},
		{":is(string", `selector ":is(string": offset 10: want , or ) in :is`},
		{":is(string,)", `selector ":is(string,)": offset 11: empty selector`},
		{":test", `selector ":test": offset 5: want ( after :test`},
		{"[trait|range|min]", `selector "[trait|range|min]": offset 17: a trait value or path ([trait|range|min]) is not supported`},
		{"[trait|error = client]", `selector "[trait|error = client]": offset 14: a trait value or path ([trait|error]) is not supported`},
		{"[service|version]", `selector "[service|version]": offset 17: the attribute [service|version] is not supported`},
		{"[id|name >= a]", `selector "[id|name >= a]": offset 9: the attribute comparator > is not supported`},
		{"[id|name ?= true]", `selector "[id|name ?= true]": offset 9: the attribute comparator ?= is not supported`},
		{"[id|name", `selector "[id|name": offset 8: want ] after [id|name`},
		{"[trait|a$b]", `selector "[trait|a$b]": offset 8: unexpected '$'`},
		{"[trait|(x)]", `selector "[trait|(x)]": offset 7: a scoped attribute path is not supported`},
		{"[@trait|x: @{x} = 1]", `selector "[@trait|x: @{x} = 1]": offset 1: a scoped attribute selector is not supported`},
		{"[id = 'x]", `selector "[id = 'x]": offset 6: unterminated string`},
		{"[id = x", `selector "[id = x": offset 7: want ] after [id`},
		{"[trait|a#]", `selector "[trait|a#]": offset 10: [trait|a#]: invalid shape ID "a#"`},
		{"$x(string) ${x}", `selector "$x(string) ${x}": offset 0: a variable is not supported`},
		{"operation -[bound]->", `selector "operation -[bound]->": offset 17: relationship "bound" is not supported`},
		{"service -[operation]->", `selector "service -[operation]->": offset 19: relationship "operation" is not supported`},
		{"operation -[input]", `selector "operation -[input]": offset 17: want , or ]->`},
		{"string)", `selector "string)": offset 6: unexpected ')'`},
		{"string, list", `selector "string, list": offset 6: unexpected ','`},
		{"string ! list", `selector "string ! list": offset 7: unexpected '!'`},
	} {
		_, err := model.ParseSelector(tc.sel)
		assert.EqualError(t, err, tc.err, tc.sel)
	}
}

// traitDef is a trait definition shape: a structure with @trait(value).
func traitDef(id string, line int, value map[string]any) *model.Shape {
	return newShape(id, model.Structure, line, trait("smithy.api#trait", line, value))
}

func TestCheckTraitSelectors(t *testing.T) {
	b := model.NewBuilder()
	for i, def := range []struct {
		name     string
		selector string
	}{
		{"onString", "string"},
		{"onMember", ":is(structure, union) > member"},
		{"notMember", ":not(member)"},
		{"needsRequired", "[trait|required]"},
		{"onStringMember", "member :test(> string)"},
		{"anywhere", "*"},
		{"unsupported", "$x(string) ${x}"},
		{"unsupportedType", "dataType"},
	} {
		b.Add(traitDef("ns#"+def.name, 100+i, map[string]any{"selector": def.selector}))
	}
	b.Add(traitDef("ns#noSelector", 110, nil))
	// A prelude trait is checked by the placement table in validate.go, not by its selector.
	b.Add(traitDef("smithy.api#since", 111, map[string]any{"selector": "operation"}))

	b.Add(newShape("ns#Str", model.String, 1, trait("ns#onString", 1, nil), trait("ns#notMember", 1, nil),
		trait("smithy.api#since", 1, "1.0")))
	b.Add(addMember(newShape("ns#E", model.Enum, 2, trait("ns#onString", 2, nil)), "A", "smithy.api#Unit", 3))
	b.Add(newShape("ns#Int", model.Integer, 4, trait("ns#onString", 4, nil)))
	b.Add(addMember(newShape("ns#L", model.List, 5), "member", "ns#Str", 6, trait("ns#onMember", 6, nil)))
	b.Add(addMember(addMember(newShape("ns#S", model.Structure, 7, trait("ns#notMember", 7, nil), trait("ns#anywhere", 7, nil)),
		"a", "ns#Str", 8, trait("smithy.api#required", 8, nil), trait("ns#onMember", 8, nil),
		trait("ns#needsRequired", 8, nil), trait("ns#onStringMember", 8, nil), trait("ns#anywhere", 8, nil),
		trait("ns#unsupported", 8, nil), trait("ns#unsupportedType", 8, nil), trait("ns#noSelector", 8, nil)),
		"b", "ns#L", 9, trait("ns#notMember", 9, nil), trait("ns#needsRequired", 9, nil),
		trait("ns#onStringMember", 9, nil)))
	// A trait without a position is reported at its member.
	b.Add(addMember(newShape("ns#U", model.Union, 10), "s", "ns#Str", 11,
		&model.Trait{ID: model.MustShapeID("ns#onString"), Value: map[string]any{}}))
	_, err := b.Build()
	require.Error(t, err)
	assert.Equal(t, strings.Join([]string{
		"m.smithy:4:1: ns#Int: trait ns#onString cannot be applied here: it may only be applied to shapes matching string",
		"m.smithy:6:1: ns#L$member: trait ns#onMember cannot be applied here: it may only be applied to shapes matching :is(structure, union) > member",
		"m.smithy:9:1: ns#S$b: trait ns#needsRequired cannot be applied here: it may only be applied to shapes matching [trait|required]",
		"m.smithy:9:1: ns#S$b: trait ns#notMember cannot be applied here: it may only be applied to shapes matching :not(member)",
		"m.smithy:9:1: ns#S$b: trait ns#onStringMember cannot be applied here: it may only be applied to shapes matching member :test(> string)",
		"m.smithy:11:1: ns#U$s: trait ns#onString cannot be applied here: it may only be applied to shapes matching string",
	}, "\n"), err.Error())
}

func TestCheckTraitConflicts(t *testing.T) {
	b := model.NewBuilder()
	b.Add(traitDef("ns#a", 100, map[string]any{"conflicts": []any{"ns#b", "other.ns#x", "ns#S$ok"}}))
	b.Add(traitDef("ns#b", 101, map[string]any{"conflicts": []any{"a"}})) // relative: in the definition's namespace
	b.Add(traitDef("ns#c", 102, map[string]any{"conflicts": []any{"required"}}))
	b.Add(traitDef("ns#d", 103, nil))
	b.Add(newShape("ns#OnlyA", model.String, 1, trait("ns#a", 1, nil), trait("ns#d", 1, nil)))
	b.Add(newShape("ns#Both", model.String, 2, trait("ns#a", 2, nil), trait("ns#b", 3, nil)))
	b.Add(addMember(addMember(newShape("ns#S", model.Structure, 4),
		"ok", "ns#OnlyA", 5, trait("ns#c", 5, nil)),
		"bad", "ns#OnlyA", 6, trait("ns#c", 6, nil), trait("smithy.api#required", 6, nil)))
	_, err := b.Build()
	require.Error(t, err)
	assert.Equal(t, strings.Join([]string{
		"m.smithy:2:1: ns#Both: trait ns#a conflicts with trait ns#b: a shape cannot have both",
		"m.smithy:6:1: ns#S$bad: trait ns#c conflicts with trait smithy.api#required: a shape cannot have both",
	}, "\n"), err.Error(), "ns#a and ns#b conflict both ways: reported once")
}

// loadCorpus loads the prelude and trait-definition models and the protocol
// tests from ../shared, plus extra files, named by their path under
// shared/smithy.
func loadCorpus(t *testing.T, extra map[string]string) (*model.Model, error) {
	t.Helper()
	root := sharedtest.Dir(t, "smithy")
	sharedtest.Dir(t, "smithy", "prelude")
	sharedtest.Dir(t, "smithy", "protocol-tests")
	b := model.NewBuilder()
	l := idl.NewLoader(b)
	n := 0
	for _, dir := range []string{"prelude", "protocol-tests"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".smithy") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			l.Load(filepath.ToSlash(rel), data)
			n++
			return nil
		})
		require.NoError(t, err)
	}
	require.Greater(t, n, 60)
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range extra {
			if !yield(k) {
				return
			}
		}
	}) {
		l.Load(name, []byte(extra[name]))
	}
	l.Finish()
	return b.Build()
}

// TestTraitDefinitionsCorpus builds the prelude and protocol-test models with
// the trait definition check on, then uses the prelude's own selectors as an
// oracle for the selector engine: every application of every trait whose
// selector parses, prelude traits included, must be matched by it.
func TestTraitDefinitionsCorpus(t *testing.T) {
	m, err := loadCorpus(t, nil)
	require.NoError(t, err)

	var unsupported []string
	checked := 0
	for _, def := range m.Shapes() {
		tr, ok := def.Traits.Get(model.TraitTrait)
		if !ok {
			continue
		}
		o, _ := tr.Value.(map[string]any)
		text, ok := o["selector"].(string)
		if !ok {
			continue
		}
		sel, err := model.ParseSelector(text)
		if err != nil {
			unsupported = append(unsupported, def.ID.String())
			continue
		}
		matched := map[model.ShapeID]bool{}
		for _, id := range sel.Select(m) {
			matched[id] = true
		}
		for _, s := range m.Shapes() {
			if s.Traits.Has(def.ID) {
				checked++
				assert.True(t, matched[s.ID], "%s on %s: not matched by %s", def.ID, s.ID, sel)
			}
			for _, mem := range s.Members {
				if mem.Traits.Has(def.ID) {
					checked++
					assert.True(t, matched[mem.ID], "%s on %s: not matched by %s", def.ID, mem.ID, sel)
				}
			}
		}
	}
	assert.Equal(t, []string{"smithy.api#metadata"}, unsupported, "its selector uses the shape type dataType")
	assert.Greater(t, checked, 1000, "trait applications checked against their selector")
}

func TestTraitDefinitionsCorpusErrors(t *testing.T) {
	_, err := loadCorpus(t, map[string]string{"extra.smithy": `$version: "2"
namespace smithygen.selectortest

@aws.api#service(sdkId: "X")
structure NotAService {}

@aws.api#controlPlane
@aws.api#dataPlane
operation Both {}

@smithy.test#eventStreamTests([])
operation NoStream {}
`})
	require.Error(t, err)
	assert.Equal(t, strings.Join([]string{
		"extra.smithy:4:1: smithygen.selectortest#NotAService: trait aws.api#service cannot be applied here: it may only be applied to shapes matching service",
		"extra.smithy:7:1: smithygen.selectortest#Both: trait aws.api#controlPlane conflicts with trait aws.api#dataPlane: a shape cannot have both",
		"extra.smithy:11:1: smithygen.selectortest#NoStream: trait smithy.test#eventStreamTests cannot be applied here: it may only be applied to shapes matching operation :test(-[input, output]-> structure > member > union[trait|streaming])",
	}, "\n"), err.Error())
}

// FuzzParseSelector checks that no selector text makes ParseSelector or
// Select panic.
func FuzzParseSelector(f *testing.F) {
	for _, s := range []string{"string", ":is(structure, union) > member", "[id|name = 'x' i]", "operation -[input, output]-> structure",
		"structure <-[input]-", "service ~> member :test(> string)", ":not([trait|smithy.api#required])", "// c\nlist <~ *"} {
		f.Add(s)
	}
	var m *model.Model
	f.Fuzz(func(t *testing.T, text string) {
		if m == nil {
			m = selectModel(t)
		}
		sel, err := model.ParseSelector(text)
		if err != nil {
			return
		}
		sel.Select(m)
		_ = sel.String()
	})
}
