package astjson

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
)

// FuzzLoad feeds arbitrary bytes to Load: it must never panic, and whatever
// builds must survive a Write and Load round trip unchanged.
func FuzzLoad(f *testing.F) {
	for _, name := range []string{"kinds.json", "traits.json", "mixins.json", "v1.json", "write.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(f, err)
		f.Add(data)
	}
	for _, doc := range []string{
		``,
		`{`,
		`[]`,
		`{"smithy": "2.0"}`,
		`{"smithy": "1.0", "shapes": {"a#B": {"type": "integer", "traits": {"smithy.api#box": {}}}}}`,
		`{"smithy": "2.0", "shapes": {"a#B": {"type": "structure", "members": {"m": {}}}}}`,
		`{"smithy": "2.0", "shapes": {"a#B": {"type": "list", "member": {"target": "a#B"}}}}`,
		`{"smithy": "2.0", "shapes": {"a#B": {"type": "apply", "traits": {"smithy.api#tags": ["x"]}}}}`,
		`{"smithy": "2.0", "shapes": {"a#B": {"type": "structure", "mixins": [{"target": "a#B"}], "traits": {"smithy.api#mixin": {}}}}}`,
		`{"smithy": "2.0", "metadata": {"k": [1, {"x": null}]}, "shapes": {"a#B": {"type": "string", "traits": {"a#t": "\ud800"}}}}`,
	} {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b := model.NewBuilder()
		Load(b, "fuzz.json", data)
		m, err := b.Build()
		if err != nil {
			return
		}
		out, err := Write(m)
		require.NoError(t, err)
		m2, err := build(file{"written.json", string(out)})
		require.NoError(t, err, "the written model does not load:\n%s", out)
		equalModels(t, m, m2)
	})
}
