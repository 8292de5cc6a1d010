package astjson

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// TestWriteGolden writes testdata/write.json and compares the output with
// testdata/write.golden.json byte for byte; go test ./model/astjson -update
// rewrites the golden file.
func TestWriteGolden(t *testing.T) {
	m := mustBuild(t, fixture(t, "write.json"))
	out, err := Write(m)
	require.NoError(t, err)
	golden := filepath.Join("testdata", "write.golden.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, out, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(out), "run go test ./model/astjson -update to accept the new output")

	// The golden file is a valid document that loads to the same model.
	equalModels(t, m, mustBuild(t, file{"write.golden.json", string(want)}))
}

// TestWriteLayout checks the layout rules on the golden output.
func TestWriteLayout(t *testing.T) {
	m := mustBuild(t, fixture(t, "write.json"))
	out, err := Write(m)
	require.NoError(t, err)
	s := string(out)
	assert.Regexp(t, `^\{\n  "smithy": "2.0",\n  "metadata": \{\n    "a": \{\n      "b": null,`, s, "smithy first, two-space indent, sorted metadata keys")
	assert.Regexp(t, `\n\}\n$`, s, "trailing newline")
	assert.NotContains(t, s, `"smithy.api#String": {`, "prelude shapes are left out")
	assert.Regexp(t, `"ns#Alpha": \{(.|\n)*"ns#Base": \{(.|\n)*"ns#Child": \{(.|\n)*"ns#M": \{(.|\n)*"ns#Zed": \{`, s, "shapes sorted by ID")
	assert.Regexp(t, `"z": \{(.|\n)*"a": \{`, s, "members keep model order")
	assert.Regexp(t, `"a": "é\\n\\t",\n\s*"b": \[`, s, "trait value keys sorted, strings escaped")
	assert.Regexp(t, `"ns#Child": \{\n\s*"type": "structure",\n\s*"mixins": \[(.|\n)*"members": \{\n\s*"id": \{\n\s*"target": "smithy.api#String",\n\s*"traits": \{\n\s*"smithy.api#required": \{\}`, s,
		"mixins are kept and members written flattened")

	var v any
	require.NoError(t, json.Unmarshal(out, &v), "the output is valid JSON")
}

// TestWriteErrors checks values that are not node values are reported.
func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(b *model.Builder)
		want  string
	}{
		{
			name: "trait value of a Go type",
			setup: func(b *model.Builder) {
				s := &model.Shape{ID: id("ns#A"), Type: model.String}
				s.Traits.Set(&model.Trait{ID: id("ns#t"), Value: map[string]any{"n": 5}})
				b.Add(s)
			},
			want: "ns#A: trait ns#t: unsupported value of type int",
		},
		{
			name: "number that is not JSON",
			setup: func(b *model.Builder) {
				s := &model.Shape{ID: id("ns#A"), Type: model.Structure, Members: []*model.Member{{ID: id("ns#A$m"), Target: model.Prelude("String")}}}
				s.Members[0].Traits.Set(&model.Trait{ID: id("ns#t"), Value: json.Number("NaN")})
				b.Add(s)
			},
			want: `ns#A$m: trait ns#t: "NaN" is not a JSON number`,
		},
		{
			name: "metadata",
			setup: func(b *model.Builder) {
				b.SetMetadata("k", []any{1.5}, model.Pos{})
			},
			want: `metadata "k": unsupported value of type float64`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := model.NewBuilder()
			tt.setup(b)
			m, err := b.Build()
			require.NoError(t, err)
			out, err := Write(m)
			assert.Nil(t, out)
			assert.EqualError(t, err, tt.want)
		})
	}
}
