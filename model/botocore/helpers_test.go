package botocore_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/botocore"
)

// ns is the namespace of the documents doc builds.
const ns = "com.amazonaws.mysvc"

// metadata is the metadata of the documents doc builds.
const metadata = `{"apiVersion": "2020-01-02", "endpointPrefix": "my-svc", "protocol": "rest-json",
  "serviceFullName": "My Service", "serviceId": "My Svc", "signatureVersion": "v4"}`

// doc returns a rest-json service-2 document with the given operations and
// shapes (the bodies of the two objects).
func doc(operations, shapes string) string {
	return `{"version": "2.0", "metadata": ` + metadata + `,
"operations": {` + operations + `},
"shapes": {` + shapes + `},
"documentation": "<p>My service.</p>"}`
}

// build loads one document named svc.json and builds the model.
func build(src string) (*model.Model, error) {
	b := model.NewBuilder()
	botocore.Load(b, "svc.json", []byte(src))
	return b.Build()
}

func mustBuild(t *testing.T, src string) *model.Model {
	t.Helper()
	m, err := build(src)
	require.NoError(t, err)
	return m
}

// buildErrors returns the error lines of a document that must fail.
func buildErrors(t *testing.T, src string) []string {
	t.Helper()
	_, err := build(src)
	require.Error(t, err)
	return strings.Split(err.Error(), "\n")
}

func id(name string) model.ShapeID { return model.ShapeID{Namespace: ns, Name: name} }

// shape returns the shape name of ns, failing the test when it is missing.
func shape(t *testing.T, m *model.Model, name string) *model.Shape {
	t.Helper()
	s := m.Shape(id(name))
	require.NotNil(t, s, "shape %s", name)
	return s
}

// member returns shape$member, failing the test when it is missing.
func member(t *testing.T, m *model.Model, name, mem string) *model.Member {
	t.Helper()
	mm := shape(t, m, name).Member(mem)
	require.NotNil(t, mm, "member %s$%s", name, mem)
	return mm
}

// traitValue returns the value of trait tid, failing the test when it is missing.
func traitValue(t *testing.T, traits *model.Traits, tid string) any {
	t.Helper()
	tr, ok := traits.Get(model.MustShapeID(tid))
	require.True(t, ok, "trait %s missing", tid)
	return tr.Value
}

// memberNames lists the names of a shape's members in order.
func memberNames(s *model.Shape) []string {
	out := make([]string, len(s.Members))
	for i, m := range s.Members {
		out[i] = m.Name()
	}
	return out
}
