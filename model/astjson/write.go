package astjson

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/jsonnode"
)

// Write serializes m as a Smithy JSON AST 2.0 document, laid out like the
// output of the Smithy CLI's "smithy ast": two-space indent, a trailing
// newline, "smithy" then "metadata" then "shapes" at the top, shapes sorted by
// ID, and in each shape "type" first, then "mixins", its own properties in the
// order of json-ast.rst, and "traits" last. Trait IDs, metadata keys, rename
// entries and the keys of trait values are sorted; members, resource
// identifiers and properties, and lists of references keep model order.
// Prelude shapes (namespace smithy.api) are left out.
//
// A built model has its mixins flattened: each shape holds the members and
// traits it inherits. Write keeps them flattened and still lists "mixins":
// Smithy allows a shape to redefine an inherited member with the same target,
// and its own traits supersede inherited ones, so loading the output resolves
// the mixins to the same members, in the same order, with the same traits.
// Loading what Write returns thus builds a model equal to m.
//
// The only error is a trait or metadata value that is not a node value
// (nil, bool, json.Number, string, []any, map[string]any).
func Write(m *model.Model) ([]byte, error) {
	w := &writer{}
	w.open('{')
	w.key("smithy")
	w.str("2.0")
	if len(m.Metadata) > 0 {
		w.key("metadata")
		w.open('{')
		for _, k := range slices.Sorted(maps.Keys(m.Metadata)) {
			w.key(k)
			w.value(m.Metadata[k], "metadata "+strconv.Quote(k))
		}
		w.close('}')
	}
	w.key("shapes")
	w.open('{')
	for _, s := range m.Shapes() {
		if s.ID.IsPrelude() {
			continue
		}
		w.key(s.ID.String())
		w.shape(s)
	}
	w.close('}')
	w.close('}')
	w.buf = append(w.buf, '\n')
	if w.err != nil {
		return nil, w.err
	}
	return w.buf, nil
}

// writer writes indented JSON with keys in the order it is given them.
type writer struct {
	buf   []byte
	empty []bool // per open object or array: nothing written in it yet
	err   error  // the first error
}

func (w *writer) open(c byte) {
	w.buf = append(w.buf, c)
	w.empty = append(w.empty, true)
}

func (w *writer) close(c byte) {
	last := len(w.empty) - 1
	empty := w.empty[last]
	w.empty = w.empty[:last]
	if !empty {
		w.newline()
	}
	w.buf = append(w.buf, c)
}

// next starts an entry of the innermost object or array.
func (w *writer) next() {
	last := len(w.empty) - 1
	if !w.empty[last] {
		w.buf = append(w.buf, ',')
	}
	w.empty[last] = false
	w.newline()
}

func (w *writer) newline() {
	w.buf = append(w.buf, '\n')
	for range len(w.empty) {
		w.buf = append(w.buf, "  "...)
	}
}

func (w *writer) key(k string) {
	w.next()
	w.str(k)
	w.buf = append(w.buf, ": "...)
}

// str writes a JSON string. Invalid UTF-8 becomes U+FFFD.
func (w *writer) str(s string) {
	w.buf = append(w.buf, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				w.buf = append(w.buf, '\\', c)
			case c == '\n':
				w.buf = append(w.buf, `\n`...)
			case c == '\r':
				w.buf = append(w.buf, `\r`...)
			case c == '\t':
				w.buf = append(w.buf, `\t`...)
			case c < 0x20:
				w.buf = append(w.buf, `\u00`...)
				w.buf = append(w.buf, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xf])
			default:
				w.buf = append(w.buf, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		w.buf = utf8.AppendRune(w.buf, r) // RuneError for invalid bytes
		i += size
	}
	w.buf = append(w.buf, '"')
}

// value writes a node value; where names it in an error.
func (w *writer) value(v any, where string) {
	switch v := v.(type) {
	case nil:
		w.buf = append(w.buf, "null"...)
	case bool:
		w.buf = strconv.AppendBool(w.buf, v)
	case string:
		w.str(v)
	case json.Number:
		if n, _, err := jsonnode.Parse("", []byte(v)); err != nil || n.Kind != jsonnode.Number {
			w.fail(fmt.Errorf("%s: %q is not a JSON number", where, string(v)))
		}
		w.buf = append(w.buf, v...)
	case []any:
		w.open('[')
		for _, it := range v {
			w.next()
			w.value(it, where)
		}
		w.close(']')
	case map[string]any:
		w.open('{')
		for _, k := range slices.Sorted(maps.Keys(v)) {
			w.key(k)
			w.value(v[k], where)
		}
		w.close('}')
	default:
		w.fail(fmt.Errorf("%s: unsupported value of type %T", where, v))
		w.buf = append(w.buf, "null"...)
	}
}

func (w *writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// shape writes one shape definition. This is the writer's one switch on the shape type.
func (w *writer) shape(s *model.Shape) {
	w.open('{')
	w.key("type")
	typ := s.Type
	if typ == model.Set { // never in a built model; kept for models assembled by hand
		typ = model.List
	}
	w.str(string(typ))
	w.refList("mixins", s.Mixins)
	switch typ {
	case model.List, model.Map:
		for _, m := range s.Members {
			w.key(m.Name())
			w.member(m)
		}
	case model.Structure, model.Union, model.Enum, model.IntEnum:
		w.key("members")
		w.open('{')
		for _, m := range s.Members {
			w.key(m.Name())
			w.member(m)
		}
		w.close('}')
	case model.Operation:
		w.ref("input", s.Input)
		w.ref("output", s.Output)
		w.refList("errors", s.Errors)
	case model.Resource:
		w.namedTargets("identifiers", s.Identifiers)
		w.namedTargets("properties", s.Properties)
		w.ref("put", s.Put)
		w.ref("create", s.Create)
		w.ref("read", s.Read)
		w.ref("update", s.Update)
		w.ref("delete", s.Delete)
		w.ref("list", s.List)
		w.refList("operations", s.Operations)
		w.refList("collectionOperations", s.CollectionOperations)
		w.refList("resources", s.Resources)
	case model.Service:
		if s.Version != "" {
			w.key("version")
			w.str(s.Version)
		}
		w.refList("operations", s.Operations)
		w.refList("resources", s.Resources)
		w.refList("errors", s.Errors)
		if len(s.Rename) > 0 {
			w.key("rename")
			w.open('{')
			for _, from := range slices.SortedFunc(maps.Keys(s.Rename), model.ShapeID.Compare) {
				w.key(from.String())
				w.str(s.Rename[from])
			}
			w.close('}')
		}
	}
	w.traits(&s.Traits, s.ID)
	w.close('}')
}

// member writes an AST member: {"target": ..., "traits": {...}}.
func (w *writer) member(m *model.Member) {
	w.open('{')
	w.key("target")
	w.str(m.Target.String())
	w.traits(&m.Traits, m.ID)
	w.close('}')
}

func (w *writer) traits(t *model.Traits, owner model.ShapeID) {
	if t.Len() == 0 {
		return
	}
	w.key("traits")
	w.open('{')
	for _, tr := range t.All() { // sorted by ID
		w.key(tr.ID.String())
		w.value(tr.Value, owner.String()+": trait "+tr.ID.String())
	}
	w.close('}')
}

// reference writes an AST shape reference: {"target": "ns#Name"}.
func (w *writer) reference(id model.ShapeID) {
	w.open('{')
	w.key("target")
	w.str(id.String())
	w.close('}')
}

func (w *writer) ref(key string, id model.ShapeID) {
	if id.IsZero() {
		return
	}
	w.key(key)
	w.reference(id)
}

func (w *writer) refList(key string, ids []model.ShapeID) {
	if len(ids) == 0 {
		return
	}
	w.key(key)
	w.open('[')
	for _, id := range ids {
		w.next()
		w.reference(id)
	}
	w.close(']')
}

func (w *writer) namedTargets(key string, nts []model.NamedTarget) {
	if len(nts) == 0 {
		return
	}
	w.key(key)
	w.open('{')
	for _, nt := range nts {
		w.key(nt.Name)
		w.reference(nt.Target)
	}
	w.close('}')
}
