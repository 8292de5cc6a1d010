package botocore_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/botocore"
)

// TestEverything builds testdata/everything.json, a document that uses most
// of the format, and spot-checks that its parts fit together.
func TestEverything(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "everything.json"))
	require.NoError(t, err)
	b := model.NewBuilder()
	botocore.Load(b, "everything.json", data)
	m, err := b.Build()
	require.NoError(t, err)
	svc, err := m.ServiceByID("")
	require.NoError(t, err)
	assert.Equal(t, "com.amazonaws.things#Things_20240229", svc.ID.String())
	stream := m.Shape(model.MustShapeID("com.amazonaws.things#ThingEvents"))
	require.NotNil(t, stream)
	assert.Equal(t, model.Union, stream.Type)
	assert.True(t, stream.Traits.Streaming())
	dry := m.MemberOf(model.MustShapeID("com.amazonaws.things#PutThingRequest$DryRun"))
	require.NotNil(t, dry)
	_, hasDefault := dry.Traits.Default()
	assert.False(t, hasDefault, "Boolean is boxed")
}

func FuzzLoad(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("testdata", "everything.json")); err == nil {
		f.Add(data)
	}
	for _, seed := range []string{
		doc(`"Get": {"http": {"method": "GET", "requestUri": "/{Id}"}, "input": {"shape": "In"}}`,
			`"In": {"type": "structure", "required": ["Id"], "members": {"Id": {"shape": "S", "location": "uri", "locationName": "Id"}}},
"S": {"type": "string", "enum": ["a", "B"]}`),
		errDoc(``, `"A": {"type": "structure", "members": {"X": {"shape": "Missing", "box": true}}}`),
		errDoc(`"Op": {"http": {}, "errors": [1]}`, `"L": {"type": "list"}, "M": {"type": "map"}, "N": {"type": "integer", "min": "x"}`),
		`{"metadata": {"apiVersion": "1", "serviceId": "S", "protocol": "json"}, "operations": {}, "shapes": {"E": {"type": "string", "enum": []}}}`,
		`{}`, `[]`, `null`, `{"metadata": }`, `{"metadata": {}, "operations": [], "shapes": 1}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b := model.NewBuilder()
		botocore.Load(b, "fuzz.json", data)
		m, err := b.Build()
		if err == nil {
			if m == nil {
				t.Fatal("Build returned neither a model nor an error")
			}
			return
		}
		var list model.ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("Build error is a %T, want model.ErrorList", err)
		}
		for _, e := range list {
			if e.Pos.File != "fuzz.json" {
				t.Fatalf("error without a position in the document: %v", e)
			}
		}
	})
}
