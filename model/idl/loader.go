package idl

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"github.com/smithygen/smithygen/model"
)

// Loader parses IDL files and, in Finish, adds what they define to a Builder.
// Errors (syntax, resolution, duplicates) are recorded on the Builder, so that
// Build reports them with every other model error.
type Loader struct {
	b       *model.Builder
	done    batch
	defined map[model.ShapeID]*shapeDef
}

// NewLoader returns a Loader that adds to b.
func NewLoader(b *model.Builder) *Loader {
	return &Loader{b: b, defined: map[model.ShapeID]*shapeDef{}}
}

// Load parses one file in the context of a single file: it is NewLoader(b),
// Load and Finish. To load files that refer to each other, use LoadFiles or a
// Loader.
func Load(b *model.Builder, file string, data []byte) {
	l := NewLoader(b)
	l.Load(file, data)
	l.Finish()
}

// LoadFiles loads several files (in the order of their names) into one model.
func LoadFiles(b *model.Builder, files map[string][]byte) {
	l := NewLoader(b)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		l.Load(name, files[name])
	}
	l.Finish()
}

// batch holds what the parser found: the statements of one file are committed
// to the Loader one by one, so a syntax error drops only the broken statement.
type batch struct {
	shapes  []*shapeDef
	refs    []*ref
	traits  []*traitApp
	applies []*applyStmt
	meta    []*metaStmt
}

func (b *batch) add(o *batch) {
	b.shapes = append(b.shapes, o.shapes...)
	b.refs = append(b.refs, o.refs...)
	b.traits = append(b.traits, o.traits...)
	b.applies = append(b.applies, o.applies...)
	b.meta = append(b.meta, o.meta...)
}

// file is the parsing context of one file: its namespace, use statements and
// control statements.
type file struct {
	name         string
	v1           bool
	namespace    string
	uses         map[string]useStmt
	inputSuffix  string
	outputSuffix string
}

type useStmt struct {
	id  model.ShapeID
	pos model.Pos
}

// shapeDef is a shape defined in an IDL file.
type shapeDef struct {
	shape *model.Shape
	file  *file
	// private records a @private trait (written as such), which keeps a
	// prelude shape from being referred to by a relative ID.
	private bool
	// forResource is the resource of "structure X for Resource"; forPos its position.
	forResource model.ShapeID
	forPos      model.Pos
	// elided are the members written "$name", whose target comes from the
	// resource or a mixin.
	elided []*model.Member
}

// ref is a shape ID as written, resolved in Finish and handed to set.
type ref struct {
	file *file
	text string
	set  func(model.ShapeID)
}

// traitApp is one trait application: on a shape or member (traits != nil),
// or in an apply statement.
type traitApp struct {
	file  *file
	text  string        // the trait ID as written; empty when id is fixed
	id    model.ShapeID // resolved (or fixed, for syntactic sugar)
	value *node         // nil when omitted
	pos   model.Pos
	// traits receives the trait; owner is the ID of the shape or member it is on.
	traits *model.Traits
	owner  model.ShapeID
	trait  *model.Trait // the result, nil if the trait could not be resolved
}

type applyStmt struct {
	target model.ShapeID
	traits []*traitApp
}

type metaStmt struct {
	file  *file
	key   string
	value *node
	pos   model.Pos
}

// Load parses one file. What it defines is added to the Builder by Finish.
func (l *Loader) Load(name string, data []byte) {
	f := &file{name: name, uses: map[string]useStmt{}, inputSuffix: "Input", outputSuffix: "Output"}
	p := &parser{l: l, f: f, toks: lex(data), lines: newLines(data)}
	p.parseFile()
}

// commit registers the shapes, references and traits of one parsed statement.
func (l *Loader) commit(c *batch) {
	for _, d := range c.shapes {
		if prev := l.defined[d.shape.ID]; prev != nil {
			if prev.file == d.file {
				l.b.Errorf(d.shape.Pos, d.shape.ID, "duplicate shape ID, first defined at %s", prev.shape.Pos)
				continue
			}
		} else {
			l.defined[d.shape.ID] = d
		}
		l.done.shapes = append(l.done.shapes, d)
	}
	c.shapes = nil
	l.done.add(c)
}

// Finish resolves the shape IDs of every loaded file, then adds the shapes,
// apply statements and metadata to the Builder. The Loader is empty again
// afterwards.
func (l *Loader) Finish() {
	d := &l.done
	for _, r := range d.refs {
		id, _ := l.resolve(r.file, r.text)
		r.set(id)
	}
	l.resolveTraits()
	for _, sd := range d.shapes {
		l.resolveElided(sd)
	}
	l.upgradeV1(d.shapes)
	for _, sd := range d.shapes {
		l.b.Add(sd.shape)
	}
	for _, a := range d.applies {
		for _, t := range a.traits {
			if t.trait != nil {
				l.b.Apply(a.target, t.trait)
			}
		}
	}
	for _, m := range d.meta {
		l.b.SetMetadata(m.key, l.value(m.file, m.value), m.pos)
	}
	l.done = batch{}
	l.defined = map[model.ShapeID]*shapeDef{}
}

// resolveTraits resolves trait IDs and values, checks that each names a
// trait, and sets the traits of definitions on their shape or member.
func (l *Loader) resolveTraits() {
	d := &l.done
	all := slices.Clone(d.traits)
	for _, a := range d.applies {
		for _, t := range a.traits {
			t.owner = a.target
		}
		all = append(all, a.traits...)
	}
	traitShapes := map[model.ShapeID]bool{} // shapes of the loaded files with @trait
	for _, t := range all {
		if t.text != "" {
			t.id, _ = l.resolve(t.file, t.text)
		}
		if t.id == model.TraitTrait {
			traitShapes[t.owner] = true
		}
	}
	for _, t := range all {
		if t.text != "" && !l.isTrait(t.id, traitShapes) && !l.external(t) {
			l.b.Error(l.unknownTrait(t))
			continue
		}
		v := l.omittedValue(t.id)
		if t.value != nil {
			v = l.value(t.file, t.value)
		}
		t.trait = &model.Trait{ID: t.id, Value: v, Pos: t.pos}
	}
	for _, t := range d.traits {
		switch {
		case t.trait == nil:
		case t.traits.Has(t.id):
			// Applied twice in one definition: the Builder settles it like
			// an apply statement (lists concatenate, equal values merge).
			l.b.Apply(t.owner, t.trait)
		default:
			t.traits.Set(t.trait)
		}
	}
}

// lookup returns a shape defined in a loaded file or added to the Builder, or nil.
func (l *Loader) lookup(id model.ShapeID) (*model.Shape, *shapeDef) {
	if d := l.defined[id]; d != nil {
		return d.shape, d
	}
	return l.b.Shape(id), nil
}

// known reports whether a shape is defined in a loaded file, in the Builder,
// or publicly in the prelude.
func (l *Loader) known(id model.ShapeID) bool {
	if s, _ := l.lookup(id); s != nil {
		return true
	}
	return id.Namespace == model.PreludeNamespace && (preludeShapes[id.Name] || preludeTraits[id.Name] != "")
}

// preludePublic reports whether the prelude defines a public shape named name.
func (l *Loader) preludePublic(name string) bool {
	if preludeShapes[name] || preludeTraits[name] != "" {
		return true
	}
	s, d := l.lookup(model.Prelude(name))
	switch {
	case d != nil:
		return !d.private
	case s != nil:
		return !s.Traits.Has(traitPrivate)
	}
	return false
}

// resolve turns a shape ID as written in f into an absolute one (Smithy IDL
// spec, "Relative shape ID resolution"): an imported name, then a shape of the
// file's namespace, then a public prelude shape. A name none of these define
// is taken to be in the file's namespace, and found is false.
func (l *Loader) resolve(f *file, text string) (id model.ShapeID, found bool) {
	if strings.Contains(text, "#") {
		id, err := model.ParseShapeID(text)
		if err != nil {
			return model.ShapeID{}, false
		}
		return id, l.known(id.Root())
	}
	name, member, _ := strings.Cut(text, "$")
	if u, ok := f.uses[name]; ok {
		return u.id.WithMember(member), true
	}
	local := model.ShapeID{Namespace: f.namespace, Name: name, Member: member}
	if f.namespace != "" && l.known(local.Root()) {
		return local, true
	}
	if l.preludePublic(name) {
		return model.Prelude(name).WithMember(member), true
	}
	return local, false
}

// isTrait reports whether id names a trait: a prelude trait, or a shape with
// @trait (traitShapes holds those defined in the loaded files).
func (l *Loader) isTrait(id model.ShapeID, traitShapes map[model.ShapeID]bool) bool {
	if id.Member != "" {
		return false
	}
	if id.Namespace == model.PreludeNamespace && preludeTraits[id.Name] != "" || traitShapes[id] {
		return true
	}
	s := l.b.Shape(id)
	return s != nil && s.Traits.Has(model.TraitTrait)
}

// external reports whether t names, explicitly (with use or an absolute ID),
// a trait whose definition is not loaded, like aws.protocols#restJson1 when
// the AWS trait models are not given. Such a trait is kept with its value
// unchecked, as the JSON AST loader keeps any trait; a name that resolves
// to a loaded shape without @trait is still an error.
func (l *Loader) external(t *traitApp) bool {
	if l.known(t.id.Root()) || t.id.Member != "" {
		return false
	}
	if strings.Contains(t.text, "#") {
		return true
	}
	_, used := t.file.uses[t.text]
	return used
}

func (l *Loader) unknownTrait(t *traitApp) *model.Error {
	if l.known(t.id.Root()) {
		return model.Errorf(t.pos, t.owner, "%s is not a trait: its definition has no @trait", t.id)
	}
	if strings.Contains(t.text, "#") {
		return model.Errorf(t.pos, t.owner, "unknown trait @%s: load the model that defines it", t.text)
	}
	return model.Errorf(t.pos, t.owner, "unknown trait @%s: no trait of that name is imported with use, defined in namespace %s, or in the prelude",
		t.text, t.file.namespace)
}

// omittedValue is the value of a trait applied without one (Smithy IDL spec,
// "Omitted trait values"): {} for structures and maps, [] for lists, else null.
func (l *Loader) omittedValue(id model.ShapeID) any {
	typ := model.Structure
	if s, _ := l.lookup(id); s != nil {
		typ = s.Type
	} else if id.Namespace == model.PreludeNamespace && preludeTraits[id.Name] != "" {
		typ = preludeTraits[id.Name]
	}
	switch typ {
	case model.Structure, model.Map:
		return map[string]any{}
	case model.List, model.Set:
		return []any{}
	}
	return nil
}

// value turns a node into a plain value. An unquoted string is a shape ID:
// it becomes the absolute ID when it resolves to a shape, and stays as
// written otherwise.
func (l *Loader) value(f *file, n *node) any {
	switch n.kind {
	case nBool:
		return n.b
	case nNumber:
		return json.Number(n.str)
	case nString:
		return n.str
	case nShapeID:
		if id, found := l.resolve(f, n.str); found {
			return id.String()
		}
		return n.str
	case nArray:
		out := make([]any, len(n.items))
		for i, it := range n.items {
			out[i] = l.value(f, it)
		}
		return out
	case nObject:
		out := make(map[string]any, len(n.fields))
		for _, fl := range n.fields {
			out[fl.key] = l.value(f, fl.value)
		}
		return out
	}
	return nil
}

// resolveElided sets the target of members written "$name": the identifier
// or property of the shape's resource ("for"), else the member of the same
// name of a mixin (Smithy IDL spec, "Target Elision").
func (l *Loader) resolveElided(d *shapeDef) {
	if !d.forResource.IsZero() {
		if s, _ := l.lookup(d.forResource); s == nil || s.Type != model.Resource {
			what := "is not defined"
			if s != nil {
				what = "is a " + string(s.Type)
			}
			l.b.Errorf(d.forPos, d.shape.ID, "%s %s; \"for\" needs a resource", d.forResource, what)
		}
	}
	for _, m := range d.elided {
		if !m.Target.IsZero() {
			continue
		}
		t, incomplete := l.findMember(d.shape.ID, m.ID.Member, map[model.ShapeID]bool{})
		switch {
		case !t.IsZero():
			m.Target = t
		case !incomplete:
			l.b.Errorf(m.Pos, m.ID, "cannot elide the target of $%s: no resource identifier or property, and no mixin member, is named %q",
				m.ID.Member, m.ID.Member)
			// Dropped, so that the Builder does not report a member without target too.
			d.shape.Members = slices.DeleteFunc(d.shape.Members, func(x *model.Member) bool { return x == m })
		}
	}
}

// findMember returns the target that shape id gives member name: its own
// explicit one, its resource's identifier or property, or its mixins'.
// incomplete reports a shape on the way that is not defined (an error the
// Builder reports).
func (l *Loader) findMember(id model.ShapeID, name string, seen map[model.ShapeID]bool) (target model.ShapeID, incomplete bool) {
	if seen[id] {
		return model.ShapeID{}, false
	}
	seen[id] = true
	s, d := l.lookup(id)
	if s == nil {
		return model.ShapeID{}, true
	}
	if m := s.Member(name); m != nil && !m.Target.IsZero() {
		return m.Target, false
	}
	if d != nil && !d.forResource.IsZero() {
		if r, _ := l.lookup(d.forResource); r != nil && r.Type == model.Resource {
			for _, nt := range append(slices.Clone(r.Identifiers), r.Properties...) {
				if nt.Name == name {
					return nt.Target, false
				}
			}
		}
	}
	for _, mx := range s.Mixins {
		t, inc := l.findMember(mx, name, seen)
		if !t.IsZero() {
			return t, false
		}
		incomplete = incomplete || inc
	}
	return model.ShapeID{}, incomplete
}

// upgradeV1 gives the shapes of IDL 1.0 files their 2.0 meaning. In 1.0,
// boolean and number shapes without @box were "primitive", with a zero value
// as default, and so were structure members targeting them unless the member
// had @box. In 2.0 the default is explicit: such shapes and members get a
// @default, and a boxed member of a shape with a default gets @default(null).
// A streaming blob bound to the payload gets @default("") (as smithy-java's
// upgrader does); sets were already turned into lists with @uniqueItems.
func (l *Loader) upgradeV1(shapes []*shapeDef) {
	for _, d := range shapes {
		s := d.shape
		if d.file.v1 && zeroValue[s.Type] != nil && !s.Traits.Has(model.TraitBox) && !s.Traits.Has(model.TraitDefault) && !s.ID.IsPrelude() {
			s.Traits.Set(&model.Trait{ID: model.TraitDefault, Value: zeroValue[s.Type], Pos: s.Pos})
		}
	}
	for _, d := range shapes {
		if !d.file.v1 || d.shape.Type != model.Structure {
			continue
		}
		for _, m := range d.shape.Members {
			if m.Traits.Has(model.TraitDefault) {
				continue
			}
			def, hasDef := l.defaultOf(m.Target)
			var v any
			switch {
			case m.Traits.Has(model.TraitBox):
				if !hasDef || def == nil {
					continue
				}
			case hasDef:
				v = def
			case m.Traits.HTTPPayload() && !m.Traits.Required() && l.isStreamingBlob(m.Target):
				v = ""
			default:
				continue
			}
			m.Traits.Set(&model.Trait{ID: model.TraitDefault, Value: v, Pos: m.Pos})
		}
	}
}

// zeroValue is the implicit default of IDL 1.0 primitive shapes, by type.
var zeroValue = map[model.ShapeType]any{
	model.Boolean: false, model.Byte: json.Number("0"), model.Short: json.Number("0"), model.Integer: json.Number("0"),
	model.Long: json.Number("0"), model.Float: json.Number("0"), model.Double: json.Number("0"),
}

// defaultOf returns the @default of a shape (the prelude's primitive shapes
// included, before the Builder adds them).
func (l *Loader) defaultOf(id model.ShapeID) (any, bool) {
	if s, _ := l.lookup(id); s != nil {
		return s.Traits.Default()
	}
	if id.IsPrelude() && strings.HasPrefix(id.Name, "Primitive") && preludeShapes[id.Name] {
		return zeroValue[model.ShapeType(strings.ToLower(strings.TrimPrefix(id.Name, "Primitive")))], true
	}
	return nil, false
}

func (l *Loader) isStreamingBlob(id model.ShapeID) bool {
	s, _ := l.lookup(id)
	return s != nil && s.Type == model.Blob && s.Traits.Streaming()
}
