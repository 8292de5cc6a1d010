package idl

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/internal/sharedtest"
	"github.com/smithygen/smithygen/model"
)

// build loads files (name → source) into one model.
func build(files map[string]string) (*model.Model, error) {
	b := model.NewBuilder()
	data := map[string][]byte{}
	for name, src := range files {
		data[name] = []byte(src)
	}
	LoadFiles(b, data)
	return b.Build()
}

// mustBuild loads one file, test.smithy, and fails the test on errors.
func mustBuild(t *testing.T, src string) *model.Model {
	t.Helper()
	m, err := build(map[string]string{"test.smithy": src})
	require.NoError(t, err)
	return m
}

// buildErr loads one file, test.smithy, and returns the error text.
func buildErr(t *testing.T, src string) string {
	t.Helper()
	_, err := build(map[string]string{"test.smithy": src})
	require.Error(t, err)
	return err.Error()
}

func shape(t *testing.T, m *model.Model, id string) *model.Shape {
	t.Helper()
	s := m.Shape(model.MustShapeID(id))
	require.NotNil(t, s, "shape %s", id)
	return s
}

func member(t *testing.T, m *model.Model, id string) *model.Member {
	t.Helper()
	mem := m.MemberOf(model.MustShapeID(id))
	require.NotNil(t, mem, "member %s", id)
	return mem
}

// trait returns the value of a trait, failing the test when it is missing.
func trait(t *testing.T, traits *model.Traits, id string) any {
	t.Helper()
	tr, ok := traits.Get(model.MustShapeID(id))
	require.True(t, ok, "trait %s missing; have %v", id, traitIDs(traits))
	return tr.Value
}

func traitIDs(traits *model.Traits) []string {
	var out []string
	for _, tr := range traits.All() {
		out = append(out, tr.ID.String())
	}
	return out
}

// sharedSmithy returns ../shared/smithy beside the repository root (the
// directory holding go.mod), skipping the test when it is absent.
func sharedSmithy(t testing.TB) string {
	t.Helper()
	sharedtest.Dir(t, "smithy", "prelude")
	return sharedtest.Dir(t, "smithy")
}
