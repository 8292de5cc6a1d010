package model

import "encoding/json"

// preludeShapes returns the simple shapes of the Smithy prelude (smithy.api#String, ...).
// Trait definitions are not modelled as shapes: the traits this package knows are
// checked by the placement table in validate.go.
func preludeShapes() []*Shape {
	simple := []struct {
		name string
		typ  ShapeType
		def  any
	}{
		{"String", String, nil}, {"Blob", Blob, nil}, {"BigInteger", BigInteger, nil},
		{"BigDecimal", BigDecimal, nil}, {"Timestamp", Timestamp, nil}, {"Document", Document, nil},
		{"Boolean", Boolean, nil}, {"PrimitiveBoolean", Boolean, false},
		{"Byte", Byte, nil}, {"PrimitiveByte", Byte, json.Number("0")},
		{"Short", Short, nil}, {"PrimitiveShort", Short, json.Number("0")},
		{"Integer", Integer, nil}, {"PrimitiveInteger", Integer, json.Number("0")},
		{"Long", Long, nil}, {"PrimitiveLong", Long, json.Number("0")},
		{"Float", Float, nil}, {"PrimitiveFloat", Float, json.Number("0")},
		{"Double", Double, nil}, {"PrimitiveDouble", Double, json.Number("0")},
	}
	out := make([]*Shape, 0, len(simple)+1)
	for _, s := range simple {
		sh := &Shape{ID: Prelude(s.name), Type: s.typ, Pos: Pos{File: "prelude"}}
		if s.def != nil {
			sh.Traits.Set(&Trait{ID: TraitDefault, Value: s.def})
		}
		out = append(out, sh)
	}
	unit := &Shape{ID: Prelude("Unit"), Type: Structure, Pos: Pos{File: "prelude"}}
	unit.Traits.Set(&Trait{ID: TraitUnitType, Value: map[string]any{}})
	return append(out, unit)
}

// UnitID is smithy.api#Unit, the empty input/output and the target of enum members.
var UnitID = Prelude("Unit")

// IsPrelude reports whether id is in the prelude namespace.
func (id ShapeID) IsPrelude() bool { return id.Namespace == PreludeNamespace }
