package idl

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
)

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"no namespace", "string A\n", `test.smithy:1:1: expected "namespace", found "string"`},
		{"metadata after namespace", "namespace ex\nmetadata a = 1\n", `test.smithy:2:1: metadata statements must come before shape definitions`},
		{"misspelt metadata", "meta a = 1\n", `test.smithy:1:1: expected "namespace", found "meta"`},
		{"control statement after metadata", "metadata a = 1\n$version: \"2\"\n", `test.smithy:2:1: control statements must come first in a file, before metadata and the namespace`},
		{"control statement after namespace", "namespace ex\n$version: \"2\"\n", `test.smithy:2:1: control statements must come first in a file, before metadata and the namespace`},
		{"space after $", "$ version: \"2\"\n", `test.smithy:1:3: expected control statement name right after "$", found "version"`},
		{"control statement without line break", "$version: \"2\" namespace ex\n", `test.smithy:1:15: expected line break after the control statement, found "namespace"`},
		{"metadata without =", "metadata a 1\n", `test.smithy:1:12: expected "=", found number 1`},
		{"invalid namespace", "namespace _\n", `test.smithy:1:11: invalid namespace "_"`},
		{"two namespaces", "namespace a\nnamespace b\n", `test.smithy:2:1: a file may have only one namespace statement`},
		{"namespace without line break", "namespace ex string A\n", `test.smithy:1:14: expected line break after the namespace statement, found "string"`},
		{"use after shapes", "namespace ex\nstring A\nuse a#B\n", `test.smithy:3:1: use statements must come before shape definitions`},
		{"unknown shape type", "namespace ex\nstrin A\n", `test.smithy:2:1: expected shape type, found "strin"`},
		{"shape name missing", "namespace ex\nstring\n", `test.smithy:3:1: expected shape name, found end of file`},
		{"invalid shape name", "namespace ex\nstring a.b\n", `test.smithy:2:8: invalid shape name "a.b"`},
		{"two shapes on a line", "namespace ex\nstring A string B\n", `test.smithy:2:10: expected line break after the shape definition, found "string"`},
		{"member without colon", "namespace ex\nstructure A { a String }\n", `test.smithy:2:17: expected ":", found "String"`},
		{"member without target", "namespace ex\nstructure A { a: }\n", `test.smithy:2:18: expected shape ID, found "}"`},
		{"invalid target", "namespace ex\nstructure A { a: foo.bar }\n", `test.smithy:2:18: invalid shape ID "foo.bar"`},
		{"unclosed structure", "namespace ex\nstructure A {\n    a: String\n", `test.smithy:4:1: expected member name, found end of file`},
		{"default value without line break", "$version: \"2\"\nnamespace ex\nstructure A { a: String = \"x\" }\n", `test.smithy:3:31: expected line break after the default value, found "}"`},
		{"enum values on one line", "namespace ex\nenum E { A = \"a\", B = \"b\" }\n", `test.smithy:2:19: expected line break after the enum value, found "B"`},
		{"empty enum", "namespace ex\nenum E {}\n", `test.smithy:2:9: expected enum member, found "}"`},
		{"empty mixin list", "namespace ex\nstring A with []\n", `test.smithy:2:16: expected shape ID, found "]"`},
		{"space after @", "namespace ex\n@ required\nstring A\n", `test.smithy:2:3: expected trait shape ID right after "@", found "required"`},
		{"trait with a member ID", "namespace ex\n@Foo$bar\nstring A\n", `test.smithy:2:2: invalid trait shape ID "Foo$bar"`},
		{"unclosed trait", "namespace ex\n@tags([\"a\"]\nstring A\n", `test.smithy:3:1: expected ")", found "string"`},
		{"bad node value", "namespace ex\n@tags([1,)\nstring A\n", `test.smithy:2:10: expected node value, found ")"`},
		{"bad object key", "namespace ex\n@foo({1: 2})\nstring A\n", `test.smithy:2:7: expected object key (identifier or quoted string), found number 1`},
		{"unquoted non-ID", "namespace ex\n@tags([a.b])\nstring A\n", `test.smithy:2:8: invalid shape ID "a.b" (quote strings that are not shape IDs)`},
		{"operation property", "namespace ex\noperation O { inputs: A }\n", `test.smithy:2:15: expected "input", "output" or "errors", found "inputs"`},
		{"operation input form", "namespace ex\noperation O { input = A }\n", `test.smithy:2:21: expected ":" or ":=", found "="`},
		{"apply without trait", "namespace ex\napply A string\n", `test.smithy:2:9: expected trait or "{", found "string"`},
		{"traits before apply", "namespace ex\n@sensitive apply A @required\n", `test.smithy:2:12: traits cannot come before an apply statement`},
		{"unclosed apply block", "namespace ex\napply A { @sensitive\n", `test.smithy:3:1: expected trait or "}", found end of file`},
		{"lexical error", "namespace ex\n@documentation(\"abc)\nstring A\n", `test.smithy:2:16: unterminated string`},
		{"bad escape", "namespace ex\n@documentation(\"a\\qb\")\nstring A\n", `test.smithy:2:18: invalid escape in string`},
		{"one-line text block", "namespace ex\n@documentation(\"\"\"abc\"\"\")\nstring A\n", `test.smithy:2:16: a text block must start with """ and a line break`},
		{"unexpected character", "namespace ex\nstring A;\n", `test.smithy:2:9: unexpected character ';'`},
		{"deep nesting", "metadata a = " + strings.Repeat("[", 600) + strings.Repeat("]", 600) + "\n", `test.smithy:1:526: node values nested deeper than 512 levels`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, buildErr(t, tt.src))
		})
	}
}

// TestSyntaxErrorKeepsEarlierStatements checks that a syntax error drops only
// the statement it is in: the shapes before it are loaded (so other files do
// not report them missing), and the file's parsing stops.
func TestSyntaxErrorKeepsEarlierStatements(t *testing.T) {
	_, err := build(map[string]string{
		"a.smithy": "namespace ex\nstring Fine\nstructure Broken { a: }\nstring After\n",
		"b.smithy": "namespace ex\nstructure User { a: Fine }\n",
	})
	assert.EqualError(t, err, `a.smithy:3:23: expected shape ID, found "}"`)
}

func TestSemanticErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"duplicate shape", "namespace ex\nstring A\ninteger A\n", `test.smithy:3:1: ex#A: duplicate shape ID, first defined at test.smithy:2:1`},
		{"duplicate shape, same definition", "namespace ex\nstring A\nstring A\n", `test.smithy:3:1: ex#A: duplicate shape ID, first defined at test.smithy:2:1`},
		{"inline input named like a shape", "$version: \"2\"\nnamespace ex\nstructure OInput {}\noperation O { input := {} }\n",
			`test.smithy:4:15: ex#OInput: duplicate shape ID, first defined at test.smithy:3:1`},
		{"duplicate member", "namespace ex\nstructure A {\n    a: String\n    a: Integer\n}\n", `test.smithy:4:5: ex#A$a: duplicate member "a", first defined at test.smithy:3:5`},
		{"duplicate enum member", "namespace ex\nenum E {\n    A\n    A\n}\n", `test.smithy:4:5: ex#E$A: duplicate member "A", first defined at test.smithy:3:5`},
		{"duplicate control statement", "$version: \"2\"\n$version: \"2\"\nnamespace ex\n", `test.smithy:2:1: duplicate control statement $version`},
		{"unsupported version", "$version: \"3.0\"\nnamespace ex\n", `test.smithy:1:11: unsupported IDL version "3.0": want 1.x or 2.x`},
		{"version as a number", "$version: 2\nnamespace ex\n", `test.smithy:1:11: $version must be a version string like "2.0", not number 2`},
		{"bad suffix", "$operationInputSuffix: \"-In\"\nnamespace ex\n", `test.smithy:1:24: $operationInputSuffix must be a string of identifier characters, not string "-In"`},
		{"use conflict", "namespace ex\nuse a#Foo\nuse b#Foo\nuse a#Foo\n", `test.smithy:3:5: use b#Foo conflicts with use a#Foo at test.smithy:2:5`},
		{"use of a member", "namespace ex\nuse a#Foo$bar\n", `test.smithy:2:5: use cannot import a member (a#Foo$bar)`},
		{"use of a relative ID", "namespace ex\nuse Foo\n", `test.smithy:2:5: use needs an absolute shape ID (namespace#Name), not "Foo"`},
		{"shape named like an import", "namespace ex\nuse a#Foo\nstring Foo\n", `test.smithy:3:8: ex#Foo: shape name conflicts with use a#Foo at test.smithy:2:5`},
		{"unknown trait", "namespace ex\n@sensitiv\nstring A\n", `test.smithy:2:1: ex#A: unknown trait @sensitiv: no trait of that name is imported with use, defined in namespace ex, or in the prelude`},
		{"not a trait", "namespace ex\n@String\nstring A\n@A\nstring B\n", "test.smithy:2:1: ex#A: smithy.api#String is not a trait: its definition has no @trait\ntest.smithy:4:1: ex#B: ex#A is not a trait: its definition has no @trait"},
		{"unknown trait in apply", "namespace ex\nstring A\napply A @nope\n", `test.smithy:3:9: ex#A: unknown trait @nope: no trait of that name is imported with use, defined in namespace ex, or in the prelude`},
		{"unresolved target", "namespace ex\nstructure A {\n    a: Missing\n}\n", `test.smithy:3:5: ex#A$a: target "ex#Missing" not found`},
		{"unresolved input", "namespace ex\noperation O { input: Missing }\n", `test.smithy:2:1: ex#O: input "ex#Missing" not found`},
		{"undefined mixin", "$version: \"2\"\nnamespace ex\nstring A with [Missing]\n", `test.smithy:3:1: ex#A: mixin ex#Missing is not defined`},
		{"apply to a missing shape", "namespace ex\napply Missing @sensitive\n", `test.smithy:2:15: ex#Missing: apply targets a shape that is not defined`},
		{"elision without source", "$version: \"2\"\nnamespace ex\nstructure A {\n    $a\n}\n",
			`test.smithy:4:5: ex#A$a: cannot elide the target of $a: no resource identifier or property, and no mixin member, is named "a"`},
		{"for a missing resource", "$version: \"2\"\nnamespace ex\nstructure A for R {}\n", `test.smithy:3:17: ex#A: ex#R is not defined; "for" needs a resource`},
		{"for a non-resource", "$version: \"2\"\nnamespace ex\nstring R\nstructure A for R {}\n", `test.smithy:4:17: ex#A: ex#R is a string; "for" needs a resource`},
		{"IDL 2 syntax in a 1.0 file", "$version: \"1.0\"\nnamespace ex\n@mixin\nstructure M { b: String }\nstructure A with [M] {\n    a: String = \"x\"\n    $b\n}\nenum E { X }\noperation O {\n    input := {}\n}\n",
			strings.Join([]string{
				`test.smithy:5:13: IDL 1 does not support mixins: declare $version: "2"`,
				`test.smithy:6:15: IDL 1 does not support default values: declare $version: "2"`,
				`test.smithy:7:5: IDL 1 does not support target elision: declare $version: "2"`,
				`test.smithy:9:1: IDL 1 does not support enum shapes: declare $version: "2"`,
				`test.smithy:11:11: IDL 1 does not support inline input and output: declare $version: "2"`,
			}, "\n")},
		{"service property", "namespace ex\nservice S { version: 1, operation: [A], rename: { Foo: \"Bar\" } }\n", strings.Join([]string{
			`test.smithy:2:22: ex#S: service version must be a string, not number 1`,
			`test.smithy:2:25: ex#S: unknown service property "operation"`,
			`test.smithy:2:51: ex#S: rename keys must be absolute shape IDs, not "Foo"`,
		}, "\n")},
		{"resource property", "namespace ex\nresource R { identifiers: [String], read: 1, operations: A }\n", strings.Join([]string{
			`test.smithy:2:27: ex#R: resource identifiers must be an object of names to shape IDs, not an array`,
			`test.smithy:2:43: ex#R: expected shape ID, found number 1`,
			`test.smithy:2:58: ex#R: resource operations must be a list of shape IDs, not shape ID "A"`,
		}, "\n")},
		{"duplicate object key", "namespace ex\n@externalDocumentation(a: \"x\", a: \"y\")\nstring A\n", `test.smithy:2:32: duplicate object key "a"`},
		{"duplicate operation property", "namespace ex\noperation O { input: Unit, input: Unit }\n", `test.smithy:2:28: ex#O: duplicate operation property "input"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, buildErr(t, tt.src))
		})
	}
	_, err := build(map[string]string{"a.smithy": "namespace ex\nstring A\n", "b.smithy": "namespace ex\ninteger A\n"})
	assert.EqualError(t, err, `b.smithy:2:1: ex#A: duplicate shape ID, first defined at a.smithy:2:1`)
}

// TestExternalTraitsKept: a trait named explicitly (absolute, or imported
// with use) whose definition is not loaded is kept with its value, like the
// JSON AST loader keeps any trait; a bare unknown name is still an error.
func TestExternalTraitsKept(t *testing.T) {
	m := mustBuild(t, "$version: \"2\"\nnamespace ex\nuse aws.protocols#restJson1\n@restJson1\n@aws.api#service(sdkId: \"Ex\")\nservice S { version: \"1\" }\n")
	s := m.Shape(model.MustShapeID("ex#S"))
	require.NotNil(t, s)
	assert.True(t, s.Traits.Has(model.MustShapeID("aws.protocols#restJson1")))
	tr, ok := s.Traits.Get(model.MustShapeID("aws.api#service"))
	require.True(t, ok)
	assert.Equal(t, map[string]any{"sdkId": "Ex"}, tr.Value)
}
