package botocore

import (
	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/jsonnode"
)

// Field access on jsonnode objects. Each helper reports a field of the wrong
// JSON type at the field's value and then behaves as if it were absent, so
// that one mistake yields one error and loading goes on.

// get returns obj[key] when it is a value of kind k, or nil.
func (l *loader) get(obj *jsonnode.Node, key string, k jsonnode.Kind, id model.ShapeID) *jsonnode.Node {
	n := obj.Get(key)
	if n == nil {
		return nil
	}
	if n.Kind != k {
		l.errorf(n, id, "field %q must be a JSON %s, found %s", key, k, n.Kind)
		return nil
	}
	return n
}

// require is get that also reports an absent field, at obj.
func (l *loader) require(obj *jsonnode.Node, key string, k jsonnode.Kind, id model.ShapeID) *jsonnode.Node {
	if obj.Get(key) == nil {
		l.errorf(obj, id, "missing required field %q", key)
		return nil
	}
	return l.get(obj, key, k, id)
}

// str returns the string obj[key], or "".
func (l *loader) str(obj *jsonnode.Node, key string, id model.ShapeID) string {
	if n := l.get(obj, key, jsonnode.String, id); n != nil {
		return n.Str
	}
	return ""
}

// flag returns the node of obj[key] when it is true, or nil.
func (l *loader) flag(obj *jsonnode.Node, key string, id model.ShapeID) *jsonnode.Node {
	if n := l.get(obj, key, jsonnode.Bool, id); n != nil && n.Bool {
		return n
	}
	return nil
}

// ref returns the shape ID named by the {"shape": "Name"} reference held in
// obj[key], or a zero ID.
func (l *loader) ref(obj *jsonnode.Node, key string, id model.ShapeID) model.ShapeID {
	n := l.get(obj, key, jsonnode.Object, id)
	if n == nil {
		return model.ShapeID{}
	}
	return l.target(n, id)
}

// target returns the shape ID named by n's required "shape" field.
func (l *loader) target(n *jsonnode.Node, id model.ShapeID) model.ShapeID {
	s := l.require(n, "shape", jsonnode.String, id)
	if s == nil {
		return model.ShapeID{}
	}
	if !model.ValidIdentifier(s.Str) {
		l.errorf(s, id, "invalid shape name %q: not a Smithy identifier", s.Str)
		return model.ShapeID{}
	}
	return l.shapeID(s.Str)
}

func (l *loader) errorf(n *jsonnode.Node, id model.ShapeID, format string, args ...any) {
	l.b.Errorf(l.doc.Pos(n), id, format, args...)
}

// trait builds a trait positioned at n.
func (l *loader) trait(id model.ShapeID, value any, n *jsonnode.Node) *model.Trait {
	return &model.Trait{ID: id, Value: value, Pos: l.doc.Pos(n)}
}

// annotation is the value of a trait without properties.
func annotation() map[string]any { return map[string]any{} }
