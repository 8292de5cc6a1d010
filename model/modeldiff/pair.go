package modeldiff

import (
	"github.com/smithygen/smithygen/model"
)

// How a pair of shapes was matched.
const (
	byID     = "id"     // same shape ID
	byName   = "name"   // same name, other namespace, unique on both sides
	byIO     = "io"     // input or output of a matched operation
	byTarget = "target" // target of a matched member
)

// pairing matches old shapes to new shapes one to one.
type pairing struct {
	o2n, n2o map[model.ShapeID]model.ShapeID
	how      map[model.ShapeID]string // by new ID
}

func (p *pairing) add(o, n model.ShapeID, how string) {
	p.o2n[o] = n
	p.n2o[n] = o
	p.how[n] = how
}

func (p *pairing) free(old, new model.ShapeID) bool {
	_, a := p.o2n[old]
	_, b := p.n2o[new]
	return !a && !b
}

// same reports whether old and new are the same shape (matched, or both Unit/absent).
func (p *pairing) same(old, new model.ShapeID) bool {
	if isUnit(old) || isUnit(new) {
		return isUnit(old) && isUnit(new)
	}
	n, ok := p.o2n[old]
	return ok && n == new
}

func isUnit(id model.ShapeID) bool { return id.IsZero() || id == model.UnitID }

// pairShapes matches the closures of both sides: by ID, then by unique name,
// then operation inputs and outputs by position, then the targets of matched
// members by position, until nothing changes.
func pairShapes(o, n *side) *pairing {
	p := &pairing{o2n: map[model.ShapeID]model.ShapeID{}, n2o: map[model.ShapeID]model.ShapeID{}, how: map[model.ShapeID]string{}}
	for _, id := range o.ids {
		if n.closure[id] {
			p.add(id, id, byID)
		}
	}
	for _, id := range o.ids {
		if _, ok := p.o2n[id]; ok {
			continue
		}
		olds, news := unpaired(p.o2n, o.byName[id.Name]), unpaired(p.n2o, n.byName[id.Name])
		if len(olds) != 1 || len(news) != 1 {
			continue
		}
		os, ns := o.m.Shape(olds[0]), n.m.Shape(news[0])
		if os.Type == model.Service || ns.Type == model.Service || (os.Type == model.Operation) != (ns.Type == model.Operation) {
			continue
		}
		p.add(olds[0], news[0], byName)
	}
	// Operation inputs and outputs.
	for _, oop := range o.ops {
		nid, ok := p.o2n[oop.ID]
		if !ok {
			continue
		}
		nop := n.m.Shape(nid)
		for _, io := range [][2]model.ShapeID{{oop.Input, nop.Input}, {oop.Output, nop.Output}} {
			if !isUnit(io[0]) && !isUnit(io[1]) && p.free(io[0], io[1]) {
				p.add(io[0], io[1], byIO)
			}
		}
	}
	// Member targets, breadth first from every matched aggregate.
	var work [][2]model.ShapeID
	for _, id := range o.ids {
		if nid, ok := p.o2n[id]; ok {
			work = append(work, [2]model.ShapeID{id, nid})
		}
	}
	for len(work) > 0 {
		pair := work[0]
		work = work[1:]
		os, ns := o.m.Shape(pair[0]), n.m.Shape(pair[1])
		if os.Type == model.Operation || os.Type == model.Service || os.Type == model.Resource || os.Type == model.Enum || os.Type == model.IntEnum {
			continue
		}
		for _, om := range os.Members {
			nm := ns.Member(om.Name())
			if nm == nil || isUnit(om.Target) || isUnit(nm.Target) || !p.free(om.Target, nm.Target) {
				continue
			}
			ot, nt := o.m.Shape(om.Target), n.m.Shape(nm.Target)
			if kindOf(ot) != kindOf(nt) || !isAggregateKind(kindOf(ot)) || ot.ID.IsPrelude() || nt.ID.IsPrelude() {
				continue
			}
			p.add(ot.ID, nt.ID, byTarget)
			work = append(work, [2]model.ShapeID{ot.ID, nt.ID})
		}
	}
	return p
}

func unpaired(paired map[model.ShapeID]model.ShapeID, ids []model.ShapeID) []model.ShapeID {
	var out []model.ShapeID
	for _, id := range ids {
		if _, ok := paired[id]; !ok {
			out = append(out, id)
		}
	}
	return out
}
