package botocore_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/botocore"
)

// sharedModel returns the content and repo-relative name of a botocore model
// kept in the shared reference directory beside the checkout
// (<repo root>/../shared/models/botocore), skipping the test when it is absent.
func sharedModel(tb testing.TB, name string) (string, []byte) {
	tb.Helper()
	dir, err := os.Getwd()
	require.NoError(tb, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("shared models not found: no go.mod above the test directory")
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", "models", "botocore", name)
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Skipf("shared model %s not available (%v): the shared reference directory belongs beside the checkout", name, err)
	}
	return "botocore/" + name, data
}

func TestLoadSharedModels(t *testing.T) {
	for _, tc := range []struct {
		file, service         string
		operations, minShapes int
	}{
		{"quicksight.json", "com.amazonaws.quicksight#QuickSight_20180401", 277, 2700},
		{"appfabric.json", "com.amazonaws.appfabric#AppFabric_20230519", 26, 120},
		{"appflow.json", "com.amazonaws.appflow#Appflow_20200823", 25, 400},
	} {
		t.Run(tc.file, func(t *testing.T) {
			file, data := sharedModel(t, tc.file)
			b := model.NewBuilder()
			botocore.Load(b, file, data)
			m, err := b.Build()
			require.NoError(t, err)
			svc, err := m.ServiceByID("")
			require.NoError(t, err)
			assert.Equal(t, tc.service, svc.ID.String())
			assert.Len(t, svc.Operations, tc.operations)
			assert.Greater(t, m.Len(), tc.minShapes)
			for _, id := range svc.Operations {
				op := m.Shape(id)
				require.NotNil(t, op, id.String())
				assert.NotNil(t, op.Traits.HTTP(), "%s has no @http", id)
				if in := m.Shape(op.Input); in != nil && !in.ID.IsPrelude() {
					assert.True(t, in.Traits.Input(), "%s is not marked @input", in.ID)
				}
			}
		})
	}
}

func BenchmarkLoadQuickSight(b *testing.B) {
	file, data := sharedModel(b, "quicksight.json")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		mb := model.NewBuilder()
		botocore.Load(mb, file, data)
		if _, err := mb.Build(); err != nil {
			b.Fatal(err)
		}
	}
}
