package astjson

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
)

var officialModels = []string{"appfabric.json", "appflow.json", "quicksight.json"}

// TestRoundTripOfficialModels loads each official Smithy JSON AST model, writes
// it, loads the output and checks both models are equal, and that writing is
// stable.
func TestRoundTripOfficialModels(t *testing.T) {
	for _, name := range officialModels {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(sharedModel(t, name))
			require.NoError(t, err)
			m1 := mustBuild(t, file{name, string(data)})
			require.Len(t, m1.Services(), 1)

			out, err := Write(m1)
			require.NoError(t, err)
			m2 := mustBuild(t, file{"written-" + name, string(out)})
			equalModels(t, m1, m2)

			again, err := Write(m2)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(out, again), "writing the reloaded model gives different bytes")
		})
	}
}

// TestLoadOfficialModel spot-checks what the loader reads from a real model.
func TestLoadOfficialModel(t *testing.T) {
	data, err := os.ReadFile(sharedModel(t, "appfabric.json"))
	require.NoError(t, err)
	m := mustBuild(t, file{"appfabric.json", string(data)})

	svc, err := m.ServiceByID("")
	require.NoError(t, err)
	assert.Equal(t, "com.amazonaws.appfabric#FabricFrontEndService", svc.ID.String())
	assert.Equal(t, "2023-05-19", svc.Version)
	assert.Len(t, svc.Operations, 26)

	e := m.Shape(model.MustShapeID("com.amazonaws.appfabric#AccessDeniedException"))
	require.NotNil(t, e)
	assert.Equal(t, "client", e.Traits.ErrorKind())
	assert.Equal(t, 403, e.Traits.HTTPError())
	assert.True(t, e.Member("message").Traits.Required())
	assert.Equal(t, model.Pos{File: "appfabric.json", Line: 4, Col: 58, Pointer: "/shapes/com.amazonaws.appfabric#AccessDeniedException"}, e.Pos)
}

// TestRoundTripFixtures writes and reloads every fixture.
func TestRoundTripFixtures(t *testing.T) {
	tests := [][]string{
		{"kinds.json"},
		{"traits.json"},
		{"mixins.json"},
		{"v1.json", "v1later.json"},
	}
	for _, names := range tests {
		t.Run(names[0], func(t *testing.T) {
			var files []file
			for _, n := range names {
				files = append(files, fixture(t, n))
			}
			m1 := mustBuild(t, files...)
			out, err := Write(m1)
			require.NoError(t, err)
			m2 := mustBuild(t, file{"written.json", string(out)})
			equalModels(t, m1, m2)
		})
	}
}

// TestEqualModelsFindsDifferences makes sure the round-trip checks can fail.
func TestEqualModelsFindsDifferences(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(m *model.Model)
	}{
		{"trait value", func(m *model.Model) {
			m.Shape(id("example.kinds#Service")).Traits.Set(&model.Trait{ID: model.TraitDocumentation, Value: "other"})
		}},
		{"trait removed", func(m *model.Model) {
			m.Shape(id("example.kinds#Thing")).Member("zeta").Traits.Delete(model.TraitRequired)
		}},
		{"member order", func(m *model.Model) {
			s := m.Shape(id("example.kinds#Thing"))
			s.Members[0], s.Members[1] = s.Members[1], s.Members[0]
		}},
		{"member target", func(m *model.Model) {
			m.Shape(id("example.kinds#Thing")).Member("zeta").Target = model.Prelude("Integer")
		}},
		{"relationship", func(m *model.Model) {
			m.Shape(id("example.kinds#ThingResource")).Put = model.ShapeID{}
		}},
		{"rename", func(m *model.Model) {
			m.Shape(id("example.kinds#Service")).Rename[id("example.kinds#Blob")] = "Other"
		}},
		{"metadata", func(m *model.Model) {
			m.Metadata["extra"] = true
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustBuild(t, fixture(t, "kinds.json"))
			b := mustBuild(t, fixture(t, "kinds.json"))
			require.True(t, equalModels(t, a, b))
			tt.mutate(b)
			r := &recorder{}
			assert.False(t, equalModels(r, a, b))
			assert.NotEmpty(t, r.failures)
		})
	}
}

// BenchmarkLoadQuickSight measures Load alone on the 3 MB QuickSight model.
func BenchmarkLoadQuickSight(b *testing.B) {
	data, err := os.ReadFile(sharedModel(b, "quicksight.json"))
	require.NoError(b, err)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Load(model.NewBuilder(), "quicksight.json", data)
	}
}

// BenchmarkLoadBuildQuickSight measures Load and Build together.
func BenchmarkLoadBuildQuickSight(b *testing.B) {
	data, err := os.ReadFile(sharedModel(b, "quicksight.json"))
	require.NoError(b, err)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		bl := model.NewBuilder()
		Load(bl, "quicksight.json", data)
		if _, err := bl.Build(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteQuickSight measures Write on the QuickSight model.
func BenchmarkWriteQuickSight(b *testing.B) {
	data, err := os.ReadFile(sharedModel(b, "quicksight.json"))
	require.NoError(b, err)
	m := mustBuild(b, file{"quicksight.json", string(data)})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(m); err != nil {
			b.Fatal(err)
		}
	}
}
