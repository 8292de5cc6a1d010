package astjson

import (
	"errors"
	"strconv"
	"strings"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/jsonnode"
)

// versions maps each accepted value of the top-level "smithy" property to
// whether the document is Smithy 1.0. These are the values Smithy's own
// loader accepts; json-ast.rst allows "a single number like "2" or ... a
// point release like "2.0"", and there is no Smithy 1.1.
var versions = map[string]bool{"1": true, "1.0": true, "2": false, "2.0": false}

// Load parses data, the content of the Smithy JSON AST document file, and adds
// its shapes, apply entries and metadata to b.
//
// Every problem is recorded on b with its file:line:col position and shape
// ID, so that Build reports it; Load goes on after an error wherever the rest
// of the document still makes sense, so that one run reports several errors.
// What the document refers to (targets, mixins, apply targets) and where
// traits may be placed is checked by Build, once every file is loaded.
//
// Properties the format does not define are ignored, as Smithy's own loader
// does (it only warns, and model.Builder has no warnings).
func Load(b *model.Builder, file string, data []byte) {
	root, doc, err := jsonnode.Parse(file, data)
	if err != nil {
		if me, ok := errors.AsType[*model.Error](err); ok {
			b.Error(me)
		} else {
			b.Errorf(model.Pos{File: file}, model.ShapeID{}, "%v", err)
		}
		return
	}
	l := &loader{b: b, doc: doc, defined: map[model.ShapeID]*model.Shape{}, ids: map[string]model.ShapeID{}}
	if !l.header(root) {
		return
	}
	if md := root.Get("metadata"); md != nil && l.expect(md, jsonnode.Object, model.ShapeID{}, `"metadata"`) {
		for _, f := range md.Fields {
			b.SetMetadata(f.Key, f.Value.Value(), doc.Pos(f.Value))
		}
	}
	if shapes := root.Get("shapes"); shapes != nil && l.expect(shapes, jsonnode.Object, model.ShapeID{}, `"shapes"`) {
		for _, f := range shapes.Fields {
			l.shape(f.Key, f.Value)
		}
	}
	if l.v1 {
		l.upgradeV1()
	}
	for _, s := range l.shapes {
		b.Add(s)
	}
}

// loader reads one document.
type loader struct {
	b   *model.Builder
	doc *jsonnode.Doc
	v1  bool // a Smithy 1.0 document

	// The shapes the document defines, in source order, and by ID. They are
	// added to the builder only once the whole document is read, because the
	// 1.0 upgrade changes them depending on the shapes they target.
	shapes  []*model.Shape
	defined map[model.ShapeID]*model.Shape

	ids map[string]model.ShapeID // shape IDs parsed so far: targets and trait IDs repeat a lot
}

func (l *loader) errorf(n *jsonnode.Node, id model.ShapeID, format string, args ...any) {
	l.b.Errorf(l.doc.Pos(n), id, format, args...)
}

// expect reports whether n is of kind k, recording an error if not.
func (l *loader) expect(n *jsonnode.Node, k jsonnode.Kind, id model.ShapeID, what string) bool {
	if err := l.doc.Expect(n, k, id, what); err != nil {
		l.b.Error(err)
		return false
	}
	return true
}

// header checks the document is an object with a supported "smithy" version.
func (l *loader) header(root *jsonnode.Node) bool {
	none := model.ShapeID{}
	if !l.expect(root, jsonnode.Object, none, "a Smithy JSON AST document") {
		return false
	}
	v := root.Get("smithy")
	if v == nil {
		l.errorf(root, none, `missing "smithy" version: add "smithy": "2.0"`)
		return false
	}
	if !l.expect(v, jsonnode.String, none, `"smithy" version`) {
		return false
	}
	v1, ok := versions[v.Str]
	if !ok {
		l.errorf(v, none, `unsupported Smithy version %q: want "2.0" (or "1.0")`, v.Str)
		return false
	}
	l.v1 = v1
	return true
}

// shape reads one entry of "shapes": a shape definition or an apply entry.
// This is the loader's one switch on the shape type.
func (l *loader) shape(key string, n *jsonnode.Node) {
	id, err := model.ParseShapeID(key)
	if err != nil {
		l.errorf(n, model.ShapeID{}, "%v", err)
		return
	}
	if !l.expect(n, jsonnode.Object, id, "a shape definition") {
		return
	}
	tn := n.Get("type")
	if tn == nil {
		l.errorf(n, id, `missing "type"`)
		return
	}
	if !l.expect(tn, jsonnode.String, id, `"type"`) {
		return
	}
	if id.IsPrelude() {
		// Smithy keeps the prelude immutable; Write relies on it to leave the prelude out.
		l.errorf(n, id, "the prelude namespace %s is reserved: define shapes and apply traits in your own namespace", model.PreludeNamespace)
		return
	}
	if tn.Str == "apply" {
		l.apply(id, n)
		return
	}
	if id.Member != "" {
		l.errorf(n, id, `a member is defined inside its shape; only an "apply" entry may name a member`)
		return
	}
	typ := model.ShapeType(tn.Str)
	if !typ.Known() {
		l.errorf(tn, id, "unknown shape type %q", tn.Str)
		return
	}
	s := &model.Shape{ID: id, Type: typ, Pos: l.doc.Pos(n)}
	setTraits(&s.Traits, l.traits(n, id))
	s.Mixins = l.refList(n, "mixins", id)
	switch typ {
	case model.List, model.Set:
		l.namedMember(s, n, "member")
	case model.Map:
		l.namedMember(s, n, "key")
		l.namedMember(s, n, "value")
	case model.Structure, model.Union, model.Enum, model.IntEnum:
		if ms := n.Get("members"); ms != nil && l.expect(ms, jsonnode.Object, id, `"members"`) {
			for _, f := range ms.Fields {
				if !model.ValidIdentifier(f.Key) {
					l.errorf(f.Value, id, "invalid member name %q: want an identifier (letters, digits and _, not starting with a digit)", f.Key)
					continue
				}
				l.member(s, f.Key, f.Value)
			}
		}
	case model.Operation:
		s.Input = l.refField(n, "input", id)
		s.Output = l.refField(n, "output", id)
		s.Errors = l.refList(n, "errors", id)
	case model.Service:
		if v := n.Get("version"); v != nil && l.expect(v, jsonnode.String, id, `"version"`) {
			s.Version = v.Str
		}
		s.Operations = l.refList(n, "operations", id)
		s.Resources = l.refList(n, "resources", id)
		s.Errors = l.refList(n, "errors", id)
		s.Rename = l.rename(n, id)
	case model.Resource:
		s.Identifiers = l.namedTargets(n, "identifiers", id)
		s.Properties = l.namedTargets(n, "properties", id)
		s.Create = l.refField(n, "create", id)
		s.Put = l.refField(n, "put", id)
		s.Read = l.refField(n, "read", id)
		s.Update = l.refField(n, "update", id)
		s.Delete = l.refField(n, "delete", id)
		s.List = l.refField(n, "list", id)
		s.Operations = l.refList(n, "operations", id)
		s.CollectionOperations = l.refList(n, "collectionOperations", id)
		s.Resources = l.refList(n, "resources", id)
	}
	l.shapes = append(l.shapes, s)
	l.defined[id] = s
}

// apply reads an apply entry: traits for a shape or member defined elsewhere.
func (l *loader) apply(id model.ShapeID, n *jsonnode.Node) {
	if n.Get("traits") == nil {
		l.errorf(n, id, `an "apply" entry needs "traits"`)
		return
	}
	for _, tr := range l.traits(n, id) {
		l.b.Apply(id, tr)
	}
}

// namedMember reads the member of a list ("member") or map ("key", "value").
// A missing one is reported by Build.
func (l *loader) namedMember(s *model.Shape, n *jsonnode.Node, name string) {
	if mn := n.Get(name); mn != nil {
		l.member(s, name, mn)
	}
}

// member reads an AST member and appends it to s. A member whose target
// cannot be read is left out, so that Build does not report it again.
func (l *loader) member(s *model.Shape, name string, n *jsonnode.Node) {
	id := s.ID.WithMember(name)
	if !l.expect(n, jsonnode.Object, id, "member "+strconv.Quote(name)) {
		return
	}
	m := &model.Member{ID: id, Pos: l.doc.Pos(n)}
	setTraits(&m.Traits, l.traits(n, id))
	tn := n.Get("target")
	if tn == nil {
		l.errorf(n, id, `member has no "target": want the absolute ID of the shape it targets, such as "smithy.api#String"`)
		return
	}
	target, ok := l.shapeID(tn, id, `"target"`)
	if !ok {
		return
	}
	m.Target = target
	s.Members = append(s.Members, m)
}

// traits reads the "traits" of a shape, member or apply entry, in source order.
func (l *loader) traits(n *jsonnode.Node, owner model.ShapeID) []*model.Trait {
	tn := n.Get("traits")
	if tn == nil || !l.expect(tn, jsonnode.Object, owner, `"traits"`) {
		return nil
	}
	out := make([]*model.Trait, 0, len(tn.Fields))
	for _, f := range tn.Fields {
		if id, ok := l.traitID(f.Key, f.Value, owner); ok {
			out = append(out, &model.Trait{ID: id, Value: f.Value.Value(), Pos: l.doc.Pos(f.Value)})
		}
	}
	return out
}

func setTraits(t *model.Traits, traits []*model.Trait) {
	for _, tr := range traits {
		t.Set(tr)
	}
}

// parse parses an absolute shape ID, remembering the result.
func (l *loader) parse(s string) (model.ShapeID, error) {
	if id, ok := l.ids[s]; ok {
		return id, nil
	}
	id, err := model.ParseShapeID(s)
	if err == nil {
		l.ids[s] = id
	}
	return id, err
}

// traitID parses the key of a trait, n being its value.
func (l *loader) traitID(key string, n *jsonnode.Node, owner model.ShapeID) (model.ShapeID, bool) {
	id, err := l.parse(key)
	switch {
	case err != nil && !strings.Contains(key, "#") && model.ValidIdentifier(key):
		// json-ast.rst: "All shape IDs in the JSON AST MUST be absolute shape
		// IDs", trait IDs included, in 1.0 documents as in 2.0 ones (Smithy's
		// loader rejects relative ones too). Suggest the prelude trait.
		l.errorf(n, owner, "trait %q must be an absolute shape ID: did you mean %q?", key, model.Prelude(key).String())
	case err != nil:
		l.errorf(n, owner, "invalid trait ID: %v", err)
	case id.Member != "":
		l.errorf(n, owner, "invalid trait ID %q: a trait is a shape, not a member", key)
	case l.v1 && id == model.TraitDefault:
		l.errorf(n, owner, "the @default trait can only be used in Smithy 2.0 or later")
	case !l.v1 && id == model.TraitBox:
		l.errorf(n, owner, "the @box trait is not supported in Smithy 2.0: a member without @default is already optional")
	default:
		return id, true
	}
	return model.ShapeID{}, false
}

// shapeID reads n, a string holding the absolute ID of a shape (not a member).
func (l *loader) shapeID(n *jsonnode.Node, owner model.ShapeID, what string) (model.ShapeID, bool) {
	if !l.expect(n, jsonnode.String, owner, what) {
		return model.ShapeID{}, false
	}
	return l.parseShapeID(n.Str, n, owner, what)
}

// parseShapeID parses s, the absolute ID of a shape (not a member) read from n.
func (l *loader) parseShapeID(s string, n *jsonnode.Node, owner model.ShapeID, what string) (model.ShapeID, bool) {
	id, err := l.parse(s)
	if err != nil {
		l.errorf(n, owner, "%s: %v", what, err)
		return model.ShapeID{}, false
	}
	if id.Member != "" {
		l.errorf(n, owner, "%s: %q names a member, want a shape", what, s)
		return model.ShapeID{}, false
	}
	return id, true
}

// ref reads an AST shape reference: {"target": "ns#Name"}.
func (l *loader) ref(n *jsonnode.Node, owner model.ShapeID, what string) (model.ShapeID, bool) {
	if !l.expect(n, jsonnode.Object, owner, what) {
		return model.ShapeID{}, false
	}
	tn := n.Get("target")
	if tn == nil {
		l.errorf(n, owner, `%s has no "target"`, what)
		return model.ShapeID{}, false
	}
	return l.shapeID(tn, owner, what+` "target"`)
}

// refField reads the shape reference under key, or returns the zero ID when it is absent or broken.
func (l *loader) refField(n *jsonnode.Node, key string, owner model.ShapeID) model.ShapeID {
	rn := n.Get(key)
	if rn == nil {
		return model.ShapeID{}
	}
	id, _ := l.ref(rn, owner, strconv.Quote(key))
	return id
}

// refList reads the array of shape references under key.
func (l *loader) refList(n *jsonnode.Node, key string, owner model.ShapeID) []model.ShapeID {
	ln := n.Get(key)
	if ln == nil || !l.expect(ln, jsonnode.Array, owner, strconv.Quote(key)) {
		return nil
	}
	var out []model.ShapeID
	for _, it := range ln.Items {
		if id, ok := l.ref(it, owner, "an entry of "+strconv.Quote(key)); ok {
			out = append(out, id)
		}
	}
	return out
}

// namedTargets reads resource identifiers or properties: names mapped to shape references.
func (l *loader) namedTargets(n *jsonnode.Node, key string, owner model.ShapeID) []model.NamedTarget {
	on := n.Get(key)
	if on == nil || !l.expect(on, jsonnode.Object, owner, strconv.Quote(key)) {
		return nil
	}
	var out []model.NamedTarget
	for _, f := range on.Fields {
		if id, ok := l.ref(f.Value, owner, strconv.Quote(key)+" entry "+strconv.Quote(f.Key)); ok {
			out = append(out, model.NamedTarget{Name: f.Key, Target: id})
		}
	}
	return out
}

// rename reads a service's "rename": shape IDs mapped to new names.
func (l *loader) rename(n *jsonnode.Node, owner model.ShapeID) map[model.ShapeID]string {
	rn := n.Get("rename")
	if rn == nil || !l.expect(rn, jsonnode.Object, owner, `"rename"`) {
		return nil
	}
	out := make(map[model.ShapeID]string, len(rn.Fields))
	for _, f := range rn.Fields {
		from, ok := l.parseShapeID(f.Key, f.Value, owner, `"rename" key`)
		if ok && l.expect(f.Value, jsonnode.String, owner, `"rename" of `+f.Key) {
			out[from] = f.Value.Str
		}
	}
	return out
}
