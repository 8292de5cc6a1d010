package modeldiff

import (
	"fmt"
	"maps"
	"slices"

	"github.com/smithygen/smithygen/generator"
	"github.com/smithygen/smithygen/model"
)

// side is one version of the service: its model, closure, directions and IR.
type side struct {
	label string // "old" or "new", for notes
	m     *model.Model
	svc   *model.Shape
	ops   []*model.Shape // every operation of the service and its resources, sorted by ID

	closure map[model.ShapeID]bool // shapes reachable from the service (Unit excluded)
	ids     []model.ShapeID        // closure, sorted
	byName  map[string][]model.ShapeID

	input  map[model.ShapeID]bool // reachable from an operation input
	output map[model.ShapeID]bool // reachable from an operation output or error
	opIO   map[model.ShapeID]bool // the input or output of some operation

	ir    *generator.Package // nil when the IR cannot be built
	irErr error

	sigs map[model.ShapeID]string // memoized wire signatures
}

func newSide(label string, m *model.Model, svc *model.Shape) *side {
	s := &side{label: label, m: m, svc: svc, closure: map[model.ShapeID]bool{}, byName: map[string][]model.ShapeID{},
		input: map[model.ShapeID]bool{}, output: map[model.ShapeID]bool{}, opIO: map[model.ShapeID]bool{}}
	s.ops = operations(m, svc)
	s.add(svc.ID, nil)
	for _, r := range svc.Resources {
		s.addResource(r)
	}
	for _, op := range s.ops {
		s.add(op.ID, nil)
		s.add(op.Input, s.input)
		s.add(op.Output, s.output)
		for _, e := range op.Errors {
			s.add(e, s.output)
		}
		for _, id := range []model.ShapeID{op.Input, op.Output} {
			if !id.IsZero() && id != model.UnitID {
				s.opIO[id] = true
			}
		}
	}
	for _, e := range svc.Errors {
		s.add(e, s.output)
	}
	delete(s.closure, model.UnitID)
	s.ids = slices.SortedFunc(maps.Keys(s.closure), model.ShapeID.Compare)
	for _, id := range s.ids {
		s.byName[id.Name] = append(s.byName[id.Name], id)
	}
	s.ir, s.irErr = buildIR(m, svc)
	return s
}

// buildIR builds the generator's IR of the service. A panic in the generator
// (a bug there) becomes an error, so that the wire pass still reports.
func buildIR(m *model.Model, svc *model.Shape) (ir *generator.Package, err error) {
	defer func() {
		if r := recover(); r != nil {
			ir, err = nil, fmt.Errorf("the generator's IR builder panicked (a generator bug): %v", r)
		}
	}()
	return generator.BuildIR(m, svc, generator.Options{})
}

// add puts id and every shape its members reach into the closure, marking
// them in dir (input or output) when dir is not nil.
func (s *side) add(id model.ShapeID, dir map[model.ShapeID]bool) {
	if id.IsZero() {
		return
	}
	if s.closure[id] && (dir == nil || dir[id]) {
		return
	}
	sh := s.m.Shape(id)
	if sh == nil {
		return
	}
	s.closure[id] = true
	if dir != nil {
		dir[id] = true
	}
	if sh.Type == model.Operation || sh.Type == model.Service || sh.Type == model.Resource {
		return
	}
	for _, mem := range sh.Members {
		s.add(mem.Target, dir)
	}
}

func (s *side) addResource(id model.ShapeID) {
	r := s.m.Shape(id)
	if r == nil || s.closure[id] {
		return
	}
	s.closure[id] = true
	for _, sub := range r.Resources {
		s.addResource(sub)
	}
}

// operations returns the operations of svc and of its resources, as the
// generator selects them, sorted by ID.
func operations(m *model.Model, svc *model.Shape) []*model.Shape {
	seen := map[model.ShapeID]bool{}
	var out []*model.Shape
	addOp := func(id model.ShapeID) {
		if id.IsZero() || seen[id] {
			return
		}
		seen[id] = true
		if s := m.Shape(id); s != nil && s.Type == model.Operation {
			out = append(out, s)
		}
	}
	var walk func(id model.ShapeID)
	walk = func(id model.ShapeID) {
		r := m.Shape(id)
		if r == nil || seen[id] {
			return
		}
		seen[id] = true
		for _, o := range []model.ShapeID{r.Create, r.Put, r.Read, r.Update, r.Delete, r.List} {
			addOp(o)
		}
		for _, o := range r.Operations {
			addOp(o)
		}
		for _, o := range r.CollectionOperations {
			addOp(o)
		}
		for _, sub := range r.Resources {
			walk(sub)
		}
	}
	for _, o := range svc.Operations {
		addOp(o)
	}
	for _, r := range svc.Resources {
		walk(r)
	}
	slices.SortFunc(out, func(a, b *model.Shape) int { return a.ID.Compare(b.ID) })
	return out
}

// errorsOf is the effective error list of an operation: its own errors, then
// the service's, without duplicates.
func (s *side) errorsOf(op *model.Shape) []model.ShapeID {
	out := slices.Clone(op.Errors)
	for _, e := range s.svc.Errors {
		if !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

// goNamed reports whether the shape has a named type in the generated package.
func (s *side) goNamed(id model.ShapeID) bool {
	if s.ir != nil {
		return typeName(s.ir.Shape(id)) != ""
	}
	sh := s.m.Shape(id)
	if sh == nil {
		return false
	}
	switch kindOf(sh) {
	case "structure", "union", "enum", "intEnum":
		return true
	}
	return false
}

// kindOf is the shape type, with a Smithy 1.0 string carrying @enum reported as "enum".
func kindOf(s *model.Shape) string {
	if s.Type == model.String && s.Traits.Has(model.TraitEnum) {
		return string(model.Enum)
	}
	return string(s.Type)
}

// isAggregateKind reports whether shapes of kind k are compared by content
// when a member's target changes (as opposed to plain scalars, whose
// constraints are compared on the member).
func isAggregateKind(k string) bool {
	switch model.ShapeType(k) {
	case model.Structure, model.Union, model.List, model.Map, model.Enum, model.IntEnum:
		return true
	}
	return false
}
