package modeldiff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/smithygen/smithygen/generator"
	"github.com/smithygen/smithygen/model"
)

// goAPI runs the Go pass: it compares what the generated packages of both
// sides export, from the generator's IR. A Go break where the wire pass found
// a breaking-wire change at the same shape and member is not reported again.
func (d *differ) goAPI() {
	if d.old.ir == nil || d.new.ir == nil {
		for _, s := range []*side{d.old, d.new} {
			if s.irErr != nil {
				d.notes = append(d.notes, fmt.Sprintf("Go API not compared: the IR of the %s model cannot be built: %s", s.label, firstLine(s.irErr)))
			}
		}
		return
	}
	g := &goDiff{differ: d, broken: map[location]bool{}, rename: map[string]string{}, retyped: map[model.ShapeID]bool{}}
	for _, f := range d.findings {
		if f.Category == BreakingWire {
			g.broken[location{f.Shape, f.Member}] = true
		}
	}
	for oid, nid := range d.p.o2n {
		os, ns := d.old.ir.Shape(oid), d.new.ir.Shape(nid)
		if on, nn := typeName(os), typeName(ns); on != "" && nn != "" {
			g.rename[on] = nn
		}
	}
	for _, f := range d.findings {
		if f.Category == BreakingWire && f.Member == "" && slices.Contains(retypingRules, f.Rule) {
			g.retyped[f.Shape] = true
		}
	}
	if on, nn := d.old.ir.Name, d.new.ir.Name; on != nn {
		g.add(ChangedGoPackageName, d.new.svc.ID, "", on, nn, "Go package %s -> %s", on, nn)
	}
	for _, nid := range d.new.ids {
		oid, ok := d.p.n2o[nid]
		if !ok {
			continue
		}
		if os, ns := d.old.ir.Shape(oid), d.new.ir.Shape(nid); os != nil && ns != nil {
			g.shape(os, ns)
		}
	}
	g.operations()
}

// retypingRules are the breaking-wire changes of a shape that change the Go
// type of every field targeting it; those field changes are not reported again.
var retypingRules = []string{ChangedShapeType, StringToEnum, AddedSparse, RemovedSparse}

// operations compares the Go input and output type names of matched
// operations whose input or output is not a matched pair of shapes (a shape
// that is matched is compared, names included, as a shape).
func (g *goDiff) operations() {
	oldOps := map[model.ShapeID]*generator.Operation{}
	for _, op := range g.old.ir.Operations {
		oldOps[op.ID] = op
	}
	for _, nop := range g.new.ir.Operations {
		oop := oldOps[g.p.n2o[nop.ID]]
		if oop == nil {
			continue
		}
		for _, io := range [][2]*generator.Shape{{oop.Input, nop.Input}, {oop.Output, nop.Output}} {
			o, n := io[0], io[1]
			if g.p.same(o.ID, n.ID) || o.Name == n.Name {
				continue
			}
			g.add(ChangedGoTypeName, nop.ID, "", o.Name, n.Name, "Go type of the %s of %s: %s -> %s",
				map[bool]string{true: "input", false: "output"}[o == oop.Input], nop.Name, o.Name, n.Name)
		}
	}
}

type location struct {
	shape  model.ShapeID
	member string
}

type goDiff struct {
	*differ
	broken  map[location]bool      // places with a breaking-wire finding
	rename  map[string]string      // old Go type name -> new, for matched shapes
	retyped map[model.ShapeID]bool // shapes whose type changed in a breaking-wire way
}

// typeName is the name of the exported Go type of a shape, or "" when it has
// none (lists and maps have helper names only; simple shapes none).
func typeName(s *generator.Shape) string {
	if s == nil {
		return ""
	}
	switch s.Kind {
	case generator.KindStruct, generator.KindUnion, generator.KindEnum, generator.KindIntEnum:
		return s.Name
	}
	return ""
}

func (g *goDiff) add(rule string, shape model.ShapeID, member, old, new, format string, args ...any) {
	if g.broken[location{shape.Root(), member}] {
		return
	}
	g.differ.add(rule, BreakingGo, shape, member, old, new, format, args...)
}

// shape compares the Go form of a matched pair of IR shapes.
func (g *goDiff) shape(os, ns *generator.Shape) {
	id := ns.ID
	on, nn := typeName(os), typeName(ns)
	switch {
	case on != "" && nn == "":
		g.add(RemovedGoType, id, "", on, "", "Go type %s is no longer generated (the shape is now a %s)", on, ns.Type)
		return
	case on != "" && on != nn:
		g.add(ChangedGoTypeName, id, "", on, nn, "Go type %s -> %s", on, nn)
	}
	if os.Kind != ns.Kind {
		return
	}
	switch ns.Kind {
	case generator.KindStruct, generator.KindUnion:
		for _, nm := range ns.Members {
			om := findMember(os.Members, nm.Name)
			if om == nil {
				continue
			}
			if ns.Kind == generator.KindUnion {
				if om.Variant != nm.Variant {
					g.add(ChangedGoVariantName, id, nm.Name, om.Variant, nm.Variant, "Go union variant %s -> %s", om.Variant, nm.Variant)
				}
			} else if om.GoName != nm.GoName {
				g.add(ChangedGoFieldName, id, nm.Name, om.GoName, nm.GoName, "Go field %s.%s -> %s.%s", os.Name, om.GoName, ns.Name, nm.GoName)
			}
			ot, nt := fieldType(om, nil), fieldType(nm, nil)
			if fieldType(om, g.rename) != nt && !g.retypedTarget(om, nm) {
				what := "Go field " + ns.Name + "." + nm.GoName
				if ns.Kind == generator.KindUnion {
					what = "Go union variant " + nm.Variant + ".Value"
				}
				g.add(ChangedGoFieldType, id, nm.Name, ot, nt, "%s type %s -> %s", what, ot, nt)
			}
		}
	case generator.KindEnum, generator.KindIntEnum:
		names := map[string]string{} // value -> model member name, as the wire pass names them
		if ms := g.old.m.Shape(os.ID); ms != nil {
			for _, v := range enumValues(ms) {
				names[v.value] = v.name
			}
		}
		key := func(v *generator.EnumValue) string {
			if ns.Kind == generator.KindIntEnum {
				return fmt.Sprint(v.Int)
			}
			return v.String
		}
		for _, ov := range os.Values {
			var nv *generator.EnumValue
			for _, x := range ns.Values {
				if key(x) == key(ov) {
					nv = x
					break
				}
			}
			switch {
			case nv == nil:
				g.add(RemovedGoEnumConstant, id, names[key(ov)], ov.Const, "", "Go constant %s is no longer generated", ov.Const)
			case nv.Const != ov.Const:
				g.add(ChangedGoEnumConstant, id, names[key(ov)], ov.Const, nv.Const, "Go constant %s -> %s", ov.Const, nv.Const)
			}
		}
	}
}

// retypedTarget reports whether a member's target changed type in a way the
// wire pass reported as breaking; the Go field change follows from it.
func (g *goDiff) retypedTarget(om, nm *generator.Member) bool {
	return (nm.Target != nil && g.retyped[nm.Target.ID]) || (om.Target != nil && g.retyped[om.Target.ID])
}

func findMember(ms []*generator.Member, name string) *generator.Member {
	for _, m := range ms {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// fieldType renders the Go type of a struct field or union variant value,
// with named types renamed through rename when it is not nil.
func fieldType(m *generator.Member, rename map[string]string) string {
	t := goTypeString(m.GoType, rename)
	if m.Pointer {
		return "*" + t
	}
	return t
}

// goTypeString renders a Go type expression as generator.goType writes it.
func goTypeString(t generator.GoType, rename map[string]string) string {
	switch t.Kind {
	case generator.GoString:
		return "string"
	case generator.GoBool:
		return "bool"
	case generator.GoInt8:
		return "int8"
	case generator.GoInt16:
		return "int16"
	case generator.GoInt32:
		return "int32"
	case generator.GoInt64:
		return "int64"
	case generator.GoFloat32:
		return "float32"
	case generator.GoFloat64:
		return "float64"
	case generator.GoBigInt:
		return "*big.Int"
	case generator.GoBigFloat:
		return "*big.Float"
	case generator.GoTime:
		return "time.Time"
	case generator.GoBytes:
		return "[]byte"
	case generator.GoDocument:
		return "json.RawMessage"
	case generator.GoNamed:
		if n, ok := rename[t.Name]; ok {
			return n
		}
		return t.Name
	case generator.GoSlice, generator.GoMap:
		elem := "?"
		if t.Elem != nil {
			elem = goTypeString(*t.Elem, rename)
		}
		if t.ElemPointer {
			elem = "*" + elem
		}
		if t.Kind == generator.GoMap {
			return "map[string]" + elem
		}
		return "[]" + elem
	}
	return fmt.Sprintf("GoKind(%d)", t.Kind)
}

func firstLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " (and more)"
	}
	return s
}
