package model

import (
	"fmt"
	"slices"
	"strings"
)

// This file holds a subset of the Smithy selector language (Smithy 2.0 spec,
// "Selectors") and the check of trait definitions that uses it: the selector
// and the conflicts of every trait defined in the model with @trait.
//
// Supported forms:
//
//   - shape types: * blob boolean document string (string and enum) enum
//     integer (integer and intEnum) intEnum byte short long float double
//     bigInteger bigDecimal timestamp list collection map structure union
//     operation service resource member, number (every numeric type and
//     intEnum), simpleType (every simple type, enum and intEnum included);
//   - attributes: [trait|name] and [trait|ns#name] (presence; a relative name
//     is in smithy.api), [id], [id|namespace], [id|name] and [id|member], bare
//     or compared with = != ^= $= *= to one or more values (quoted or not), with
//     an optional trailing i for a case-insensitive comparison;
//   - functions: :is(...) (and its 1.0 name :each), :not(...), :test(...);
//   - neighbors: > and < (forward and reverse), ~> and <~ (recursive), and
//     -[rel, ...]-> / <-[rel, ...]- with the relationships input, output,
//     error, resource, identifier, property, create, read, update, delete,
//     list, put and member;
//   - // comments up to the end of the line.
//
// Anything else (variables, scoped attributes, trait values and paths,
// :in/:root/:recursive/:topdown, set, the operation and collectionOperation
// relationships, whose exact extent is not settled here) makes ParseSelector
// fail with an error saying what it did not support. The trait check is
// fail-open: a trait whose selector does not parse is not checked at all.

// Selector is a parsed selector: a sequence of steps applied, left to right,
// to the set of every shape and member of a model.
type Selector struct {
	text  string
	steps []selStep
}

// String returns the selector as written, its whitespace collapsed.
func (s *Selector) String() string { return strings.Join(strings.Fields(s.text), " ") }

// Select returns the IDs of the shapes and members the selector matches in m,
// sorted.
func (s *Selector) Select(m *Model) []ShapeID {
	ev := newSelEval(m)
	out := make([]ShapeID, 0)
	for _, n := range s.eval(ev, ev.all()) {
		out = append(out, n.id())
	}
	slices.SortFunc(out, ShapeID.Compare)
	return out
}

func (s *Selector) eval(ev *selEval, in []selNode) []selNode {
	for _, st := range s.steps {
		if len(in) == 0 {
			return nil
		}
		in = st.apply(ev, in)
	}
	return in
}

// selNode is a shape, or a member of shape.
type selNode struct {
	shape  *Shape
	member *Member
}

func (n selNode) id() ShapeID {
	if n.member != nil {
		return n.member.ID
	}
	return n.shape.ID
}

func (n selNode) typ() ShapeType {
	if n.member != nil {
		return MemberType
	}
	return n.shape.Type
}

func (n selNode) traits() *Traits {
	if n.member != nil {
		return &n.member.Traits
	}
	return &n.shape.Traits
}

// selEdge is a relationship from one node to another.
type selEdge struct {
	rel string
	to  selNode
}

// selEval evaluates selectors over one model; it indexes reverse
// relationships the first time a selector needs them.
type selEval struct {
	m       *Model
	nodes   []selNode
	reverse map[selNode][]selEdge
}

func newSelEval(m *Model) *selEval { return &selEval{m: m} }

// all returns every shape and member, shapes sorted by ID and members in model order.
func (ev *selEval) all() []selNode {
	if ev.nodes == nil {
		for _, s := range ev.m.sorted {
			ev.nodes = append(ev.nodes, selNode{shape: s})
			for _, mem := range s.Members {
				ev.nodes = append(ev.nodes, selNode{shape: s, member: mem})
			}
		}
	}
	return ev.nodes
}

// forward returns the directed relationships of n: those a forward neighbor
// (>) follows. Mixin and trait relationships are not followed.
func (ev *selEval) forward(n selNode) []selEdge {
	var out []selEdge
	to := func(rel string, ids ...ShapeID) {
		for _, id := range ids {
			if t := ev.m.shapes[id]; t != nil && !id.IsZero() {
				out = append(out, selEdge{rel, selNode{shape: t}})
			}
		}
	}
	if n.member != nil {
		to("memberTarget", n.member.Target)
		return out
	}
	s := n.shape
	for _, mem := range s.Members {
		out = append(out, selEdge{"member", selNode{shape: s, member: mem}})
	}
	switch s.Type {
	case Operation:
		to("input", s.Input)
		to("output", s.Output)
		to("error", s.Errors...)
	case Service:
		to("operation", s.Operations...)
		to("resource", s.Resources...)
		to("error", s.Errors...)
	case Resource:
		for _, idt := range s.Identifiers {
			to("identifier", idt.Target)
		}
		for _, p := range s.Properties {
			to("property", p.Target)
		}
		to("create", s.Create)
		to("put", s.Put)
		to("read", s.Read)
		to("update", s.Update)
		to("delete", s.Delete)
		to("list", s.List)
		to("operation", s.Operations...)
		to("collectionOperation", s.CollectionOperations...)
		to("resource", s.Resources...)
	}
	return out
}

// backward returns the directed relationships that end at n, reversed.
func (ev *selEval) backward(n selNode) []selEdge {
	if ev.reverse == nil {
		ev.reverse = map[selNode][]selEdge{}
		for _, from := range ev.all() {
			for _, e := range ev.forward(from) {
				ev.reverse[e.to] = append(ev.reverse[e.to], selEdge{e.rel, from})
			}
		}
	}
	return ev.reverse[n]
}

// nodeSet collects nodes once each, in the order they were first added.
type nodeSet struct {
	seen map[selNode]bool
	list []selNode
}

func (s *nodeSet) add(n selNode) bool {
	if s.seen == nil {
		s.seen = map[selNode]bool{}
	}
	if s.seen[n] {
		return false
	}
	s.seen[n] = true
	s.list = append(s.list, n)
	return true
}

// selStep maps the current set of nodes to the next.
type selStep interface {
	apply(ev *selEval, in []selNode) []selNode
}

// filterStep keeps the nodes keep accepts (shape types and attributes).
type filterStep func(n selNode) bool

func (f filterStep) apply(_ *selEval, in []selNode) []selNode {
	var out []selNode
	for _, n := range in {
		if f(n) {
			out = append(out, n)
		}
	}
	return out
}

// isStep is :is(a, b, ...): the union of what each selector yields from each node.
type isStep []*Selector

func (alts isStep) apply(ev *selEval, in []selNode) []selNode {
	var out nodeSet
	for _, n := range in {
		for _, alt := range alts {
			for _, r := range alt.eval(ev, []selNode{n}) {
				out.add(r)
			}
		}
	}
	return out.list
}

// testStep is :test(...) (keep a node when some selector yields anything from
// it) or, negated, :not(...) (keep it when none does).
type testStep struct {
	alts   []*Selector
	negate bool
}

func (t testStep) apply(ev *selEval, in []selNode) []selNode {
	var out []selNode
	for _, n := range in {
		found := false
		for _, alt := range t.alts {
			if len(alt.eval(ev, []selNode{n})) > 0 {
				found = true
				break
			}
		}
		if found != t.negate {
			out = append(out, n)
		}
	}
	return out
}

// neighborStep is > < ~> <~ -[rels]-> and <-[rels]-.
type neighborStep struct {
	reverse, recursive bool
	rels               []string // nil: every directed relationship
}

func (s neighborStep) apply(ev *selEval, in []selNode) []selNode {
	var out nodeSet
	var queue []selNode
	step := func(n selNode) {
		edges := ev.forward(n)
		if s.reverse {
			edges = ev.backward(n)
		}
		for _, e := range edges {
			if s.rels != nil && !slices.Contains(s.rels, e.rel) {
				continue
			}
			if out.add(e.to) && s.recursive {
				queue = append(queue, e.to)
			}
		}
	}
	for _, n := range in {
		step(n)
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		step(n)
	}
	return out.list
}

// selectorTypes are the shape type names a selector may use.
var selectorTypes = map[string]func(ShapeType) bool{
	"*":          func(ShapeType) bool { return true },
	"string":     func(t ShapeType) bool { return t == String || t == Enum },
	"integer":    func(t ShapeType) bool { return t == Integer || t == IntEnum },
	"number":     ShapeType.IsNumber,
	"simpleType": ShapeType.IsSimple,
	"collection": func(t ShapeType) bool { return t == List },
}

func init() {
	for _, t := range append(slices.Clone(ShapeTypes), MemberType) {
		if _, ok := selectorTypes[string(t)]; !ok {
			selectorTypes[string(t)] = func(x ShapeType) bool { return x == t }
		}
	}
}

// selectorRels are the relationship names -[...]-> and <-[...]- may use.
var selectorRels = map[string]bool{
	"input": true, "output": true, "error": true, "resource": true, "identifier": true, "property": true,
	"create": true, "read": true, "update": true, "delete": true, "list": true, "put": true, "member": true,
}

// ParseSelector parses a selector. It fails on a syntax error and on any form
// this package does not support (see the list at the top of selector.go).
func ParseSelector(text string) (*Selector, error) {
	p := &selParser{s: text}
	sel, err := p.selector()
	if err != nil {
		return nil, err
	}
	if p.i < len(p.s) {
		return nil, p.errorf("unexpected %q", p.s[p.i])
	}
	return sel, nil
}

type selParser struct {
	s string
	i int
}

func (p *selParser) errorf(format string, args ...any) error {
	return fmt.Errorf("selector %q: offset %d: %s", strings.Join(strings.Fields(p.s), " "), p.i, fmt.Sprintf(format, args...))
}

func (p *selParser) unsupported(what string) error { return p.errorf("%s is not supported", what) }

// ws skips white space and // comments.
func (p *selParser) ws() {
	for p.i < len(p.s) {
		switch {
		case strings.ContainsRune(" \t\r\n", rune(p.s[p.i])):
			p.i++
		case strings.HasPrefix(p.s[p.i:], "//"):
			for p.i < len(p.s) && p.s[p.i] != '\n' {
				p.i++
			}
		default:
			return
		}
	}
}

func (p *selParser) eat(prefix string) bool {
	if strings.HasPrefix(p.s[p.i:], prefix) {
		p.i += len(prefix)
		return true
	}
	return false
}

// word reads a run of the bytes in set or of letters and digits.
func (p *selParser) word(extra string) string {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if !isAlpha(c) && !(c >= '0' && c <= '9') && !strings.ContainsRune(extra, rune(c)) {
			break
		}
		p.i++
	}
	return p.s[start:p.i]
}

// selector parses steps up to the end of the text, a ',' or a ')'.
func (p *selParser) selector() (*Selector, error) {
	start := p.i
	sel := &Selector{}
	for {
		p.ws()
		if p.i == len(p.s) || p.s[p.i] == ',' || p.s[p.i] == ')' {
			break
		}
		st, err := p.step()
		if err != nil {
			return nil, err
		}
		sel.steps = append(sel.steps, st)
	}
	if len(sel.steps) == 0 {
		return nil, p.errorf("empty selector")
	}
	sel.text = p.s[start:p.i]
	return sel, nil
}

func (p *selParser) step() (selStep, error) {
	switch c := p.s[p.i]; {
	case c == '*' || isAlpha(c):
		name := "*"
		if !p.eat("*") {
			name = p.word("")
		}
		match := selectorTypes[name]
		if match == nil {
			return nil, p.unsupported(fmt.Sprintf("shape type %q", name))
		}
		return filterStep(func(n selNode) bool { return match(n.typ()) }), nil
	case c == '[':
		return p.attribute()
	case c == ':':
		return p.function()
	case p.eat("~>"):
		return neighborStep{recursive: true}, nil
	case p.eat("<~"):
		return neighborStep{reverse: true, recursive: true}, nil
	case p.eat("<-["):
		rels, err := p.relationships("]-")
		return neighborStep{reverse: true, rels: rels}, err
	case p.eat("-["):
		rels, err := p.relationships("]->")
		return neighborStep{rels: rels}, err
	case p.eat(">"):
		return neighborStep{}, nil
	case p.eat("<"):
		return neighborStep{reverse: true}, nil
	case c == '$':
		return nil, p.unsupported("a variable")
	}
	return nil, p.errorf("unexpected %q", p.s[p.i])
}

func (p *selParser) relationships(end string) ([]string, error) {
	var rels []string
	for {
		p.ws()
		name := p.word("")
		if name == "" {
			return nil, p.errorf("want a relationship name")
		}
		if !selectorRels[name] {
			return nil, p.unsupported(fmt.Sprintf("relationship %q", name))
		}
		rels = append(rels, name)
		p.ws()
		if p.eat(",") {
			continue
		}
		if p.eat(end) {
			return rels, nil
		}
		return nil, p.errorf("want , or %s", end)
	}
}

func (p *selParser) function() (selStep, error) {
	p.i++ // ':'
	name := p.word("")
	p.ws()
	if !p.eat("(") {
		return nil, p.errorf("want ( after :%s", name)
	}
	switch name {
	case "is", "each", "not", "test":
	default:
		return nil, p.unsupported(":" + name)
	}
	var alts []*Selector
	for {
		sel, err := p.selector()
		if err != nil {
			return nil, err
		}
		alts = append(alts, sel)
		if p.eat(",") {
			continue
		}
		if p.eat(")") {
			break
		}
		return nil, p.errorf("want , or ) in :%s", name)
	}
	switch name {
	case "is", "each":
		return isStep(alts), nil
	case "not":
		return testStep{alts: alts, negate: true}, nil
	}
	return testStep{alts: alts}, nil
}

// attribute parses [key], [key op values] and [key op values i].
func (p *selParser) attribute() (selStep, error) {
	p.i++ // '['
	p.ws()
	var path []string
	for {
		seg := p.word("_.#")
		if seg == "" {
			if p.i < len(p.s) && p.s[p.i] == '(' {
				return nil, p.unsupported("a scoped attribute path")
			}
			if p.i < len(p.s) && p.s[p.i] == '@' {
				return nil, p.unsupported("a scoped attribute selector")
			}
			return nil, p.errorf("want an attribute name")
		}
		path = append(path, seg)
		if !p.eat("|") {
			break
		}
	}
	p.ws()
	key := strings.Join(path, "|")
	if p.eat("]") {
		return p.presence(path, key)
	}
	var op string
	for _, o := range []string{"!=", "^=", "$=", "*=", "="} {
		if p.eat(o) {
			op = o
			break
		}
	}
	if op == "" {
		for _, o := range []string{"?=", ">", "<", "{", "~="} {
			if strings.HasPrefix(p.s[p.i:], o) {
				return nil, p.unsupported("the attribute comparator " + o)
			}
		}
		if p.i == len(p.s) {
			return nil, p.errorf("want ] after [%s", key)
		}
		return nil, p.errorf("unexpected %q", p.s[p.i])
	}
	get, err := p.idAttribute(path, key)
	if err != nil {
		return nil, err
	}
	var values []string
	for {
		p.ws()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		values = append(values, v)
		p.ws()
		if !p.eat(",") {
			break
		}
	}
	fold := false
	if p.i+1 < len(p.s) && p.s[p.i] == 'i' && !isAlpha(p.s[p.i+1]) {
		p.i++
		fold = true
		p.ws()
	}
	if !p.eat("]") {
		return nil, p.errorf("want ] after [%s", key)
	}
	return filterStep(func(n selNode) bool {
		got, ok := get(n)
		if !ok {
			return false
		}
		for _, v := range values {
			if compareAttr(op, got, v, fold) {
				return true
			}
		}
		return false
	}), nil
}

// presence is [trait|name] or [id...]: the attribute exists.
func (p *selParser) presence(path []string, key string) (selStep, error) {
	if len(path) == 2 && path[0] == "trait" {
		id, err := traitRef(path[1])
		if err != nil {
			return nil, p.errorf("[%s]: %v", key, err)
		}
		return filterStep(func(n selNode) bool { return n.traits().Has(id) }), nil
	}
	get, err := p.idAttribute(path, key)
	if err != nil {
		return nil, err
	}
	return filterStep(func(n selNode) bool { _, ok := get(n); return ok }), nil
}

// idAttribute returns the getter of id, id|namespace, id|name or id|member.
func (p *selParser) idAttribute(path []string, key string) (func(selNode) (string, bool), error) {
	switch key {
	case "id":
		return func(n selNode) (string, bool) { return n.id().String(), true }, nil
	case "id|namespace":
		return func(n selNode) (string, bool) { return n.id().Namespace, true }, nil
	case "id|name":
		return func(n selNode) (string, bool) { return n.id().Name, true }, nil
	case "id|member":
		return func(n selNode) (string, bool) { return n.id().Member, n.member != nil }, nil
	}
	if path[0] == "trait" {
		return nil, p.unsupported("a trait value or path ([" + key + "])")
	}
	return nil, p.unsupported("the attribute [" + key + "]")
}

// value reads a quoted string or an unquoted shape ID, identifier or number.
func (p *selParser) value() (string, error) {
	if p.i < len(p.s) && (p.s[p.i] == '\'' || p.s[p.i] == '"') {
		q := p.s[p.i]
		end := strings.IndexByte(p.s[p.i+1:], q)
		if end < 0 {
			return "", p.errorf("unterminated string")
		}
		v := p.s[p.i+1 : p.i+1+end]
		p.i += end + 2
		return v, nil
	}
	v := p.word("_.#$-+")
	if v == "" {
		return "", p.errorf("want a value")
	}
	return v, nil
}

func compareAttr(op, got, want string, fold bool) bool {
	if fold {
		got, want = strings.ToLower(got), strings.ToLower(want)
	}
	switch op {
	case "=":
		return got == want
	case "!=":
		return got != want
	case "^=":
		return strings.HasPrefix(got, want)
	case "$=":
		return strings.HasSuffix(got, want)
	}
	return strings.Contains(got, want) // *=
}

// traitRef resolves the trait name of [trait|name]: relative names are in smithy.api.
func traitRef(name string) (ShapeID, error) {
	if !strings.Contains(name, "#") {
		name = PreludeNamespace + "#" + name
	}
	id, err := ParseShapeID(name)
	if err == nil && id.Member != "" {
		err = fmt.Errorf("%s is a member, not a trait", id)
	}
	return id, err
}

// traitDef is what checkTraitDefinitions reads of a trait definition.
type traitDef struct {
	selector  *Selector // nil: "*", or not supported (fail-open)
	conflicts []ShapeID
}

// checkTraitDefinitions checks every application of a trait defined in the
// model (with @trait) outside the prelude against its definition: the shape or
// member must match its selector, and carry none of the traits it conflicts
// with. Prelude traits are checked by traitPlacement instead. A selector that
// ParseSelector does not support is not checked (fail-open).
func checkTraitDefinitions(m *Model) ErrorList {
	var errs ErrorList
	ev := newSelEval(m)
	defs := map[ShapeID]*traitDef{}
	compiled := map[string]*Selector{}
	matched := map[*Selector]map[ShapeID]bool{}
	definition := func(id ShapeID) *traitDef {
		if d, ok := defs[id]; ok {
			return d
		}
		var d *traitDef
		s := m.shapes[id]
		if s != nil && !id.IsPrelude() && id.Member == "" {
			if tr, ok := s.Traits.Get(TraitTrait); ok {
				d = parseTraitDef(m, id, tr, compiled)
			}
		}
		defs[id] = d
		return d
	}
	reported := map[[3]ShapeID]bool{}
	check := func(n selNode, pos Pos) {
		traits := n.traits()
		for _, tr := range traits.All() {
			d := definition(tr.ID)
			if d == nil {
				continue
			}
			at := tr.Pos
			if at == (Pos{}) {
				at = pos
			}
			if sel := d.selector; sel != nil {
				set := matched[sel]
				if set == nil {
					set = map[ShapeID]bool{}
					for _, r := range sel.eval(ev, ev.all()) {
						set[r.id()] = true
					}
					matched[sel] = set
				}
				if !set[n.id()] {
					errs = append(errs, Errorf(at, n.id(), "trait %s cannot be applied here: it may only be applied to shapes matching %s", tr.ID, sel))
				}
			}
			for _, c := range d.conflicts {
				if c == tr.ID || !traits.Has(c) {
					continue
				}
				key := [3]ShapeID{n.id(), tr.ID, c}
				if tr.ID.Compare(c) > 0 {
					key[1], key[2] = c, tr.ID
				}
				if reported[key] {
					continue
				}
				reported[key] = true
				errs = append(errs, Errorf(at, n.id(), "trait %s conflicts with trait %s: a shape cannot have both", tr.ID, c))
			}
		}
	}
	for _, n := range ev.all() {
		if n.member != nil {
			check(n, n.member.Pos)
		} else {
			check(n, n.shape.Pos)
		}
	}
	return errs
}

// parseTraitDef reads @trait(selector: ..., conflicts: [...]) of trait id.
// Selectors are parsed once per distinct text (compiled caches them, nil for
// one that is not supported). A relative conflicting trait name is resolved
// as the IDL resolves it: a shape of the definition's namespace, else the prelude.
func parseTraitDef(m *Model, id ShapeID, tr *Trait, compiled map[string]*Selector) *traitDef {
	d := &traitDef{}
	o, _ := tr.Value.(map[string]any)
	if text, ok := o["selector"].(string); ok && strings.TrimSpace(text) != "*" {
		sel, seen := compiled[text]
		if !seen {
			sel, _ = ParseSelector(text) // nil when not supported: fail-open
			compiled[text] = sel
		}
		d.selector = sel
	}
	list, _ := o["conflicts"].([]any)
	for _, v := range list {
		s, _ := v.(string)
		if !strings.Contains(s, "#") {
			if m.shapes[ShapeID{Namespace: id.Namespace, Name: s}] != nil {
				s = id.Namespace + "#" + s
			} else {
				s = PreludeNamespace + "#" + s
			}
		}
		if c, err := ParseShapeID(s); err == nil && c.Member == "" {
			d.conflicts = append(d.conflicts, c)
		}
	}
	return d
}
