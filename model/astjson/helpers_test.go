package astjson

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/internal/sharedtest"
	"github.com/smithygen/smithygen/model"
)

// file is one input document.
type file struct {
	name string
	data string
}

// build loads the files in order into one builder and builds the model.
func build(files ...file) (*model.Model, error) {
	b := model.NewBuilder()
	for _, f := range files {
		Load(b, f.name, []byte(f.data))
	}
	return b.Build()
}

func mustBuild(t testing.TB, files ...file) *model.Model {
	t.Helper()
	m, err := build(files...)
	require.NoError(t, err)
	return m
}

// buildErrors builds the files and returns the error lines, sorted as Build sorts them.
func buildErrors(t testing.TB, files ...file) []string {
	t.Helper()
	_, err := build(files...)
	require.Error(t, err)
	return strings.Split(err.Error(), "\n")
}

// fixture reads testdata/name.
func fixture(t testing.TB, name string) file {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return file{name: name, data: string(data)}
}

// sharedModel returns the path of an official Smithy JSON AST model in
// ../shared/models/smithy-ast beside the checkout, skipping the test when the
// reference data is not there.
func sharedModel(t testing.TB, name string) string {
	t.Helper()
	return sharedtest.Dir(t, "models", "smithy-ast", name)
}

// equalModels reports (through t) every difference between the shapes and
// metadata of want and got: shape IDs, types, members in order with their
// targets and traits, shape traits (IDs and values), mixins, and every
// relationship field of operations, services and resources. Source positions
// are ignored, and an empty list equals a missing one.
func equalModels(t assert.TestingT, want, got *model.Model) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	ok := assert.Equal(t, want.Metadata, got.Metadata, "metadata")
	if !assert.Equal(t, shapeIDs(want), shapeIDs(got), "shape IDs") {
		return false
	}
	const maxShown = 5
	differing := 0
	for _, ws := range want.Shapes() {
		if !assert.Equal(t, withoutPos(ws), withoutPos(got.Shape(ws.ID)), "shape %s", ws.ID) {
			ok = false
			if differing++; differing == maxShown {
				t.Errorf("stopping after %d differing shapes", maxShown)
				break
			}
		}
	}
	return ok
}

func shapeIDs(m *model.Model) []string {
	out := make([]string, 0, m.Len())
	for _, s := range m.Shapes() {
		out = append(out, s.ID.String())
	}
	return out
}

// withoutPos copies s with every position cleared and empty collections nil.
func withoutPos(s *model.Shape) model.Shape {
	c := *s
	c.Pos = model.Pos{}
	c.Traits = traitsWithoutPos(&s.Traits)
	c.Members = nil
	for _, m := range s.Members {
		cm := *m
		cm.Pos = model.Pos{}
		cm.Traits = traitsWithoutPos(&m.Traits)
		c.Members = append(c.Members, &cm)
	}
	c.Mixins = nilIfEmpty(c.Mixins)
	c.Errors = nilIfEmpty(c.Errors)
	c.Operations = nilIfEmpty(c.Operations)
	c.Resources = nilIfEmpty(c.Resources)
	c.CollectionOperations = nilIfEmpty(c.CollectionOperations)
	c.Identifiers = nilIfEmpty(c.Identifiers)
	c.Properties = nilIfEmpty(c.Properties)
	if len(c.Rename) == 0 {
		c.Rename = nil
	}
	return c
}

func traitsWithoutPos(t *model.Traits) model.Traits {
	c := t.Clone()
	for _, tr := range c.All() {
		tr.Pos = model.Pos{}
	}
	return c
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// recorder is an assert.TestingT that records failures, to test test helpers.
type recorder struct{ failures []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, format)
}
