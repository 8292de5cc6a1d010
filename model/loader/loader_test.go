package loader

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
)

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Format
	}{
		{`{"smithy": "2.0", "shapes": {}}`, FormatAST},
		{` {"shapes": {}, "smithy": "2.0"}`, FormatAST},
		{`{"version": "2.0", "metadata": {}, "operations": {}, "shapes": {}}`, FormatBotocore},
		{"$version: \"2\"\nnamespace ex\n", FormatIDL},
		{"namespace ex\n", FormatIDL},
		{`{"metadata": {}}`, FormatAST},
		{`{broken`, FormatAST},
		{``, FormatIDL},
	} {
		assert.Equal(t, tc.want, Detect([]byte(tc.in)), tc.in)
	}
}

// TestMixedFormats assembles a JSON AST file and an IDL file that refer to each other.
func TestMixedFormats(t *testing.T) {
	ast := `{"smithy": "2.0", "shapes": {
	  "ex#FromJSON": {"type": "structure", "members": {"idl": {"target": "ex#FromIDL"}}}
	}}`
	idl := "$version: \"2\"\nnamespace ex\n\nstructure FromIDL {\n    back: FromJSON\n}\n"
	m, err := Load(Source{Name: "a.json", Data: []byte(ast)}, Source{Name: "b.smithy", Data: []byte(idl)})
	require.NoError(t, err)
	s := m.Shape(model.MustShapeID("ex#FromIDL"))
	require.NotNil(t, s)
	assert.Equal(t, model.MustShapeID("ex#FromJSON"), s.Member("back").Target)
	assert.Equal(t, model.MustShapeID("ex#FromIDL"), m.Shape(model.MustShapeID("ex#FromJSON")).Member("idl").Target)
}

func TestLoadErrors(t *testing.T) {
	_, err := Load()
	assert.EqualError(t, err, "no model files given")

	_, err = Load(Source{Name: "bad.json", Data: []byte(`{"smithy": "2.0", "shapes": {`)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad.json:1:")

	boto := []byte(`{"version": "2.0", "metadata": {"protocol": "rest-json", "serviceId": "X", "apiVersion": "2020-01-01", "endpointPrefix": "x"}, "operations": {}, "shapes": {}}`)
	_, err = Load(Source{Name: "a.json", Data: boto}, Source{Name: "b.json", Data: boto})
	assert.EqualError(t, err, "2 botocore files given: a botocore file holds one whole service, load one at a time")

	_, err = LoadFiles("does-not-exist.json")
	assert.Error(t, err)
}
