package astjson

import (
	"encoding/json"

	"github.com/smithygen/smithygen/model"
)

// upgradeV1 gives the shapes of a Smithy 1.0 document their Smithy 2.0
// meaning, so that the model is a 2.0 model whatever it was written in. (The
// "set" type is settled by model.Builder: a list with @uniqueItems.)
//
// In 1.0, booleans and numbers had a zero value unless "boxed"; in 2.0 a
// member is optional unless it has @default (or @required). The 2.0 spec says
// no more than that @box "cannot be used in Smithy 2.0 models" and that a
// member targeting a boxed shape "may or may not contain a value, and ... has
// no default value" (prelude.smithy), so this follows what Smithy's own loader
// does (ModelUpgrader):
//
//   - a boolean, byte, short, integer, long, float or double shape without
//     @box gets @default(false) or @default(0); with @box it gets none;
//   - a structure member marked @box gets @default(null): explicitly optional;
//   - any other structure member gets the same @default as its target when
//     the target is such a zero-valued shape, the prelude's Primitive* shapes
//     included (smithy.api#Integer and the other non-primitive prelude shapes
//     were boxed, so members targeting them stay optional);
//   - a structure member that is not @required and targets a @streaming blob
//     gets @default(""), as 2.0 requires of such members;
//   - @box is then removed: it has no meaning left, and 2.0 forbids it.
//
// Only targets known while the document is loaded can be looked at: shapes of
// this document, the prelude, and shapes of files loaded before it. A member
// whose target comes from a later file stays optional, the safe reading. Nor
// are traits that "apply" entries add (Build applies them later): a @box
// applied that way stays on the model as it is.
func (l *loader) upgradeV1() {
	for _, s := range l.shapes {
		if zero, ok := zeroValue(s.Type); ok && !s.Traits.Has(model.TraitBox) {
			s.Traits.Set(&model.Trait{ID: model.TraitDefault, Value: zero, Pos: s.Pos})
		}
		s.Traits.Delete(model.TraitBox)
	}
	for _, s := range l.shapes {
		for _, m := range s.Members {
			boxed := m.Traits.Has(model.TraitBox)
			m.Traits.Delete(model.TraitBox)
			if s.Type != model.Structure {
				continue
			}
			if boxed {
				m.Traits.Set(&model.Trait{ID: model.TraitDefault, Value: nil, Pos: m.Pos})
			} else if def, ok := l.v1MemberDefault(m); ok {
				m.Traits.Set(&model.Trait{ID: model.TraitDefault, Value: def, Pos: m.Pos})
			}
		}
	}
}

// v1MemberDefault returns the default an unboxed 1.0 structure member gets from its target.
func (l *loader) v1MemberDefault(m *model.Member) (any, bool) {
	if m.Target.IsPrelude() {
		if typ, ok := v1Primitives[m.Target.Name]; ok {
			return zeroValue(typ)
		}
		return nil, false
	}
	t := l.defined[m.Target]
	if t == nil {
		t = l.b.Shape(m.Target)
	}
	if t == nil {
		return nil, false
	}
	if t.Type == model.Blob && t.Traits.Streaming() && !m.Traits.Required() {
		return "", true
	}
	zero, ok := zeroValue(t.Type)
	if !ok {
		return nil, false
	}
	if def, has := t.Traits.Default(); !has || !isZero(def) {
		return nil, false
	}
	return zero, true
}

// v1Primitives are the prelude shapes that had a zero value in Smithy 1.0.
var v1Primitives = map[string]model.ShapeType{
	"PrimitiveBoolean": model.Boolean, "PrimitiveByte": model.Byte, "PrimitiveShort": model.Short,
	"PrimitiveInteger": model.Integer, "PrimitiveLong": model.Long, "PrimitiveFloat": model.Float,
	"PrimitiveDouble": model.Double,
}

// zeroValue returns the 1.0 zero value of a shape type, if it had one.
func zeroValue(t model.ShapeType) (any, bool) {
	switch t {
	case model.Boolean:
		return false, true
	case model.Byte, model.Short, model.Integer, model.Long, model.Float, model.Double:
		return json.Number("0"), true
	}
	return nil, false
}

func isZero(v any) bool {
	switch v := v.(type) {
	case bool:
		return !v
	case json.Number:
		f, err := v.Float64()
		return err == nil && f == 0
	}
	return false
}
