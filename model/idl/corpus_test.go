package idl

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpus reads the prelude and trait-definition models and the restJson1
// protocol tests from the shared directory, named by their path under it.
func corpus(t testing.TB, withPreludeSmithy bool) map[string][]byte {
	t.Helper()
	root := sharedSmithy(t)
	files := map[string][]byte{}
	for _, dir := range []string{"prelude", "protocol-tests"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".smithy") {
				return err
			}
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			if rel == filepath.Join("prelude", "prelude.smithy") && !withPreludeSmithy {
				return nil
			}
			files[filepath.ToSlash(rel)], err = os.ReadFile(path)
			return err
		})
		require.NoError(t, err)
	}
	require.Greater(t, len(files), 60)
	return files
}

func buildCorpus(t testing.TB, withPreludeSmithy bool) *model.Model {
	t.Helper()
	b := model.NewBuilder()
	LoadFiles(b, corpus(t, withPreludeSmithy))
	m, err := b.Build()
	require.NoError(t, err)
	return m
}

// TestProtocolTests loads every prelude model (prelude.smithy included: it
// redefines model's built-in prelude shapes identically and adds the trait
// shapes) and every restJson1 protocol test into one model.
func TestProtocolTests(t *testing.T) {
	m := buildCorpus(t, true)
	for _, id := range []string{"aws.protocoltests.restjson#RestJson", "aws.protocoltests.restjson.validation#RestJsonValidation"} {
		assert.Equal(t, model.Service, shape(t, m, id).Type, id)
	}
	svc := shape(t, m, "aws.protocoltests.restjson#RestJson")
	assert.Equal(t, "2019-12-16", svc.Version)
	assert.Contains(t, svc.Operations, model.MustShapeID("aws.protocoltests.restjson#HttpRequestWithLabels"))
	assert.Equal(t, "RenamedGreeting", svc.Rename[model.MustShapeID("aws.protocoltests.restjson.nested#GreetingStruct")])

	op := shape(t, m, "aws.protocoltests.restjson#HttpRequestWithLabels")
	assert.Equal(t, &model.HTTP{Method: "GET", URI: "/HttpRequestWithLabels/{string}/{short}/{integer}/{long}/{float}/{double}/{boolean}/{timestamp}", Code: 200},
		op.Traits.HTTP())
	tr, ok := op.Traits.Get(model.MustShapeID("smithy.test#httpRequestTests"))
	require.True(t, ok)
	assert.Equal(t, "protocol-tests/restJson1/http-labels.smithy:24:29", tr.Pos.String(), "applied with an apply statement")
	cases, ok := tr.Value.([]any)
	require.True(t, ok, "a list, got %T", tr.Value)
	require.Len(t, cases, 2)
	first, ok := cases[0].(map[string]any)
	require.True(t, ok, "a list of objects, got %T", cases[0])
	assert.Equal(t, "RestJsonInputWithHeadersAndAllParams", first["id"])
	assert.Equal(t, "aws.protocols#restJson1", first["protocol"], "the syntactic shape ID restJson1 resolves through its use statement")
	assert.Equal(t, map[string]any{"string": "string", "short": json.Number("1"), "integer": json.Number("2"), "long": json.Number("3"),
		"float": json.Number("4.1"), "double": json.Number("5.1"), "boolean": true, "timestamp": json.Number("1576540098")}, first["params"])
	in := shape(t, m, "aws.protocoltests.restjson#HttpRequestWithLabelsInput")
	assert.True(t, in.Member("string").Traits.HTTPLabel())

	// The 1.0 file of the corpus.
	assert.True(t, shape(t, m, "aws.protocoltests.misc#AcceptHeaderStarService").Traits.Readonly())
	// Inline input with a mixin (defaults.smithy).
	out := shape(t, m, "aws.protocoltests.restjson#OperationWithDefaultsOutput")
	assert.True(t, out.Traits.Output())
	d, _ := out.Member("defaultString").Traits.Default()
	assert.Equal(t, "hi", d)
	// Metadata from shared-types.smithy.
	assert.NotEmpty(t, m.Metadata["suppressions"])
}

// TestPreludeSmithyIsOptional checks that, without prelude.smithy, every
// shape outside smithy.api is the same: relative trait IDs resolve and
// omitted trait values take their type from the preludeTraits table.
func TestPreludeSmithyIsOptional(t *testing.T) {
	with, without := buildCorpus(t, true), buildCorpus(t, false)
	n := 0
	for _, s := range without.Shapes() {
		if s.ID.IsPrelude() {
			continue
		}
		n++
		other := with.Shape(s.ID)
		require.NotNil(t, other, s.ID.String())
		assert.True(t, reflect.DeepEqual(s, other), "%s differs", s.ID)
	}
	assert.Greater(t, n, 400)
}

// TestPreludeTables checks preludeShapes and preludeTraits against prelude.smithy.
func TestPreludeTables(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(sharedSmithy(t), "prelude", "prelude.smithy"))
	require.NoError(t, err)
	m := mustBuild(t, string(src))
	shapes, traits := map[string]bool{}, map[string]model.ShapeType{}
	for _, s := range m.Shapes() {
		if !s.ID.IsPrelude() || s.Traits.Has(traitPrivate) {
			continue
		}
		if s.Traits.Has(model.TraitTrait) {
			traits[s.ID.Name] = s.Type
		} else {
			shapes[s.ID.Name] = true
		}
	}
	assert.Equal(t, preludeShapes, shapes)
	assert.Equal(t, preludeTraits, traits)
}

func BenchmarkLoadProtocolTests(b *testing.B) {
	files := corpus(b, true)
	size := 0
	for _, data := range files {
		size += len(data)
	}
	b.Run("load", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			LoadFiles(model.NewBuilder(), files)
		}
	})
	b.Run("load+build", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			bld := model.NewBuilder()
			LoadFiles(bld, files)
			if _, err := bld.Build(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
