package modeldiff

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/smithygen/smithygen/model"
)

// wire runs the model pass: everything that changes what travels, plus the
// compatible changes (additions, loosening, sensitivity, documentation).
func (d *differ) wire() {
	d.service()
	for _, nid := range d.new.ids {
		oid, ok := d.p.n2o[nid]
		if !ok {
			continue
		}
		o, n := d.old.m.Shape(oid), d.new.m.Shape(nid)
		d.matched(o, n)
		switch {
		case o.Type == model.Service || o.Type == model.Resource:
		case o.Type == model.Operation && n.Type == model.Operation:
			d.operation(o, n)
		default:
			d.shape(o, n)
		}
	}
	d.addedRemoved()
}

// matched reports how a pair of shapes with different IDs was matched.
func (d *differ) matched(o, n *model.Shape) {
	switch d.p.how[n.ID] {
	case byName:
		if n.Type == model.Operation || isAggregateKind(kindOf(n)) {
			d.add(MovedShape, Compatible, n.ID, "", o.ID.String(), n.ID.String(),
				"shape moved from namespace %s to %s", o.ID.Namespace, n.ID.Namespace)
		}
	case byIO, byTarget:
		cat, why := Compatible, ""
		if o.Traits.ErrorKind() != "" || n.Traits.ErrorKind() != "" {
			cat, why = BreakingWire, " (error names are on the wire)"
		}
		d.add(RenamedShape, cat, n.ID, "", o.ID.String(), n.ID.String(), "shape renamed from %s to %s%s", o.ID, n.ID, why)
	}
}

// service compares protocols and the operation lists.
func (d *differ) service() {
	op, np := protocols(d.old.svc), protocols(d.new.svc)
	for _, p := range op {
		if !slices.Contains(np, p) {
			d.add(RemovedProtocol, BreakingWire, d.new.svc.ID, "", p, "", "protocol %s removed", p)
		}
	}
	for _, p := range np {
		if !slices.Contains(op, p) {
			d.add(AddedProtocol, Compatible, d.new.svc.ID, "", "", p, "protocol %s added", p)
		}
	}
	for _, o := range d.old.ops {
		if _, ok := d.p.o2n[o.ID]; !ok {
			d.add(RemovedOperation, BreakingWire, o.ID, "", o.ID.String(), "", "operation removed")
		}
	}
	for _, n := range d.new.ops {
		if _, ok := d.p.n2o[n.ID]; !ok {
			d.add(AddedOperation, Compatible, n.ID, "", "", n.ID.String(), "operation added")
		}
	}
}

// protocols lists the protocol traits of a service, sorted.
func protocols(svc *model.Shape) []string {
	var out []string
	for _, tr := range svc.Traits.All() {
		if (tr.ID.Namespace == "aws.protocols" && tr.ID.Name != "awsQueryCompatible") || tr.ID.Namespace == "smithy.protocols" {
			out = append(out, tr.ID.String())
		}
	}
	return out
}

// addedRemoved reports shapes that joined or left the closure. Operations are
// reported by service; inputs and outputs through their operation.
func (d *differ) addedRemoved() {
	skip := func(s *side, id model.ShapeID) bool {
		sh := s.m.Shape(id)
		return id.IsPrelude() || sh.Type == model.Service || sh.Type == model.Resource || sh.Type == model.Operation || s.opIO[id]
	}
	for _, id := range d.old.ids {
		if _, ok := d.p.o2n[id]; ok || skip(d.old, id) {
			continue
		}
		sh := d.old.m.Shape(id)
		if d.old.goNamed(id) {
			d.add(RemovedShape, BreakingGo, id, "", kindOf(sh), "", "%s removed, and its Go type with it", kindOf(sh))
		} else {
			d.add(RemovedShape, Compatible, id, "", kindOf(sh), "", "%s removed", kindOf(sh))
		}
	}
	for _, id := range d.new.ids {
		if _, ok := d.p.n2o[id]; ok || skip(d.new, id) {
			continue
		}
		sh := d.new.m.Shape(id)
		d.add(AddedShape, Compatible, id, "", "", kindOf(sh), "%s added", kindOf(sh))
	}
}

// operation compares the HTTP binding, input, output and errors of an operation.
func (d *differ) operation(o, n *model.Shape) {
	id := n.ID
	om, ou, oc := httpParts(o.Traits.HTTP())
	nm, nu, nc := httpParts(n.Traits.HTTP())
	if om != nm {
		d.add(ChangedHTTPMethod, BreakingWire, id, "", om, nm, "HTTP method %s -> %s", om, nm)
	}
	if ou != nu {
		d.add(ChangedHTTPURI, BreakingWire, id, "", ou, nu, "HTTP uri %s -> %s", ou, nu)
	}
	if oc != nc {
		d.add(ChangedHTTPCode, BreakingWire, id, "", oc, nc, "HTTP code %s -> %s", oc, nc)
	}
	d.operationIO(n, ChangedOperationInput, "input", o.Input, n.Input)
	d.operationIO(n, ChangedOperationOutput, "output", o.Output, n.Output)
	d.docs(&o.Traits, &n.Traits, id, "")

	oe, ne := d.old.errorsOf(o), d.new.errorsOf(n)
	for _, e := range oe {
		if !slices.ContainsFunc(ne, func(x model.ShapeID) bool { return d.p.same(e, x) }) {
			d.add(RemovedOperationError, Compatible, id, "", e.String(), "", "error %s removed", e)
		}
	}
	for _, e := range ne {
		if !slices.ContainsFunc(oe, func(x model.ShapeID) bool { return d.p.same(x, e) }) {
			d.add(AddedOperationError, Compatible, id, "", "", e.String(), "error %s added", e)
		}
	}
}

func httpParts(h *model.HTTP) (method, uri, code string) {
	if h == nil {
		return "none", "none", "none"
	}
	return h.Method, h.URI, strconv.Itoa(h.Code)
}

// operationIO compares an input or output that is not a matched pair of shapes.
func (d *differ) operationIO(op *model.Shape, rule, what string, oid, nid model.ShapeID) {
	switch {
	case d.p.same(oid, nid):
		return // a matched pair, compared as such (or Unit on both sides)
	case isUnit(oid):
		d.members(nil, d.new.m.Shape(nid))
	case isUnit(nid):
		d.members(d.old.m.Shape(oid), nil)
	case d.old.sig(oid) == d.new.sig(nid):
		d.add(rule, Compatible, op.ID, "", oid.String(), nid.String(), "%s %s -> %s (same wire form)", what, oid, nid)
	default:
		d.add(rule, BreakingWire, op.ID, "", oid.String(), nid.String(), "%s %s -> %s, whose wire form differs", what, oid, nid)
	}
}

// shape compares a matched pair of shapes other than operations and services.
func (d *differ) shape(o, n *model.Shape) {
	id := n.ID
	ok, nk := kindOf(o), kindOf(n)
	u := d.usage(o.ID, n.ID)
	if ok != nk {
		switch {
		case ok == string(model.Enum) && nk == string(model.String):
			d.add(EnumToString, Compatible, id, "", ok, nk, "enum became a string: values are no longer checked")
		case ok == string(model.String) && nk == string(model.Enum):
			cat, why := u.restricts()
			d.add(StringToEnum, cat, id, "", ok, nk, "string became an enum of %s%s", showValues(enumValues(n)), why)
		default:
			d.add(ChangedShapeType, BreakingWire, id, "", ok, nk, "shape type %s -> %s", ok, nk)
			return
		}
	}
	d.docs(&o.Traits, &n.Traits, id, "")
	d.sensitive(o.Traits.Sensitive(), n.Traits.Sensitive(), id, "")
	d.length(o.Traits.Length(), n.Traits.Length(), id, "", u)
	d.rangeTrait(o.Traits.Range(), n.Traits.Range(), id, "", u)
	op, oHas := o.Traits.Pattern()
	np, nHas := n.Traits.Pattern()
	d.pattern(op, oHas, np, nHas, id, "", u)
	if o.Type == model.List && n.Type == model.List {
		switch ou, nu := o.Traits.UniqueItems(), n.Traits.UniqueItems(); {
		case !ou && nu:
			cat, why := u.restricts()
			d.add(AddedUniqueItems, cat, id, "", "", "uniqueItems", "@uniqueItems added%s", why)
		case ou && !nu:
			d.add(RemovedUniqueItems, Compatible, id, "", "uniqueItems", "", "@uniqueItems removed")
		}
	}
	switch os, ns := o.Traits.Sparse(), n.Traits.Sparse(); {
	case !os && ns:
		cat, why := u.weakens()
		d.add(AddedSparse, cat, id, "", "", "sparse", "@sparse added: values may be null%s", why)
	case os && !ns:
		cat, why := u.restricts()
		d.add(RemovedSparse, cat, id, "", "sparse", "", "@sparse removed: values may no longer be null%s", why)
	}
	if o.Type == model.Timestamp && n.Type == model.Timestamp {
		of, nf := orNone(o.Traits.TimestampFormat()), orNone(n.Traits.TimestampFormat())
		if of != nf {
			d.add(ChangedTimestampFormat, BreakingWire, id, "", of, nf, "@timestampFormat %s -> %s", of, nf)
		}
	}
	if ok == nk && (nk == string(model.Enum) || nk == string(model.IntEnum)) {
		d.enumValues(o, n, u)
	}
	switch {
	case (o.Type == model.Structure || o.Type == model.Union) && o.Type == n.Type:
		d.members(o, n)
	case o.Type == model.List && n.Type == model.List:
		d.member(o, n, o.Member("member"), n.Member("member"))
	case o.Type == model.Map && n.Type == model.Map:
		d.member(o, n, o.Member("key"), n.Member("key"))
		d.member(o, n, o.Member("value"), n.Member("value"))
	}
	d.errorTrait(o, n)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// members compares the members of two structures or unions; either may be
// nil (an operation input or output that is Unit on one side).
func (d *differ) members(o, n *model.Shape) {
	var oms, nms []*model.Member
	var id, oid, nid model.ShapeID
	union := false
	if o != nil {
		oms, id, oid, union = o.Members, o.ID, o.ID, o.Type == model.Union
	}
	if n != nil {
		nms, id, nid, union = n.Members, n.ID, n.ID, n.Type == model.Union
	}
	u := d.usage(oid, nid)
	for _, om := range oms {
		if n != nil && n.Member(om.Name()) != nil {
			continue
		}
		rule := RemovedMember
		if union {
			rule = RemovedUnionMember
		}
		d.add(rule, BreakingWire, id, om.Name(), om.Target.String(), "", "member removed (it targeted %s)", om.Target)
	}
	for _, nm := range nms {
		var om *model.Member
		if o != nil {
			om = o.Member(nm.Name())
		}
		if om != nil {
			d.member(o, n, om, nm)
			continue
		}
		_, hasDefault := defaultOf(&nm.Traits)
		switch {
		case union:
			d.add(AddedUnionMember, Compatible, id, nm.Name(), "", nm.Target.String(), "union member added (targets %s)", nm.Target)
		case nm.Traits.Required() && !hasDefault:
			cat, why := u.restricts()
			d.add(AddedRequiredMember, cat, id, nm.Name(), "", nm.Target.String(), "required member added without a default (targets %s)%s", nm.Target, why)
		default:
			d.add(AddedMember, Compatible, id, nm.Name(), "", nm.Target.String(), "member added (targets %s)", nm.Target)
		}
	}
}

// member compares a matched pair of members of matched containers.
func (d *differ) member(oc, nc *model.Shape, om, nm *model.Member) {
	if om == nil || nm == nil {
		return
	}
	id, name := nc.ID, nm.Name()
	ot, nt := d.old.m.Target(om), d.new.m.Target(nm)
	paired := d.p.same(ot.ID, nt.ID)
	u := d.usage(oc.ID, nc.ID)
	if !paired {
		ok, nk := kindOf(ot), kindOf(nt)
		switch {
		case ok == string(model.Enum) && nk == string(model.String):
			d.add(EnumToString, Compatible, id, name, ot.ID.String(), nt.ID.String(),
				"target changed from enum %s to string %s: values are no longer checked", ot.ID, nt.ID)
		case ok == string(model.String) && nk == string(model.Enum):
			cat, why := u.restricts()
			d.add(StringToEnum, cat, id, name, ot.ID.String(), nt.ID.String(),
				"target changed from string %s to enum %s of %s%s", ot.ID, nt.ID, showValues(enumValues(nt)), why)
		case ok != nk:
			d.add(ChangedMemberTarget, BreakingWire, id, name, ot.ID.String(), nt.ID.String(),
				"target changed from %s (%s) to %s (%s)", ot.ID, ok, nt.ID, nk)
			return
		case isAggregateKind(ok) && d.old.sig(ot.ID) != d.new.sig(nt.ID):
			d.add(ChangedMemberTarget, BreakingWire, id, name, ot.ID.String(), nt.ID.String(),
				"target changed from %s to %s, whose wire form differs", ot.ID, nt.ID)
		case isAggregateKind(ok):
			d.add(ChangedMemberTarget, Compatible, id, name, ot.ID.String(), nt.ID.String(),
				"target changed from %s to %s (same wire form)", ot.ID, nt.ID)
		}
	}
	ol, nl := binding{loc: "body"}, binding{loc: "body"}
	if oc.Type == model.Structure && nc.Type == model.Structure {
		d.required(om, nm, id, name, u)
		d.defaults(om, nm, id, name)
		ol, nl = d.old.binding(oc, om), d.new.binding(nc, nm)
		if ol != nl {
			d.add(ChangedHTTPBinding, BreakingWire, id, name, ol.String(), nl.String(), "HTTP binding %s -> %s", ol, nl)
		}
		if ol.loc == "body" && nl.loc == "body" {
			if oj, nj := jsonKey(om), jsonKey(nm); oj != nj {
				d.add(ChangedJSONName, BreakingWire, id, name, oj, nj, "JSON key %q -> %q", oj, nj)
			}
		}
	}
	// Constraints, timestamp format and sensitivity are compared on the member
	// when it states its own or when its target changed; a change of the
	// target's own traits is reported once, on the target.
	own := func(trait model.ShapeID) bool { return !paired || om.Traits.Has(trait) || nm.Traits.Has(trait) }
	if own(model.TraitLength) {
		d.length(effLength(om, ot), effLength(nm, nt), id, name, u)
	}
	if own(model.TraitRange) {
		d.rangeTrait(effRange(om, ot), effRange(nm, nt), id, name, u)
	}
	if own(model.TraitPattern) {
		op, oHas := effPattern(om, ot)
		np, nHas := effPattern(nm, nt)
		d.pattern(op, oHas, np, nHas, id, name, u)
	}
	if ot.Type == model.Timestamp && nt.Type == model.Timestamp && (own(model.TraitTimestampFormat) || ol.loc != nl.loc) {
		if of, nf := tsFormat(om, ot, ol.loc), tsFormat(nm, nt, nl.loc); of != nf {
			d.add(ChangedTimestampFormat, BreakingWire, id, name, of, nf, "timestamp format %s -> %s", of, nf)
		}
	}
	if own(model.TraitSensitive) {
		d.sensitive(om.Traits.Sensitive() || ot.Traits.Sensitive(), nm.Traits.Sensitive() || nt.Traits.Sensitive(), id, name)
	}
	d.docs(&om.Traits, &nm.Traits, id, name)
}

func (d *differ) required(om, nm *model.Member, id model.ShapeID, name string, u usage) {
	or, nr := om.Traits.Required(), nm.Traits.Required()
	_, nDefault := defaultOf(&nm.Traits)
	switch {
	case !or && nr:
		cat, why := u.restricts()
		if nDefault {
			cat, why = Compatible, " (it has a default)"
		}
		d.add(AddedRequiredTrait, cat, id, name, "", "required", "member became @required%s", why)
	case or && !nr:
		cat, why := u.weakens()
		if nDefault {
			cat, why = Compatible, " (it has a default)"
		}
		d.add(RemovedRequiredTrait, cat, id, name, "required", "", "member is no longer @required%s", why)
	}
}

func (d *differ) defaults(om, nm *model.Member, id model.ShapeID, name string) {
	ov, oHas := defaultOf(&om.Traits)
	nv, nHas := defaultOf(&nm.Traits)
	switch {
	case !oHas && nHas:
		d.add(AddedDefault, Compatible, id, name, "", nv, "@default(%s) added", nv)
	case oHas && !nHas:
		d.add(RemovedDefault, BreakingWire, id, name, ov, "", "@default(%s) removed", ov)
	case oHas && nHas && ov != nv:
		d.add(ChangedDefault, BreakingWire, id, name, ov, nv, "@default %s -> %s", ov, nv)
	}
}

// defaultOf returns the member's @default as JSON text; a null default is no default.
func defaultOf(t *model.Traits) (string, bool) {
	v, ok := t.Default()
	if !ok || v == nil {
		return "", false
	}
	return canonical(v), true
}

func canonical(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// binding is where a member travels in an HTTP message.
type binding struct{ loc, name string }

func (b binding) String() string {
	if b.name == "" {
		return b.loc
	}
	return fmt.Sprintf("%s %q", b.loc, b.name)
}

// binding returns where a member of container travels. Binding traits count
// only on an operation's input or output; elsewhere members are in the body.
// The precedence is the generator's (generator.irBuilder.member).
func (s *side) binding(container *model.Shape, mem *model.Member) binding {
	if !s.opIO[container.ID] {
		return binding{loc: "body"}
	}
	t := &mem.Traits
	switch {
	case t.HTTPLabel():
		return binding{loc: "label", name: mem.Name()}
	case t.HTTPQueryParams():
		return binding{loc: "queryParams"}
	case t.HTTPPayload():
		return binding{loc: "payload"}
	case t.HTTPResponseCode():
		return binding{loc: "responseCode"}
	}
	if q, ok := t.HTTPQuery(); ok {
		return binding{loc: "query", name: q}
	}
	if h, ok := t.HTTPHeader(); ok {
		return binding{loc: "header", name: h}
	}
	if p, ok := t.HTTPPrefixHeaders(); ok {
		return binding{loc: "prefixHeaders", name: p}
	}
	return binding{loc: "body"}
}

func jsonKey(m *model.Member) string {
	if j := m.Traits.JSONName(); j != "" {
		return j
	}
	return m.Name()
}

// tsFormat is the effective timestamp format of a member at a location, as the generator decides it.
func tsFormat(m *model.Member, target *model.Shape, loc string) string {
	if f := m.Traits.TimestampFormat(); f != "" {
		return f
	}
	if f := target.Traits.TimestampFormat(); f != "" {
		return f
	}
	switch loc {
	case "header":
		return "http-date"
	case "label", "query":
		return "date-time"
	}
	return "epoch-seconds"
}

func effLength(m *model.Member, target *model.Shape) *model.Length {
	if l := m.Traits.Length(); l != nil {
		return l
	}
	return target.Traits.Length()
}

func effRange(m *model.Member, target *model.Shape) *model.Range {
	if r := m.Traits.Range(); r != nil {
		return r
	}
	return target.Traits.Range()
}

func effPattern(m *model.Member, target *model.Shape) (string, bool) {
	if p, ok := m.Traits.Pattern(); ok {
		return p, true
	}
	return target.Traits.Pattern()
}

func (d *differ) length(o, n *model.Length, id model.ShapeID, member string, u usage) {
	os, ns := showLength(o), showLength(n)
	omin, omax := lengthBounds(o)
	nmin, nmax := lengthBounds(n)
	if omin == nmin && omax == nmax {
		return // [0..10] and [..10] are the same constraint
	}
	if nmin > omin || nmax < omax {
		cat, why := u.restricts()
		d.add(TightenedLength, cat, id, member, os, ns, "@length %s -> %s%s", os, ns, why)
		return
	}
	d.add(LoosenedLength, Compatible, id, member, os, ns, "@length %s -> %s", os, ns)
}

func lengthBounds(l *model.Length) (lo, hi int64) {
	lo, hi = 0, 1<<63-1
	if l != nil && l.Min != nil {
		lo = *l.Min
	}
	if l != nil && l.Max != nil {
		hi = *l.Max
	}
	return lo, hi
}

func showLength(l *model.Length) string {
	if l == nil || (l.Min == nil && l.Max == nil) {
		return "none"
	}
	lo, hi := "", ""
	if l.Min != nil {
		lo = strconv.FormatInt(*l.Min, 10)
	}
	if l.Max != nil {
		hi = strconv.FormatInt(*l.Max, 10)
	}
	return "[" + lo + ".." + hi + "]"
}

func (d *differ) rangeTrait(o, n *model.Range, id model.ShapeID, member string, u usage) {
	os, ns := showRange(o), showRange(n)
	var omin, omax, nmin, nmax *json.Number
	if o != nil {
		omin, omax = o.Min, o.Max
	}
	if n != nil {
		nmin, nmax = n.Min, n.Max
	}
	// A bound tightens when it appears, or moves inwards.
	cmin, cmax := cmpBound(nmin, omin, -1), cmpBound(nmax, omax, 1)
	if cmin == 0 && cmax == 0 {
		return // the same bounds, maybe written differently (1.5 and 1.50)
	}
	if cmin > 0 || cmax < 0 {
		cat, why := u.restricts()
		d.add(TightenedRange, cat, id, member, os, ns, "@range %s -> %s%s", os, ns, why)
		return
	}
	d.add(LoosenedRange, Compatible, id, member, os, ns, "@range %s -> %s", os, ns)
}

// cmpBound compares two range bounds; a nil bound is -inf (open = -1) or +inf
// (open = 1). Bounds that do not parse compare as different, tighter.
func cmpBound(a, b *json.Number, open int) int {
	val := func(x *json.Number) (*big.Float, int) {
		if x == nil {
			return nil, open
		}
		f, _, err := big.ParseFloat(x.String(), 10, 200, big.ToNearestEven)
		if err != nil {
			return nil, 0
		}
		return f, 0
	}
	if a != nil && b != nil && *a == *b {
		return 0
	}
	av, ainf := val(a)
	bv, binf := val(b)
	switch {
	case av == nil && ainf == 0, bv == nil && binf == 0:
		return -open // unparsable: count as tightened
	case ainf != 0 || binf != 0:
		return ainf - binf
	}
	return av.Cmp(bv)
}

func showRange(r *model.Range) string {
	if r == nil || (r.Min == nil && r.Max == nil) {
		return "none"
	}
	lo, hi := "", ""
	if r.Min != nil {
		lo = r.Min.String()
	}
	if r.Max != nil {
		hi = r.Max.String()
	}
	return "[" + lo + ".." + hi + "]"
}

func (d *differ) pattern(op string, oHas bool, np string, nHas bool, id model.ShapeID, member string, u usage) {
	switch {
	case !oHas && nHas:
		cat, why := u.restricts()
		d.add(AddedPattern, cat, id, member, "", np, "@pattern %q added%s", np, why)
	case oHas && !nHas:
		d.add(RemovedPattern, Compatible, id, member, op, "", "@pattern %q removed", op)
	case oHas && nHas && op != np:
		cat, why := u.restricts()
		d.add(ChangedPattern, cat, id, member, op, np, "@pattern %q -> %q%s", op, np, why)
	}
}

func (d *differ) sensitive(o, n bool, id model.ShapeID, member string) {
	switch {
	case !o && n:
		d.add(AddedSensitive, Compatible, id, member, "", "sensitive", "@sensitive added")
	case o && !n:
		d.add(RemovedSensitive, Compatible, id, member, "sensitive", "", "@sensitive removed")
	}
}

func (d *differ) docs(o, n *model.Traits, id model.ShapeID, member string) {
	if !d.opts.Documentation {
		return
	}
	if od, nd := o.Documentation(), n.Documentation(); od != nd {
		d.add(ChangedDocumentation, Compatible, id, member, od, nd, "documentation changed")
	}
}

// enumValue is one value of an enum or intEnum: the member (or 1.0 enum
// definition) name, and the value as text.
type enumValue struct {
	name, value string
	isInt       bool
}

func (v enumValue) String() string {
	if v.isInt {
		return v.value
	}
	return strconv.Quote(v.value)
}

func enumValues(s *model.Shape) []enumValue {
	var out []enumValue
	if s.Type == model.String {
		for _, def := range s.Traits.EnumDefinitions() {
			name := def.Name
			if name == "" {
				name = def.Value
			}
			out = append(out, enumValue{name: name, value: def.Value})
		}
		return out
	}
	for _, m := range s.Members {
		v, _ := m.Traits.EnumValue()
		switch x := v.(type) {
		case int64:
			out = append(out, enumValue{name: m.Name(), value: strconv.FormatInt(x, 10), isInt: true})
		default:
			out = append(out, enumValue{name: m.Name(), value: fmt.Sprint(x)})
		}
	}
	return out
}

func showValues(vs []enumValue) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = v.String()
	}
	return "[" + strings.Join(s, ", ") + "]"
}

func hasValue(vs []enumValue, value string) bool {
	return slices.ContainsFunc(vs, func(v enumValue) bool { return v.value == value })
}

func (d *differ) enumValues(o, n *model.Shape, u usage) {
	ov, nv := enumValues(o), enumValues(n)
	for _, v := range ov {
		if !hasValue(nv, v.value) {
			cat, why := u.restricts()
			d.add(RemovedEnumValue, cat, n.ID, v.name, v.value, "", "value %s removed%s", v, why)
		}
	}
	for _, v := range nv {
		if !hasValue(ov, v.value) {
			d.add(AddedEnumValue, Compatible, n.ID, v.name, "", v.value, "value %s added", v)
		}
	}
}

// errorTrait compares @error and the HTTP status of error shapes.
func (d *differ) errorTrait(o, n *model.Shape) {
	of, nf := o.Traits.ErrorKind(), n.Traits.ErrorKind()
	if of != nf {
		d.add(ChangedErrorFault, BreakingWire, n.ID, "", orNone(of), orNone(nf), "@error %s -> %s", orNone(of), orNone(nf))
	}
	if of == "" || nf == "" {
		return
	}
	if oc, nc := errorStatus(o), errorStatus(n); oc != nc {
		d.add(ChangedHTTPErrorCode, BreakingWire, n.ID, "", strconv.Itoa(oc), strconv.Itoa(nc), "HTTP status %d -> %d", oc, nc)
	}
}

// errorStatus is the HTTP status of an error shape: @httpError, else 400 for client and 500 for server faults.
func errorStatus(s *model.Shape) int {
	if c := s.Traits.HTTPError(); c != 0 {
		return c
	}
	if s.Traits.ErrorKind() == "server" {
		return 500
	}
	return 400
}
