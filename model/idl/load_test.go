package idl

import (
	"encoding/json"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestControlStatements(t *testing.T) {
	for _, v := range []string{`"2"`, `"2.0"`, `"2.1"`, `"1"`, `"1.0"`} {
		m := mustBuild(t, "$version: "+v+"\nnamespace ex\nstring S\n")
		assert.Equal(t, model.String, shape(t, m, "ex#S").Type, v)
	}
	// Unknown control statements are ignored; keys may be quoted.
	m := mustBuild(t, "$\"version\": \"2\"\n$unknown: {a: [1]}\nnamespace ex\nstring S\n")
	assert.NotNil(t, m.Shape(model.MustShapeID("ex#S")))
	// A file without shapes is fine.
	_ = mustBuild(t, "$version: \"2\"\n")
	_ = mustBuild(t, "")
}

func TestMetadata(t *testing.T) {
	m := mustBuild(t, `$version: "2"
metadata greeting = "hello"
metadata "stringList" = ["a", "b", "c"]
metadata shapeIds = [required, String, NotInPrelude, smithy.api#Integer]
metadata obj = {
    hello: 123,
    "foo": "456",
    testing: """
        Hello!
        """,
    an_array: [10.5],
    nested: { deeper: true, none: null }, // trailing comma
}
namespace ex
string String
`)
	assert.Equal(t, "hello", m.Metadata["greeting"])
	assert.Equal(t, []any{"a", "b", "c"}, m.Metadata["stringList"])
	// Metadata is outside the namespace: unquoted values resolve against the prelude
	// only, and stay as written when they name no shape.
	assert.Equal(t, []any{"smithy.api#required", "smithy.api#String", "NotInPrelude", "smithy.api#Integer"}, m.Metadata["shapeIds"])
	assert.Equal(t, map[string]any{
		"hello": json.Number("123"), "foo": "456", "testing": "Hello!\n", "an_array": []any{json.Number("10.5")},
		"nested": map[string]any{"deeper": true, "none": nil},
	}, m.Metadata["obj"])
}

func TestMetadataMergesAcrossFiles(t *testing.T) {
	m, err := build(map[string]string{
		"a.smithy": "metadata suppressions = [{id: \"A\"}]\nmetadata same = 1\n",
		"b.smithy": "metadata suppressions = [{id: \"B\"}]\nmetadata same = 1\n",
	})
	require.NoError(t, err)
	assert.Equal(t, []any{map[string]any{"id": "A"}, map[string]any{"id": "B"}}, m.Metadata["suppressions"])
	assert.Equal(t, json.Number("1"), m.Metadata["same"])
}

func TestSimpleShapes(t *testing.T) {
	m := mustBuild(t, `namespace ex
blob A
boolean B
document C
string D
byte E
short F
integer G
long H
float I
double J
bigInteger K
bigDecimal L
timestamp M
`)
	want := map[string]model.ShapeType{"A": model.Blob, "B": model.Boolean, "C": model.Document, "D": model.String,
		"E": model.Byte, "F": model.Short, "G": model.Integer, "H": model.Long, "I": model.Float, "J": model.Double,
		"K": model.BigInteger, "L": model.BigDecimal, "M": model.Timestamp}
	for name, typ := range want {
		s := shape(t, m, "ex#"+name)
		assert.Equal(t, typ, s.Type, name)
		assert.Empty(t, s.Members)
	}
}

func TestEnums(t *testing.T) {
	m := mustBuild(t, `$version: "2"
namespace ex

enum Suit {
    @deprecated
    DIAMOND = "diamond"

    CLUB = "club"
    /// Hearts.
    HEART
    SPADE
}

intEnum Level {
    LOW = 1,
    HIGH = 2 // a value assignment ends the line
}

enum OneLine { A, B, C }
`)
	s := shape(t, m, "ex#Suit")
	assert.Equal(t, model.Enum, s.Type)
	var names []string
	for _, mem := range s.Members {
		names = append(names, mem.ID.Member)
		assert.Equal(t, model.UnitID, mem.Target)
	}
	assert.Equal(t, []string{"DIAMOND", "CLUB", "HEART", "SPADE"}, names)
	assert.Equal(t, "diamond", trait(t, &member(t, m, "ex#Suit$DIAMOND").Traits, "smithy.api#enumValue"))
	assert.Equal(t, map[string]any{}, trait(t, &member(t, m, "ex#Suit$DIAMOND").Traits, "smithy.api#deprecated"))
	heart := member(t, m, "ex#Suit$HEART")
	assert.Equal(t, "Hearts.", heart.Traits.Documentation())
	assert.Equal(t, "HEART", trait(t, &heart.Traits, "smithy.api#enumValue"), "the Builder gives value-less members their name")

	level := shape(t, m, "ex#Level")
	assert.Equal(t, model.IntEnum, level.Type)
	v, ok := member(t, m, "ex#Level$HIGH").Traits.EnumValue()
	require.True(t, ok)
	assert.Equal(t, int64(2), v)
	assert.Len(t, shape(t, m, "ex#OneLine").Members, 3)
}

func TestAggregates(t *testing.T) {
	m := mustBuild(t, `$version: "2"
namespace ex

@length(min: 3, max: 10)
list MyList {
    @length(min: 1, max: 100)
    member: String
}

map IntegerMap {
    key: String,
    value: Integer
}

structure MyStructure {
    /// Docs for foo.
    @required
    foo: String

    baz: smithy.api#Integer = 0
    normative: Boolean = true
    list: MyList = []
    nothing: Document = null
}

union MyUnion {
    i32: Integer
    @length(min: 1, max: 100)
    string: String
    time: Timestamp
}

set MySet {
    member: String
}
structure Empty {}
structure OneLine { a: String, b: Integer }
`)
	l := shape(t, m, "ex#MyList")
	assert.Equal(t, model.List, l.Type)
	assert.Equal(t, map[string]any{"min": json.Number("3"), "max": json.Number("10")}, trait(t, &l.Traits, "smithy.api#length"))
	mem := member(t, m, "ex#MyList$member")
	assert.Equal(t, model.Prelude("String"), mem.Target)
	assert.Equal(t, map[string]any{"min": json.Number("1"), "max": json.Number("100")}, trait(t, &mem.Traits, "smithy.api#length"))

	mp := shape(t, m, "ex#IntegerMap")
	assert.Equal(t, model.Map, mp.Type)
	assert.Equal(t, model.Prelude("Integer"), mp.Member("value").Target)

	st := shape(t, m, "ex#MyStructure")
	var names []string
	for _, x := range st.Members {
		names = append(names, x.ID.Member)
	}
	assert.Equal(t, []string{"foo", "baz", "normative", "list", "nothing"}, names, "members keep model order")
	foo := st.Member("foo")
	assert.True(t, foo.Traits.Required())
	assert.Equal(t, "Docs for foo.", foo.Traits.Documentation())
	assert.Equal(t, model.Prelude("Integer"), st.Member("baz").Target)
	for name, want := range map[string]any{"baz": json.Number("0"), "normative": true, "list": []any{}, "nothing": nil} {
		d, ok := st.Member(name).Traits.Default()
		assert.True(t, ok, name)
		assert.Equal(t, want, d, name)
	}

	u := shape(t, m, "ex#MyUnion")
	assert.Equal(t, model.Union, u.Type)
	assert.Len(t, u.Members, 3)

	set := shape(t, m, "ex#MySet")
	assert.Equal(t, model.List, set.Type, "a set is a list")
	assert.True(t, set.Traits.UniqueItems())
	assert.Empty(t, shape(t, m, "ex#Empty").Members)
	assert.Len(t, shape(t, m, "ex#OneLine").Members, 2)
}

func TestOperations(t *testing.T) {
	m := mustBuild(t, `$version: "2"
namespace ex

operation PingService {
    input: PingServiceInput,
    output: PingServiceOutput,
    errors: [UnavailableError, BadRequestError]
}
@input structure PingServiceInput {}
@output structure PingServiceOutput {}
@error("server") structure UnavailableError {}
@error("client") structure BadRequestError {}

operation Empty {}

@mixin
structure BaseUser {
    userId: String
}

operation GetUser {
    // The generated shape name is GetUserInput.
    input := {
        userId: String
    }
    output := @sensitive with [BaseUser] {
        username: String
    }
}

operation PutUser {
    input :=
        /// Inline docs.
        @references([{resource: User}])
        for User
        with [BaseUser] {}
}

resource User {
    identifiers: { userId: String }
}
`)
	op := shape(t, m, "ex#PingService")
	assert.Equal(t, model.MustShapeID("ex#PingServiceInput"), op.Input)
	assert.Equal(t, model.MustShapeID("ex#PingServiceOutput"), op.Output)
	assert.Equal(t, []model.ShapeID{model.MustShapeID("ex#UnavailableError"), model.MustShapeID("ex#BadRequestError")}, op.Errors)
	assert.True(t, shape(t, m, "ex#Empty").Input.IsZero())

	get := shape(t, m, "ex#GetUser")
	assert.Equal(t, model.MustShapeID("ex#GetUserInput"), get.Input)
	assert.Equal(t, model.MustShapeID("ex#GetUserOutput"), get.Output)
	in := shape(t, m, "ex#GetUserInput")
	assert.Equal(t, model.Structure, in.Type)
	assert.True(t, in.Traits.Input())
	assert.Equal(t, model.Prelude("String"), in.Member("userId").Target)
	out := shape(t, m, "ex#GetUserOutput")
	assert.True(t, out.Traits.Output())
	assert.True(t, out.Traits.Sensitive())
	assert.Equal(t, []model.ShapeID{model.MustShapeID("ex#BaseUser")}, out.Mixins)
	assert.NotNil(t, out.Member("userId"), "member from the mixin")
	assert.NotNil(t, out.Member("username"))

	put := shape(t, m, "ex#PutUserInput")
	assert.Equal(t, "Inline docs.", put.Traits.Documentation())
	assert.Equal(t, []any{map[string]any{"resource": "ex#User"}}, trait(t, &put.Traits, "smithy.api#references"))
}

func TestInlineIOSuffixes(t *testing.T) {
	files := map[string]string{
		"a.smithy": `$version: "2"
$operationInputSuffix: "Request"
$operationOutputSuffix: "Response"
namespace ex
operation GetUser {
    input := { userId: String }
    output := { username: String }
}
`,
		// The suffixes are per file.
		"b.smithy": "$version: \"2\"\nnamespace ex\noperation PutUser {\n    input := {}\n}\n",
	}
	m, err := build(files)
	require.NoError(t, err)
	op := shape(t, m, "ex#GetUser")
	assert.Equal(t, model.MustShapeID("ex#GetUserRequest"), op.Input)
	assert.Equal(t, model.MustShapeID("ex#GetUserResponse"), op.Output)
	assert.True(t, shape(t, m, "ex#GetUserRequest").Traits.Input())
	assert.True(t, shape(t, m, "ex#GetUserResponse").Traits.Output())
	assert.Equal(t, model.MustShapeID("ex#PutUserInput"), shape(t, m, "ex#PutUser").Input)
}

func TestServiceAndResource(t *testing.T) {
	m := mustBuild(t, `$version: "2"
namespace ex

service ModelRepository {
    version: "2020-07-13",
    resources: [Model],
    operations: [PingService]
    errors: [ServiceError]
    rename: { "ex#ServiceError": "Failure" }
}

resource Model {
    identifiers: { modelId: String, "version": Integer }
    properties: { name: String }
    create: CreateModel
    put: PutModel
    read: GetModel
    update: UpdateModel
    delete: DeleteModel
    list: ListModels
    operations: [PingService]
    collectionOperations: [BatchModels]
    resources: [Child]
}
resource Child {}

operation PingService {}
operation CreateModel {}
operation PutModel {}
operation GetModel {}
operation UpdateModel {}
operation DeleteModel {}
operation ListModels {}
operation BatchModels {}
@error("server") structure ServiceError {}
`)
	svc := shape(t, m, "ex#ModelRepository")
	assert.Equal(t, model.Service, svc.Type)
	assert.Equal(t, "2020-07-13", svc.Version)
	assert.Equal(t, []model.ShapeID{model.MustShapeID("ex#Model")}, svc.Resources)
	assert.Equal(t, []model.ShapeID{model.MustShapeID("ex#PingService")}, svc.Operations)
	assert.Equal(t, []model.ShapeID{model.MustShapeID("ex#ServiceError")}, svc.Errors)
	assert.Equal(t, map[model.ShapeID]string{model.MustShapeID("ex#ServiceError"): "Failure"}, svc.Rename)

	r := shape(t, m, "ex#Model")
	assert.Equal(t, []model.NamedTarget{{Name: "modelId", Target: model.Prelude("String")}, {Name: "version", Target: model.Prelude("Integer")}}, r.Identifiers)
	assert.Equal(t, []model.NamedTarget{{Name: "name", Target: model.Prelude("String")}}, r.Properties)
	id := func(name string) model.ShapeID { return model.MustShapeID("ex#" + name) }
	assert.Equal(t, []model.ShapeID{id("CreateModel"), id("PutModel"), id("GetModel"), id("UpdateModel"), id("DeleteModel"), id("ListModels")},
		[]model.ShapeID{r.Create, r.Put, r.Read, r.Update, r.Delete, r.List})
	assert.Equal(t, []model.ShapeID{id("PingService")}, r.Operations)
	assert.Equal(t, []model.ShapeID{id("BatchModels")}, r.CollectionOperations)
	assert.Equal(t, []model.ShapeID{id("Child")}, r.Resources)
}

func TestMixinsAndTargetElision(t *testing.T) {
	m := mustBuild(t, `$version: "2"
namespace ex

@mixin
structure IdBearer {
    id: String
}

@mixin
structure Named with [IdBearer] {
    name: String
}

structure IdRequired with [Named] {
    @required
    $id
    $name
    extra: Integer
}

resource User {
    identifiers: { name: String, uuid: String }
    properties: { age: Short }
}

structure UserSummary for User {
    $name
    $age
}

@mixin
@sensitive
string SensitiveString

@pattern("^[a-zA-Z\\.]*$")
string SensitiveText with [SensitiveString]

@mixin
list Strings { member: String }
list MoreStrings with [Strings] {
    @length(min: 1)
    $member
}
`)
	s := shape(t, m, "ex#IdRequired")
	id := s.Member("id")
	require.NotNil(t, id)
	assert.Equal(t, model.Prelude("String"), id.Target)
	assert.True(t, id.Traits.Required())
	assert.Equal(t, model.Prelude("String"), s.Member("name").Target, "elided through a mixin of a mixin")

	sum := shape(t, m, "ex#UserSummary")
	assert.Len(t, sum.Members, 2, "only the identifiers named are added")
	assert.Equal(t, model.Prelude("String"), sum.Member("name").Target)
	assert.Equal(t, model.Prelude("Short"), sum.Member("age").Target, "properties count too")

	text := shape(t, m, "ex#SensitiveText")
	assert.True(t, text.Traits.Sensitive(), "traits are inherited from the mixin")
	p, _ := text.Traits.Pattern()
	assert.Equal(t, `^[a-zA-Z\.]*$`, p)

	mem := member(t, m, "ex#MoreStrings$member")
	assert.Equal(t, model.Prelude("String"), mem.Target)
	assert.NotNil(t, mem.Traits.Length())
}

func TestElisionAcrossFiles(t *testing.T) {
	m, err := build(map[string]string{
		"a.smithy": "$version: \"2\"\nnamespace ex\nstructure S with [M] {\n    $id\n}\n",
		"b.smithy": "$version: \"2\"\nnamespace ex\n@mixin\nstructure M {\n    id: Integer\n}\n",
	})
	require.NoError(t, err)
	assert.Equal(t, model.Prelude("Integer"), member(t, m, "ex#S$id").Target)
}

func TestApply(t *testing.T) {
	m := mustBuild(t, `$version: "2"
namespace ex

apply MyString @documentation("This is my string!")

apply MyString {
    @length(min: 1, max: 10)
    @tags(["a"])
}
apply MyString @tags(["b"])

string MyString

structure MyStructure with [Mixin] {
    foo: String
}
@mixin
structure Mixin {
    fromMixin: String
}

apply MyStructure$foo @documentation("Structure member documentation")
apply MyStructure$fromMixin @required
apply smithy.api#String @since("1.0")
apply Empty {}
string Empty
`)
	s := shape(t, m, "ex#MyString")
	assert.Equal(t, "This is my string!", s.Traits.Documentation())
	assert.NotNil(t, s.Traits.Length())
	assert.Equal(t, []any{"a", "b"}, trait(t, &s.Traits, "smithy.api#tags"), "list traits concatenate")
	assert.Equal(t, "Structure member documentation", member(t, m, "ex#MyStructure$foo").Traits.Documentation())
	assert.True(t, member(t, m, "ex#MyStructure$fromMixin").Traits.Required(), "apply to a member that comes from a mixin")
	assert.Equal(t, "1.0", trait(t, &shape(t, m, "smithy.api#String").Traits, "smithy.api#since"))
}

func TestTraitValues(t *testing.T) {
	m := mustBuild(t, `$version: "2"
namespace ex

use other#Imported

@trait
structure structTrait { a: String, b: Integer }
@trait
list listTrait { member: String }
@trait
string stringTrait
@trait
map mapTrait { key: String, value: String }

@structTrait
@listTrait
@stringTrait
@mapTrait
@tags()
@sensitive()
string Omitted

@structTrait(a: "x", b: 1)
@listTrait(["a", "b",])
@stringTrait("hi")
@mapTrait({ "k": "v" })
string Given

@structTrait({a: "x", "b": 2})
string StructAsNode

@documentation("""
    Text block.
      Indented.
    """)
@externalDocumentation(
    "Home Page": "https://example.com" // keys may be quoted
    Spec: "https://example.com/spec",
)
@examples([{ title: "t", input: { n: -1.5e3, ok: true, nothing: null, list: [[]], obj: {} } }])
string Values

@stringTrait(String) // the prelude shape
@tags([MyShape, MyShape$member, Imported, Unknown, "MyShape", smithy.api#Float])
string ShapeIDs

structure MyShape { member: String }
`)
	omitted := shape(t, m, "ex#Omitted")
	assert.Equal(t, map[string]any{}, trait(t, &omitted.Traits, "ex#structTrait"))
	assert.Equal(t, []any{}, trait(t, &omitted.Traits, "ex#listTrait"))
	assert.Nil(t, trait(t, &omitted.Traits, "ex#stringTrait"))
	assert.Equal(t, map[string]any{}, trait(t, &omitted.Traits, "ex#mapTrait"))
	assert.Equal(t, []any{}, trait(t, &omitted.Traits, "smithy.api#tags"), "prelude list trait")
	assert.Equal(t, map[string]any{}, trait(t, &omitted.Traits, "smithy.api#sensitive"))

	given := shape(t, m, "ex#Given")
	assert.Equal(t, map[string]any{"a": "x", "b": json.Number("1")}, trait(t, &given.Traits, "ex#structTrait"))
	assert.Equal(t, []any{"a", "b"}, trait(t, &given.Traits, "ex#listTrait"))
	assert.Equal(t, "hi", trait(t, &given.Traits, "ex#stringTrait"))
	assert.Equal(t, map[string]any{"k": "v"}, trait(t, &given.Traits, "ex#mapTrait"))
	assert.Equal(t, map[string]any{"a": "x", "b": json.Number("2")}, trait(t, &shape(t, m, "ex#StructAsNode").Traits, "ex#structTrait"))

	v := shape(t, m, "ex#Values")
	assert.Equal(t, "Text block.\n  Indented.\n", v.Traits.Documentation())
	assert.Equal(t, map[string]any{"Home Page": "https://example.com", "Spec": "https://example.com/spec"},
		trait(t, &v.Traits, "smithy.api#externalDocumentation"))
	assert.Equal(t, []any{map[string]any{"title": "t", "input": map[string]any{
		"n": json.Number("-1.5e3"), "ok": true, "nothing": nil, "list": []any{[]any{}}, "obj": map[string]any{},
	}}}, trait(t, &v.Traits, "smithy.api#examples"))

	ids := shape(t, m, "ex#ShapeIDs")
	assert.Equal(t, "smithy.api#String", trait(t, &ids.Traits, "ex#stringTrait"))
	assert.Equal(t, []any{"ex#MyShape", "ex#MyShape$member", "other#Imported", "Unknown", "MyShape", "smithy.api#Float"},
		trait(t, &ids.Traits, "smithy.api#tags"), "unquoted shape IDs resolve; unknown ones and quoted strings stay as written")
}

func TestDocumentationComments(t *testing.T) {
	m := mustBuild(t, `$version: "2"
namespace ex

/// This is documentation about a shape.
///
/// - This is a list
/// - More of the list.
string MyString

/// This is documentation about a trait shape.
///   More docs here.
@trait
structure myTrait {}

/// A deprecated string.
@deprecated
string Deprecated

@deprecated
/// Not documentation: it comes after a trait.
string Late

// An ordinary comment.
string Plain

/// Documentation about the structure.
structure Example {
    /// Documentation about the member.
    @required
    foo: String, /// not documentation: it follows a token on the same line

    ///No space.
    bar: String
}

/// Documentation comments on an apply statement are ignored.
apply Plain @since("1")
`)
	assert.Equal(t, "This is documentation about a shape.\n\n- This is a list\n- More of the list.", shape(t, m, "ex#MyString").Traits.Documentation())
	assert.Equal(t, "This is documentation about a trait shape.\n  More docs here.", shape(t, m, "ex#myTrait").Traits.Documentation())
	assert.Equal(t, "A deprecated string.", shape(t, m, "ex#Deprecated").Traits.Documentation())
	assert.False(t, shape(t, m, "ex#Late").Traits.Has(model.TraitDocumentation))
	assert.False(t, shape(t, m, "ex#Plain").Traits.Has(model.TraitDocumentation))
	assert.Equal(t, "Documentation about the structure.", shape(t, m, "ex#Example").Traits.Documentation())
	assert.Equal(t, "Documentation about the member.", member(t, m, "ex#Example$foo").Traits.Documentation())
	assert.Equal(t, "No space.", member(t, m, "ex#Example$bar").Traits.Documentation())
}

func TestRelativeShapeIDResolution(t *testing.T) {
	_, err := build(map[string]string{
		"main.smithy": `$version: "2"
namespace smithy.example

use foo.baz#Bar

string MyString

structure MyStructure {
    a: MyString
    b: smithy.example#MyString
    c: Bar
    d: String
    e: MyBoolean
    f: Integer
    g: Shadowed
}

boolean MyBoolean
`,
		// Another file of the same namespace defines Integer, which wins over the prelude.
		"other.smithy": "$version: \"2\"\nnamespace smithy.example\ninteger Integer\n",
		"foo.smithy":   "$version: \"2\"\nnamespace foo.baz\nstring Bar\nstring Shadowed\n",
		// A use statement is local to its file.
		"shadow.smithy": "$version: \"2\"\nnamespace smithy.example\nuse foo.baz#Shadowed\nstructure Uses { s: Shadowed }\n",
	})
	require.Error(t, err, "g: Shadowed resolves to smithy.example#Shadowed, which does not exist")
	assert.Equal(t, `main.smithy:15:5: smithy.example#MyStructure$g: target "smithy.example#Shadowed" not found`, err.Error())

	m, err := build(map[string]string{
		"main.smithy": `$version: "2"
namespace smithy.example
use foo.baz#Bar
string MyString
structure MyStructure {
    a: MyString
    b: smithy.example#MyString
    c: Bar
    d: String
    e: MyBoolean
    f: Integer
}
boolean MyBoolean
`,
		"other.smithy": "$version: \"2\"\nnamespace smithy.example\ninteger Integer\n",
		"foo.smithy":   "$version: \"2\"\nnamespace foo.baz\nstring Bar\n",
	})
	require.NoError(t, err)
	want := map[string]string{"a": "smithy.example#MyString", "b": "smithy.example#MyString", "c": "foo.baz#Bar",
		"d": "smithy.api#String", "e": "smithy.example#MyBoolean", "f": "smithy.example#Integer"}
	for name, target := range want {
		assert.Equal(t, target, member(t, m, "smithy.example#MyStructure$"+name).Target.String(), name)
	}
}

// TestLoadIsPerFile shows what Load (one file at a time) cannot see: a shape
// of another file that shadows a prelude name.
func TestLoadIsPerFile(t *testing.T) {
	b := model.NewBuilder()
	Load(b, "a.smithy", []byte("namespace ex\nstructure S { n: Integer }\n"))
	Load(b, "b.smithy", []byte("namespace ex\ninteger Integer\n"))
	m, err := b.Build()
	require.NoError(t, err)
	assert.Equal(t, model.Prelude("Integer"), member(t, m, "ex#S$n").Target)
	// Shapes loaded before are seen, though.
	b = model.NewBuilder()
	Load(b, "b.smithy", []byte("namespace ex\ninteger Integer\n"))
	Load(b, "c.smithy", []byte("namespace ex\nstructure T { n: Integer }\n"))
	m, err = b.Build()
	require.NoError(t, err)
	assert.Equal(t, model.MustShapeID("ex#Integer"), member(t, m, "ex#T$n").Target)
}

func TestPositions(t *testing.T) {
	m := mustBuild(t, "namespace ex\n\n/// Doc.\n@sensitive\nstructure S {\n    @required\n    a: String\n}\n")
	s := shape(t, m, "ex#S")
	assert.Equal(t, "test.smithy:5:1", s.Pos.String())
	doc, _ := s.Traits.Get(model.TraitDocumentation)
	assert.Equal(t, "test.smithy:3:1", doc.Pos.String())
	sens, _ := s.Traits.Get(model.TraitSensitive)
	assert.Equal(t, "test.smithy:4:1", sens.Pos.String())
	a := s.Member("a")
	assert.Equal(t, "test.smithy:7:5", a.Pos.String())
	req, _ := a.Traits.Get(model.TraitRequired)
	assert.Equal(t, "test.smithy:6:5", req.Pos.String())
}

func TestCommasAndWhitespace(t *testing.T) {
	m := mustBuild(t, "namespace ex,\n,structure S { a: String,,, b: String, },\n@tags([\"a\",,\"b\",]) , string T\n"+
		"operation O { input: S, output: S, errors: [E,], }\n@error(\"client\") structure E {}\n")
	assert.Len(t, shape(t, m, "ex#S").Members, 2)
	assert.Equal(t, []any{"a", "b"}, trait(t, &shape(t, m, "ex#T").Traits, "smithy.api#tags"))
	assert.Len(t, shape(t, m, "ex#O").Errors, 1)
}

func TestV1Upgrade(t *testing.T) {
	m := mustBuild(t, `$version: "1.0"
namespace ex

integer Prim
@box
integer Boxed
boolean Flag

structure S {
    prim: Prim
    @box
    boxedMember: Prim
    boxedTarget: Boxed
    preludeBoxed: Integer
    preludePrimitive: PrimitiveBoolean
    @box
    boxedPrimitive: PrimitiveLong
    flag: Flag
    text: String
    @httpPayload
    payload: Stream
}

@streaming
blob Stream

set Tags {
    member: String
}

union U { prim: Prim }
`)
	d, ok := shape(t, m, "ex#Prim").Traits.Default()
	assert.True(t, ok)
	assert.Equal(t, json.Number("0"), d)
	assert.False(t, shape(t, m, "ex#Boxed").Traits.Has(model.TraitDefault))
	fd, _ := shape(t, m, "ex#Flag").Traits.Default()
	assert.Equal(t, false, fd)

	want := map[string]any{"prim": json.Number("0"), "boxedMember": nil, "preludePrimitive": false, "boxedPrimitive": nil,
		"flag": false, "payload": ""}
	for _, mem := range shape(t, m, "ex#S").Members {
		d, ok := mem.Traits.Default()
		w, wantOK := want[mem.ID.Member]
		assert.Equal(t, wantOK, ok, mem.ID.Member)
		assert.Equal(t, w, d, mem.ID.Member)
	}
	tags := shape(t, m, "ex#Tags")
	assert.Equal(t, model.List, tags.Type)
	assert.True(t, tags.Traits.UniqueItems())
	assert.False(t, member(t, m, "ex#U$prim").Traits.Has(model.TraitDefault), "only structure members get defaults")
}

func TestDuplicateTraitsInOneDefinition(t *testing.T) {
	m := mustBuild(t, "namespace ex\n@tags([\"a\"])\n@tags([\"b\"])\n@sensitive\n@smithy.api#sensitive\nstring S\n")
	s := shape(t, m, "ex#S")
	assert.Equal(t, []any{"a", "b"}, trait(t, &s.Traits, "smithy.api#tags"))
	assert.True(t, s.Traits.Sensitive())
	assert.Equal(t, `test.smithy:3:1: ex#S: conflicting values for trait smithy.api#documentation (also applied at test.smithy:2:1)`,
		buildErr(t, "namespace ex\n/// Doc.\n@documentation(\"Other.\")\nstring S\n"))
}

func TestIdenticalShapesFromTwoFiles(t *testing.T) {
	src := "namespace ex\n/// Doc.\nstructure S { a: String }\n"
	m, err := build(map[string]string{"a.smithy": src, "b.smithy": src})
	require.NoError(t, err)
	assert.Equal(t, "a.smithy:3:1", shape(t, m, "ex#S").Pos.String())
}

func TestTraitResolution(t *testing.T) {
	m, err := build(map[string]string{
		"traits.smithy": "namespace other\n@trait\nstructure marker {}\n@trait\nstring note\n",
		"main.smithy": `namespace ex
use other#marker

@trait
structure documentation {} // shadows the prelude trait in this namespace

@marker
@other#note("absolute")
@documentation
@smithy.api#documentation("prelude")
string S
`,
	})
	require.NoError(t, err)
	s := shape(t, m, "ex#S")
	assert.Equal(t, []string{"ex#documentation", "other#marker", "other#note", "smithy.api#documentation"}, traitIDs(&s.Traits))
	assert.Equal(t, "prelude", s.Traits.Documentation())
	assert.Equal(t, map[string]any{}, trait(t, &s.Traits, "ex#documentation"))
}
