package idl

import (
	"fmt"
	"strings"

	"github.com/smithygen/smithygen/model"
)

// parser is a recursive-descent parser for one file. A syntax error records
// the error and unwinds with a bailout panic, recovered in parseFile: the
// statements committed before it are kept.
type parser struct {
	l     *Loader
	f     *file
	toks  []token
	i     int
	lines lines
	depth int
	cur   batch // the statement being parsed
}

type bailout struct{}

// shapeTypes maps the keywords of shape statements to shape types. A set
// (Smithy 1.0) becomes a list with @uniqueItems.
var shapeTypes = map[string]model.ShapeType{
	"blob": model.Blob, "boolean": model.Boolean, "document": model.Document, "string": model.String,
	"byte": model.Byte, "short": model.Short, "integer": model.Integer, "long": model.Long,
	"float": model.Float, "double": model.Double, "bigInteger": model.BigInteger,
	"bigDecimal": model.BigDecimal, "timestamp": model.Timestamp,
	"enum": model.Enum, "intEnum": model.IntEnum,
	"list": model.List, "set": model.List, "map": model.Map, "union": model.Union, "structure": model.Structure,
	"service": model.Service, "resource": model.Resource, "operation": model.Operation,
}

func (p *parser) parseFile() {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
		}
	}()
	p.controlSection()
	p.metadataSection()
	if p.is(tEOF) {
		return
	}
	p.namespaceStatement()
	p.useSection()
	for !p.is(tEOF) {
		p.shapeOrApplyStatement()
		p.l.commit(&p.cur)
		p.cur = batch{}
	}
}

// --- tokens ---------------------------------------------------------------

func (p *parser) pos(off int) model.Pos {
	line, col := p.lines.lineCol(off)
	return model.Pos{File: p.f.name, Line: line, Col: col}
}

// tok returns the current token; reaching a lexical error fails.
func (p *parser) tok() token {
	t := p.toks[p.i]
	if t.kind == tError {
		p.fail(t.off, "%s", t.text)
	}
	return t
}

// peek returns the token n places after the current one.
func (p *parser) peek(n int) token {
	return p.toks[min(p.i+n, len(p.toks)-1)]
}

func (p *parser) next() token {
	t := p.tok()
	if p.i < len(p.toks)-1 {
		p.i++
	}
	return t
}

func (p *parser) is(k tokKind) bool { return p.tok().kind == k }

func (p *parser) isIdent(text string) bool {
	t := p.tok()
	return t.kind == tIdent && t.text == text
}

// fail records a syntax error and stops parsing the file.
func (p *parser) fail(off int, format string, args ...any) {
	p.l.b.Error(model.Errorf(p.pos(off), model.ShapeID{}, format, args...))
	panic(bailout{})
}

// expected fails with "expected what, found <current token>".
func (p *parser) expected(what string) {
	t := p.tok()
	p.fail(t.off, "expected %s, found %s", what, t.describe())
}

func (p *parser) expect(k tokKind, what string) token {
	if !p.is(k) {
		p.expected(what)
	}
	return p.next()
}

// expectBR checks that the statement just parsed ends the line.
func (p *parser) expectBR(after string) {
	if t := p.tok(); t.kind != tEOF && !t.nl {
		p.fail(t.off, "expected line break after %s, found %s", after, t.describe())
	}
}

// errorf records an error that does not stop parsing.
func (p *parser) errorf(off int, shape model.ShapeID, format string, args ...any) {
	p.l.b.Error(model.Errorf(p.pos(off), shape, format, args...))
}

// requireV2 reports syntax that IDL 1.0 files may not use.
func (p *parser) requireV2(t token, what string) {
	if p.f.v1 {
		p.errorf(t.off, model.ShapeID{}, "IDL 1 does not support %s: declare $version: \"2\"", what)
	}
}

// adjacent fails unless the current token directly follows prev (as in "@trait" and "$member").
func (p *parser) adjacent(prev token, what string) token {
	t := p.tok()
	if t.kind != tIdent || t.off != prev.off+1 {
		p.expected(what + " right after " + fmt.Sprintf("%q", punct[prev.kind]))
	}
	return p.next()
}

// identifier reads an Identifier: a shape or member name, or a node object key.
func (p *parser) identifier(what string) token {
	t := p.tok()
	if t.kind != tIdent {
		p.expected(what)
	}
	if !validIdentifier(t.text) {
		p.fail(t.off, "invalid %s %q", what, t.text)
	}
	return p.next()
}

// shapeID reads a shape ID, relative or absolute, with or without a member.
func (p *parser) shapeID() token {
	t := p.tok()
	if t.kind != tIdent {
		p.expected("shape ID")
	}
	if !validShapeID(t.text) {
		p.fail(t.off, "invalid shape ID %q", t.text)
	}
	return p.next()
}

// ref records a reference to resolve in Finish.
func (p *parser) ref(text string, set func(model.ShapeID)) {
	p.cur.refs = append(p.cur.refs, &ref{file: p.f, text: text, set: set})
}

// --- control, metadata, namespace, use -------------------------------------

func (p *parser) controlSection() {
	seen := map[string]bool{}
	for p.is(tDollar) {
		dollar := p.next()
		key := p.nodeKey(dollar)
		p.expect(tColon, `":"`)
		v := p.nodeValue()
		p.expectBR("the control statement")
		if seen[key] {
			p.errorf(dollar.off, model.ShapeID{}, "duplicate control statement $%s", key)
			continue
		}
		seen[key] = true
		switch key {
		case "version":
			major, ok := versionMajor(v)
			switch {
			case !ok:
				p.errorf(v.off, model.ShapeID{}, "$version must be a version string like \"2.0\", not %s", nodeDesc(v))
			case major == "1":
				p.f.v1 = true
			case major != "2":
				p.errorf(v.off, model.ShapeID{}, "unsupported IDL version %q: want 1.x or 2.x", v.str)
			}
		case "operationInputSuffix", "operationOutputSuffix":
			if v.kind != nString || !validSuffix(v.str) {
				p.errorf(v.off, model.ShapeID{}, "$%s must be a string of identifier characters, not %s", key, nodeDesc(v))
				continue
			}
			if key == "operationInputSuffix" {
				p.f.inputSuffix = v.str
			} else {
				p.f.outputSuffix = v.str
			}
		}
		// Unknown control statements are ignored, as the spec requires.
	}
}

// versionMajor returns the major version of a $version value ("2", "2.0", "1.0").
func versionMajor(v *node) (string, bool) {
	if v.kind != nString {
		return "", false
	}
	major, minor, hasMinor := strings.Cut(v.str, ".")
	if !allDigits(major) || hasMinor && !allDigits(minor) {
		return "", false
	}
	return strings.TrimLeft(major, "0"), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func validSuffix(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isIdentChar(s[i]) {
			return false
		}
	}
	return true
}

// nodeDesc describes a node value for error messages.
func nodeDesc(n *node) string {
	switch n.kind {
	case nString, nShapeID:
		return fmt.Sprintf("%s %q", n.kind, n.str)
	case nNumber:
		return "number " + n.str
	case nArray, nObject:
		return "an " + n.kind.String()
	case nBool:
		return "a boolean"
	}
	return "null"
}

func (p *parser) metadataSection() {
	meta := &file{name: p.f.name} // metadata is outside any namespace and use statement
	for p.isIdent("metadata") {
		kw := p.next()
		key := p.nodeKey(kw)
		p.expect(tEqual, `"="`)
		v := p.nodeValue()
		p.expectBR("the metadata statement")
		p.l.done.meta = append(p.l.done.meta, &metaStmt{file: meta, key: key, value: v, pos: p.pos(kw.off)})
	}
}

const misplacedControl = "control statements must come first in a file, before metadata and the namespace"

func (p *parser) namespaceStatement() {
	switch {
	case p.is(tDollar):
		p.fail(p.tok().off, misplacedControl)
	case p.isIdent("namespace"):
	default:
		p.expected(`"namespace"`)
	}
	p.next()
	t := p.tok()
	if t.kind != tIdent {
		p.expected("namespace")
	}
	if !validNamespace(t.text) {
		p.fail(t.off, "invalid namespace %q", t.text)
	}
	p.next()
	p.f.namespace = t.text
	p.expectBR("the namespace statement")
}

func (p *parser) useSection() {
	for p.isIdent("use") {
		p.next()
		t := p.shapeID()
		p.expectBR("the use statement")
		id, err := model.ParseShapeID(t.text)
		switch {
		case err != nil:
			p.errorf(t.off, model.ShapeID{}, "use needs an absolute shape ID (namespace#Name), not %q", t.text)
			continue
		case id.Member != "":
			p.errorf(t.off, model.ShapeID{}, "use cannot import a member (%s)", id)
			continue
		}
		if prev, ok := p.f.uses[id.Name]; ok && prev.id != id {
			p.errorf(t.off, model.ShapeID{}, "use %s conflicts with use %s at %s", id, prev.id, prev.pos)
			continue
		}
		p.f.uses[id.Name] = useStmt{id: id, pos: p.pos(t.off)}
	}
}

// --- shapes ----------------------------------------------------------------

func (p *parser) shapeOrApplyStatement() {
	start := p.tok()
	traits := p.traitStatements()
	kw := p.tok()
	if kw.kind != tIdent {
		if kw.kind == tDollar && len(traits) == 0 {
			p.fail(kw.off, misplacedControl)
		}
		p.expected("shape definition or apply statement")
	}
	switch kw.text {
	case "use", "metadata":
		p.fail(kw.off, "%s statements must come before shape definitions", kw.text)
	case "namespace":
		p.fail(kw.off, "a file may have only one namespace statement")
	}
	if kw.text == "apply" {
		if len(traits) > 0 {
			p.fail(kw.off, "traits cannot come before an apply statement")
		}
		p.applyStatement()
		return
	}
	typ, ok := shapeTypes[kw.text]
	if !ok {
		p.expected("shape type")
	}
	if typ == model.Enum || typ == model.IntEnum {
		p.requireV2(kw, kw.text+" shapes")
	}
	p.next()
	name := p.identifier("shape name")
	s := &model.Shape{ID: model.ShapeID{Namespace: p.f.namespace, Name: name.text}, Type: typ, Pos: p.pos(kw.off)}
	sd := p.define(s, name.off)
	p.addTraits(s, &s.Traits, s.ID, start, traits)
	switch typ {
	case model.List, model.Map, model.Union, model.Structure:
		if kw.text == "set" {
			p.sugar(&s.Traits, s.ID, model.TraitUniqueItems, &node{kind: nObject}, kw.off)
		}
		p.forResource(sd)
		p.mixins(s)
		p.members(sd)
	case model.Enum, model.IntEnum:
		p.mixins(s)
		p.enumMembers(s)
	case model.Service, model.Resource:
		p.mixins(s)
		p.entity(s, p.nodeObject())
	case model.Operation:
		p.mixins(s)
		p.operationBody(s)
	default: // simple shapes
		p.mixins(s)
	}
	p.expectBR("the shape definition")
}

// define adds a shape defined in this file.
func (p *parser) define(s *model.Shape, nameOff int) *shapeDef {
	if u, ok := p.f.uses[s.ID.Name]; ok {
		p.errorf(nameOff, s.ID, "shape name conflicts with use %s at %s", u.id, u.pos)
	}
	sd := &shapeDef{shape: s, file: p.f}
	p.cur.shapes = append(p.cur.shapes, sd)
	return sd
}

func (p *parser) forResource(sd *shapeDef) {
	if !p.isIdent("for") {
		return
	}
	kw := p.next()
	p.requireV2(kw, "target elision with \"for\"")
	t := p.shapeID()
	sd.forPos = p.pos(t.off)
	p.ref(t.text, func(id model.ShapeID) { sd.forResource = id })
}

func (p *parser) mixins(s *model.Shape) {
	if !p.isIdent("with") {
		return
	}
	kw := p.next()
	p.requireV2(kw, "mixins")
	p.expect(tLBracket, `"["`)
	var ids []string
	for !p.is(tRBracket) || len(ids) == 0 {
		ids = append(ids, p.shapeID().text)
	}
	p.next()
	s.Mixins = make([]model.ShapeID, len(ids))
	for i, text := range ids {
		p.ref(text, func(id model.ShapeID) { s.Mixins[i] = id })
	}
}

// members parses the members of a list, map, set, structure or union.
func (p *parser) members(sd *shapeDef) {
	s := sd.shape
	p.expect(tLBrace, `"{"`)
	seen := map[string]*model.Member{}
	for !p.is(tRBrace) {
		start := p.tok()
		traits := p.traitStatements()
		var name token
		elided := p.is(tDollar)
		if elided {
			dollar := p.next()
			p.requireV2(dollar, "target elision")
			name = p.adjacent(dollar, "member name")
			if !validIdentifier(name.text) {
				p.fail(name.off, "invalid member name %q", name.text)
			}
		} else {
			name = p.identifier("member name")
		}
		m := &model.Member{ID: s.ID.WithMember(name.text), Pos: p.pos(name.off)}
		if elided {
			m.Pos = p.pos(name.off - 1)
		} else {
			p.expect(tColon, `":"`)
			p.ref(p.shapeID().text, func(id model.ShapeID) { m.Target = id })
		}
		p.addTraits(s, &m.Traits, m.ID, start, traits)
		if p.is(tEqual) {
			eq := p.next()
			p.requireV2(eq, "default values")
			p.sugar(&m.Traits, m.ID, model.TraitDefault, p.nodeValue(), eq.off)
			p.expectBR("the default value")
		}
		if !p.addMember(s, m, seen) {
			continue
		}
		if elided {
			sd.elided = append(sd.elided, m)
		}
	}
	p.next()
}

// addMember appends m unless the shape has a member of that name (seen).
func (p *parser) addMember(s *model.Shape, m *model.Member, seen map[string]*model.Member) bool {
	if prev := seen[m.ID.Member]; prev != nil {
		p.l.b.Errorf(m.Pos, m.ID, "duplicate member %q, first defined at %s", m.ID.Member, prev.Pos)
		return false
	}
	seen[m.ID.Member] = m
	s.Members = append(s.Members, m)
	return true
}

func (p *parser) enumMembers(s *model.Shape) {
	p.expect(tLBrace, `"{"`)
	if p.is(tRBrace) && len(s.Mixins) == 0 {
		p.expected("enum member")
	}
	seen := map[string]*model.Member{}
	for !p.is(tRBrace) {
		start := p.tok()
		traits := p.traitStatements()
		name := p.identifier("enum member name")
		m := &model.Member{ID: s.ID.WithMember(name.text), Target: model.UnitID, Pos: p.pos(name.off)}
		p.addTraits(s, &m.Traits, m.ID, start, traits)
		if p.is(tEqual) {
			eq := p.next()
			p.sugar(&m.Traits, m.ID, model.TraitEnumValue, p.nodeValue(), eq.off)
			p.expectBR("the enum value")
		}
		p.addMember(s, m, seen)
	}
	p.next()
}

func (p *parser) operationBody(s *model.Shape) {
	p.expect(tLBrace, `"{"`)
	seen := map[string]bool{}
	for !p.is(tRBrace) {
		k := p.tok()
		if k.kind != tIdent || k.text != "input" && k.text != "output" && k.text != "errors" {
			p.expected(`"input", "output" or "errors"`)
		}
		p.next()
		if seen[k.text] {
			p.errorf(k.off, s.ID, "duplicate operation property %q", k.text)
		}
		seen[k.text] = true
		dst := &s.Input
		if k.text == "output" {
			dst = &s.Output
		}
		switch {
		case k.text == "errors":
			p.expect(tColon, `":"`)
			p.expect(tLBracket, `"["`)
			var ids []string
			for !p.is(tRBracket) {
				ids = append(ids, p.shapeID().text)
			}
			p.next()
			s.Errors = make([]model.ShapeID, len(ids))
			for i, text := range ids {
				p.ref(text, func(id model.ShapeID) { s.Errors[i] = id })
			}
		case p.is(tWalrus):
			w := p.next()
			p.requireV2(w, "inline input and output")
			*dst = p.inlineStructure(s, k)
		default:
			p.expect(tColon, `":" or ":="`)
			p.ref(p.shapeID().text, func(id model.ShapeID) { *dst = id })
		}
	}
	p.next()
}

// inlineStructure parses "input := ..." or "output := ...": a structure
// named after the operation and the file's suffix, marked @input or @output.
func (p *parser) inlineStructure(op *model.Shape, kw token) model.ShapeID {
	suffix, marker := p.f.inputSuffix, model.TraitInput
	if kw.text == "output" {
		suffix, marker = p.f.outputSuffix, model.TraitOutput
	}
	start := p.tok()
	traits := p.traitStatements()
	s := &model.Shape{ID: model.ShapeID{Namespace: op.ID.Namespace, Name: op.ID.Name + suffix}, Type: model.Structure, Pos: p.pos(kw.off)}
	sd := p.define(s, kw.off)
	p.sugar(&s.Traits, s.ID, marker, &node{kind: nObject}, kw.off)
	p.addTraits(s, &s.Traits, s.ID, start, traits)
	p.forResource(sd)
	p.mixins(s)
	p.members(sd)
	return s.ID
}

// entity fills a service or resource from its node object.
func (p *parser) entity(s *model.Shape, obj *node) {
	for _, fl := range obj.fields {
		v := fl.value
		switch key := string(s.Type) + "." + fl.key; key {
		case "service.version":
			if v.kind != nString {
				p.errorf(v.off, s.ID, "service version must be a string, not %s", nodeDesc(v))
				continue
			}
			s.Version = v.str
		case "service.operations", "resource.operations":
			s.Operations = p.refList(s, fl)
		case "service.resources", "resource.resources":
			s.Resources = p.refList(s, fl)
		case "service.errors":
			s.Errors = p.refList(s, fl)
		case "resource.collectionOperations":
			s.CollectionOperations = p.refList(s, fl)
		case "service.rename":
			p.rename(s, v)
		case "resource.identifiers":
			s.Identifiers = p.namedTargets(s, fl)
		case "resource.properties":
			s.Properties = p.namedTargets(s, fl)
		case "resource.create", "resource.put", "resource.read", "resource.update", "resource.delete", "resource.list":
			dst := map[string]*model.ShapeID{"create": &s.Create, "put": &s.Put, "read": &s.Read,
				"update": &s.Update, "delete": &s.Delete, "list": &s.List}[fl.key]
			p.nodeRef(s, v, func(id model.ShapeID) { *dst = id })
		default:
			p.errorf(fl.off, s.ID, "unknown %s property %q", s.Type, fl.key)
		}
	}
}

// nodeRef records a reference written as a node value.
func (p *parser) nodeRef(s *model.Shape, v *node, set func(model.ShapeID)) {
	if (v.kind != nShapeID && v.kind != nString) || !validShapeID(v.str) {
		p.errorf(v.off, s.ID, "expected shape ID, found %s", nodeDesc(v))
		return
	}
	p.ref(v.str, set)
}

func (p *parser) refList(s *model.Shape, fl field) []model.ShapeID {
	if fl.value.kind != nArray {
		p.errorf(fl.value.off, s.ID, "%s %s must be a list of shape IDs, not %s", s.Type, fl.key, nodeDesc(fl.value))
		return nil
	}
	out := make([]model.ShapeID, len(fl.value.items))
	for i, it := range fl.value.items {
		p.nodeRef(s, it, func(id model.ShapeID) { out[i] = id })
	}
	return out
}

func (p *parser) namedTargets(s *model.Shape, fl field) []model.NamedTarget {
	if fl.value.kind != nObject {
		p.errorf(fl.value.off, s.ID, "resource %s must be an object of names to shape IDs, not %s", fl.key, nodeDesc(fl.value))
		return nil
	}
	out := make([]model.NamedTarget, len(fl.value.fields))
	for i, nf := range fl.value.fields {
		out[i].Name = nf.key
		p.nodeRef(s, nf.value, func(id model.ShapeID) { out[i].Target = id })
	}
	return out
}

func (p *parser) rename(s *model.Shape, v *node) {
	if v.kind != nObject {
		p.errorf(v.off, s.ID, "service rename must be an object, not %s", nodeDesc(v))
		return
	}
	s.Rename = make(map[model.ShapeID]string, len(v.fields))
	for _, fl := range v.fields {
		id, err := model.ParseShapeID(fl.key)
		if err != nil || id.Member != "" {
			p.errorf(fl.off, s.ID, "rename keys must be absolute shape IDs, not %q", fl.key)
			continue
		}
		if fl.value.kind != nString {
			p.errorf(fl.value.off, s.ID, "rename of %s must be a string, not %s", id, nodeDesc(fl.value))
			continue
		}
		s.Rename[id] = fl.value.str
	}
}

func (p *parser) applyStatement() {
	p.next()
	t := p.shapeID()
	a := &applyStmt{}
	p.ref(t.text, func(id model.ShapeID) { a.target = id })
	var traits []*traitApp
	switch {
	case p.is(tAt):
		traits = []*traitApp{p.trait()}
	case p.is(tLBrace):
		p.next()
		traits = p.traitStatements()
		p.expect(tRBrace, `trait or "}"`)
	default:
		p.expected(`trait or "{"`)
	}
	a.traits = traits
	p.cur.applies = append(p.cur.applies, a)
	p.expectBR("the apply statement")
}

// --- traits ----------------------------------------------------------------

// traitStatements parses the traits before a shape or member.
func (p *parser) traitStatements() []*traitApp {
	var out []*traitApp
	for p.is(tAt) {
		out = append(out, p.trait())
	}
	return out
}

func (p *parser) trait() *traitApp {
	at := p.next()
	name := p.adjacent(at, "trait shape ID")
	if !validShapeID(name.text) || strings.Contains(name.text, "$") {
		p.fail(name.off, "invalid trait shape ID %q", name.text)
	}
	t := &traitApp{file: p.f, text: name.text, pos: p.pos(at.off)}
	if !p.is(tLParen) {
		return t
	}
	lp := p.next()
	switch {
	case p.is(tRParen): // "@foo()" is "@foo"
	case (p.is(tIdent) || p.is(tString)) && p.peek(1).kind == tColon:
		obj := &node{kind: nObject, off: lp.off + 1}
		p.objectFields(obj, tRParen)
		t.value = obj
	default:
		t.value = p.nodeValue()
		if !p.is(tRParen) {
			p.expected(`")"`)
		}
	}
	p.next()
	return t
}

// addTraits records the traits written before a shape or member, and its
// documentation comment, which is on the first token of the definition.
func (p *parser) addTraits(s *model.Shape, dst *model.Traits, owner model.ShapeID, start token, traits []*traitApp) {
	if start.doc != nil {
		p.sugar(dst, owner, model.TraitDocumentation, &node{kind: nString, str: strings.Join(start.doc.lines, "\n")}, start.doc.off)
	}
	for _, t := range traits {
		t.traits, t.owner = dst, owner
		if (t.text == "private" || t.text == "smithy.api#private") && dst == &s.Traits {
			for _, sd := range p.cur.shapes {
				sd.private = sd.private || sd.shape == s
			}
		}
		p.cur.traits = append(p.cur.traits, t)
	}
}

// sugar records a trait the syntax implies: documentation comments, default
// and enum values, @input and @output of inline structures, @uniqueItems of sets.
func (p *parser) sugar(dst *model.Traits, owner, id model.ShapeID, value *node, off int) {
	p.cur.traits = append(p.cur.traits, &traitApp{file: p.f, id: id, value: value, pos: p.pos(off), traits: dst, owner: owner})
}

// --- node values -----------------------------------------------------------

// nodeKey reads a NodeObjectKey (a quoted string or an identifier); for
// control and metadata statements it must follow prev on the same line.
func (p *parser) nodeKey(prev token) string {
	t := p.tok()
	switch {
	case prev.kind == tDollar && t.off != prev.off+1:
		p.expected(`control statement name right after "$"`)
	case t.kind == tString:
	case t.kind == tIdent && validIdentifier(t.text):
	default:
		p.expected("object key (identifier or quoted string)")
	}
	p.next()
	return t.text
}

func (p *parser) nodeValue() *node {
	t := p.tok()
	switch t.kind {
	case tLBrace:
		return p.nodeObject()
	case tLBracket:
		p.enter(t)
		defer p.leave()
		p.next()
		n := &node{kind: nArray, off: t.off}
		for !p.is(tRBracket) {
			n.items = append(n.items, p.nodeValue())
		}
		p.next()
		return n
	case tNumber:
		p.next()
		return &node{kind: nNumber, str: t.text, off: t.off}
	case tString, tTextBlock:
		p.next()
		return &node{kind: nString, str: t.text, off: t.off}
	case tIdent:
		p.next()
		switch t.text {
		case "true", "false":
			return &node{kind: nBool, b: t.text == "true", off: t.off}
		case "null":
			return &node{kind: nNull, off: t.off}
		}
		if !validShapeID(t.text) {
			p.fail(t.off, "invalid shape ID %q (quote strings that are not shape IDs)", t.text)
		}
		return &node{kind: nShapeID, str: t.text, off: t.off}
	}
	p.expected("node value")
	return nil
}

func (p *parser) nodeObject() *node {
	t := p.expect(tLBrace, `"{"`)
	p.enter(t)
	defer p.leave()
	n := &node{kind: nObject, off: t.off}
	p.objectFields(n, tRBrace)
	p.next()
	return n
}

// objectFields parses "key: value" pairs into obj up to the end token; a key may appear once.
func (p *parser) objectFields(obj *node, end tokKind) {
	seen := map[string]bool{}
	for !p.is(end) {
		k := p.tok()
		key := p.nodeKey(token{})
		p.expect(tColon, `":"`)
		v := p.nodeValue()
		if seen[key] {
			p.errorf(k.off, model.ShapeID{}, "duplicate object key %q", key)
			continue
		}
		seen[key] = true
		obj.fields = append(obj.fields, field{key: key, off: k.off, value: v})
	}
}

func (p *parser) enter(t token) {
	if p.depth++; p.depth > maxDepth {
		p.fail(t.off, "node values nested deeper than %d levels", maxDepth)
	}
}

func (p *parser) leave() { p.depth-- }

// --- identifiers -----------------------------------------------------------

// validIdentifier reports whether s is an Identifier: (1*"_" (ALPHA / DIGIT)) / ALPHA, then ALPHA / DIGIT / "_".
func validIdentifier(s string) bool {
	i := 0
	for i < len(s) && s[i] == '_' {
		i++
	}
	if i == len(s) || (i == 0 && isDigit(s[0])) || !isIdentChar(s[i]) {
		return false
	}
	for ; i < len(s); i++ {
		if !isIdentChar(s[i]) {
			return false
		}
	}
	return true
}

func validNamespace(s string) bool {
	for part := range strings.SplitSeq(s, ".") {
		if !validIdentifier(part) {
			return false
		}
	}
	return true
}

// validShapeID reports whether s is a ShapeId: [Namespace "#"] Identifier ["$" Identifier].
func validShapeID(s string) bool {
	if ns, rest, ok := strings.Cut(s, "#"); ok {
		if !validNamespace(ns) {
			return false
		}
		s = rest
	}
	name, member, hasMember := strings.Cut(s, "$")
	return validIdentifier(name) && (!hasMember || validIdentifier(member))
}
