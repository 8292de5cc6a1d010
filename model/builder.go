package model

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
)

// Builder assembles shapes from one or more loaded files into a Model.
// Loaders call Add, Apply, SetMetadata and Errorf; Build then adds the prelude,
// resolves mixins and apply statements, and validates the result.
type Builder struct {
	shapes   map[ShapeID]*Shape
	applies  []*applyStmt
	metadata map[string]any
	metaPos  map[string]Pos
	errs     ErrorList
	built    bool
}

type applyStmt struct {
	target ShapeID
	trait  *Trait
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{shapes: map[ShapeID]*Shape{}, metadata: map[string]any{}, metaPos: map[string]Pos{}}
}

// Errorf records an error; Build fails if any were recorded.
func (b *Builder) Errorf(pos Pos, shape ShapeID, format string, args ...any) {
	b.errs = append(b.errs, Errorf(pos, shape, format, args...))
}

// Error records an already built error.
func (b *Builder) Error(e *Error) { b.errs = append(b.errs, e) }

// Add adds a shape. Adding a second shape with the same ID is an error unless
// both are identical (the same shape loaded twice from two files).
func (b *Builder) Add(s *Shape) {
	if prev, ok := b.shapes[s.ID]; ok {
		if !sameShape(prev, s) {
			b.Errorf(s.Pos, s.ID, "duplicate shape ID, first defined at %s", prev.Pos)
		}
		return
	}
	b.shapes[s.ID] = s
}

// Shape returns a shape added so far, or nil.
func (b *Builder) Shape(id ShapeID) *Shape { return b.shapes[id] }

// Apply records an apply statement: trait is applied to target (a shape or member ID) during Build.
func (b *Builder) Apply(target ShapeID, trait *Trait) {
	b.applies = append(b.applies, &applyStmt{target: target, trait: trait})
}

// SetMetadata records a metadata key. Arrays under the same key from several files
// are concatenated; any other conflicting value is an error (Smithy spec, "Merging metadata").
func (b *Builder) SetMetadata(key string, value any, pos Pos) {
	prev, ok := b.metadata[key]
	if !ok {
		b.metadata[key] = value
		b.metaPos[key] = pos
		return
	}
	pa, aok := prev.([]any)
	va, bok := value.([]any)
	switch {
	case aok && bok:
		b.metadata[key] = append(slices.Clone(pa), va...)
	case reflect.DeepEqual(prev, value):
	default:
		b.Errorf(pos, ShapeID{}, "metadata key %q conflicts with the value set at %s", key, b.metaPos[key])
	}
}

// Build assembles and validates the model. On failure it returns an ErrorList.
func (b *Builder) Build() (*Model, error) {
	if b.built {
		return nil, fmt.Errorf("model.Builder.Build called twice: a Builder assembles one model")
	}
	b.built = true
	for _, p := range preludeShapes() {
		if _, ok := b.shapes[p.ID]; !ok {
			b.shapes[p.ID] = p
		}
	}
	// Apply statements whose target exists before mixins are resolved go first,
	// so traits applied to a mixin are inherited; the rest (members that only
	// exist through a mixin) are applied after.
	var later []*applyStmt
	for _, a := range b.applies {
		if !b.applyTrait(a, false) {
			later = append(later, a)
		}
	}
	b.resolveMixins()
	for _, a := range later {
		b.applyTrait(a, true)
	}
	for _, s := range b.shapes {
		normalize(s)
	}
	m := &Model{Metadata: b.metadata, shapes: b.shapes}
	m.sorted = slices.SortedFunc(maps.Values(b.shapes), func(a, c *Shape) int { return a.ID.Compare(c.ID) })
	b.errs = append(b.errs, validate(m)...)
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

func (b *Builder) applyTrait(a *applyStmt, final bool) bool {
	s := b.shapes[a.target.Root()]
	if s == nil {
		if final {
			b.Errorf(a.trait.Pos, a.target, "apply targets a shape that is not defined")
		}
		return false
	}
	traits := &s.Traits
	if a.target.Member != "" {
		m := s.Member(a.target.Member)
		if m == nil {
			if final {
				b.Errorf(a.trait.Pos, a.target, "apply targets a member that is not defined")
			}
			return false
		}
		traits = &m.Traits
	}
	mergeTrait(b, traits, a.trait, a.target)
	return true
}

// mergeTrait sets tr on traits; a second application of a list trait concatenates,
// of an equal value is a no-op, and of a different value is a conflict.
func mergeTrait(b *Builder, traits *Traits, tr *Trait, target ShapeID) {
	prev, ok := traits.Get(tr.ID)
	if !ok {
		traits.Set(tr)
		return
	}
	pl, aok := prev.Value.([]any)
	tl, bok := tr.Value.([]any)
	switch {
	case aok && bok:
		traits.Set(&Trait{ID: tr.ID, Value: append(slices.Clone(pl), tl...), Pos: tr.Pos})
	case reflect.DeepEqual(prev.Value, tr.Value):
	default:
		b.Errorf(tr.Pos, target, "conflicting values for trait %s (also applied at %s)", tr.ID, prev.Pos)
	}
}

// resolveMixins flattens mixins: each shape gets its mixins' members (first, in
// mixin order) and traits (except @mixin), its own definitions winning.
func (b *Builder) resolveMixins() {
	const (
		unvisited = iota
		visiting
		done
	)
	state := map[ShapeID]int{}
	var visit func(s *Shape, path []ShapeID)
	visit = func(s *Shape, path []ShapeID) {
		switch state[s.ID] {
		case done:
			return
		case visiting:
			b.Errorf(s.Pos, s.ID, "mixin cycle: %v", append(path, s.ID))
			return
		}
		state[s.ID] = visiting
		var members []*Member
		var traits Traits
		var inheritedErrors, inheritedOps, inheritedRes []ShapeID
		for _, mid := range s.Mixins {
			mx := b.shapes[mid]
			if mx == nil {
				b.Errorf(s.Pos, s.ID, "mixin %s is not defined", mid)
				continue
			}
			if !mx.Traits.Mixin() {
				b.Errorf(s.Pos, s.ID, "%s is used as a mixin but is not marked @mixin", mid)
				continue
			}
			if mx.Type != s.Type {
				b.Errorf(s.Pos, s.ID, "a %s cannot use the %s mixin %s", s.Type, mx.Type, mid)
				continue
			}
			visit(mx, append(path, s.ID))
			local := localTraits(mx)
			for _, tr := range mx.Traits.All() {
				if tr.ID != TraitMixin && !local[tr.ID] {
					traits.Set(tr)
				}
			}
			for _, mm := range mx.Members {
				cp := &Member{ID: s.ID.WithMember(mm.ID.Member), Target: mm.Target, Traits: mm.Traits.Clone(), Pos: mm.Pos}
				if i := slices.IndexFunc(members, func(x *Member) bool { return x.ID.Member == cp.ID.Member }); i >= 0 {
					if members[i].Target != cp.Target {
						b.Errorf(s.Pos, s.ID, "member %q is inherited from two mixins with different targets", cp.ID.Member)
					}
					for _, tr := range cp.Traits.All() {
						members[i].Traits.Set(tr)
					}
					continue
				}
				members = append(members, cp)
			}
			if s.Type == Operation {
				if s.Input.IsZero() {
					s.Input = mx.Input
				}
				if s.Output.IsZero() {
					s.Output = mx.Output
				}
				inheritedErrors = appendUnique(inheritedErrors, mx.Errors...)
			}
			if s.Type == Service || s.Type == Resource {
				inheritedOps = appendUnique(inheritedOps, mx.Operations...)
				inheritedRes = appendUnique(inheritedRes, mx.Resources...)
				inheritedErrors = appendUnique(inheritedErrors, mx.Errors...)
			}
		}
		// Inherited relationships come first, in mixin order, then the shape's own.
		if len(s.Mixins) > 0 {
			s.Errors = appendUnique(inheritedErrors, s.Errors...)
			if s.Type == Service || s.Type == Resource {
				s.Operations = appendUnique(inheritedOps, s.Operations...)
				s.Resources = appendUnique(inheritedRes, s.Resources...)
			}
		}
		if len(s.Mixins) > 0 {
			for _, own := range s.Members {
				if i := slices.IndexFunc(members, func(x *Member) bool { return x.ID.Member == own.ID.Member }); i >= 0 {
					inherited := members[i]
					if own.Target != inherited.Target && !own.Target.IsZero() {
						b.Errorf(own.Pos, own.ID, "member redefines the target of the member it inherits from a mixin (%s, not %s)", own.Target, inherited.Target)
					}
					for _, tr := range own.Traits.All() {
						inherited.Traits.Set(tr)
					}
					inherited.Pos = own.Pos
					continue
				}
				members = append(members, own)
			}
			s.Members = members
			for _, tr := range s.Traits.All() {
				traits.Set(tr)
			}
			s.Traits = traits
		}
		state[s.ID] = done
	}
	for _, id := range slices.SortedFunc(maps.Keys(b.shapes), ShapeID.Compare) {
		visit(b.shapes[id], nil)
	}
}

func appendUnique(base []ShapeID, more ...ShapeID) []ShapeID {
	out := slices.Clone(base)
	for _, id := range more {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// normalize settles Smithy 1.0 forms: a set is a list with @uniqueItems, and an
// enum member without @enumValue has its name as its value.
func normalize(s *Shape) {
	if s.Type == Set {
		s.Type = List
		if !s.Traits.UniqueItems() {
			s.Traits.Set(&Trait{ID: TraitUniqueItems, Value: map[string]any{}, Pos: s.Pos})
		}
	}
	if s.Type == Enum {
		for _, m := range s.Members {
			if m.Target.IsZero() {
				m.Target = UnitID
			}
			if _, ok := m.Traits.EnumValue(); !ok {
				m.Traits.Set(&Trait{ID: TraitEnumValue, Value: m.ID.Member, Pos: m.Pos})
			}
		}
	}
	if s.Type == IntEnum {
		for _, m := range s.Members {
			if m.Target.IsZero() {
				m.Target = UnitID
			}
		}
	}
}

func sameShape(a, b *Shape) bool {
	if a.Type != b.Type || len(a.Members) != len(b.Members) {
		return false
	}
	x, y := *a, *b
	x.Pos, y.Pos = Pos{}, Pos{}
	x.Members, y.Members = nil, nil
	x.Traits, y.Traits = stripPos(a.Traits), stripPos(b.Traits)
	if !reflect.DeepEqual(x, y) {
		return false
	}
	for i := range a.Members {
		ma, mb := *a.Members[i], *b.Members[i]
		ma.Pos, mb.Pos = Pos{}, Pos{}
		ma.Traits, mb.Traits = stripPos(ma.Traits), stripPos(mb.Traits)
		if !reflect.DeepEqual(ma, mb) {
			return false
		}
	}
	return true
}

func stripPos(t Traits) Traits {
	c := t.Clone()
	for _, tr := range c.m {
		tr.Pos = Pos{}
	}
	return c
}

// localTraits returns the traits a mixin keeps to itself: @mixin(localTraits: [...]).
func localTraits(mx *Shape) map[ShapeID]bool {
	tr, ok := mx.Traits.Get(TraitMixin)
	if !ok {
		return nil
	}
	o, _ := tr.Value.(map[string]any)
	list, _ := o["localTraits"].([]any)
	out := map[ShapeID]bool{}
	for _, v := range list {
		if s, ok := v.(string); ok {
			if id, err := ParseShapeID(s); err == nil {
				out[id] = true
			}
		}
	}
	return out
}
