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

// simpleTypes are the shape types of SimpleShape statements.
var simpleTypes = map[string]model.ShapeType{
	"blob": model.Blob, "boolean": model.Boolean, "document": model.Document, "string": model.String,
	"byte": model.Byte, "short": model.Short, "integer": model.Integer, "long": model.Long,
	"float": model.Float, "double": model.Double, "bigInteger": model.BigInteger,
	"bigDecimal": model.BigDecimal, "timestamp": model.Timestamp,
}

// aggregateTypes are the shape types of AggregateShape statements. A set
// (Smithy 1.0) becomes a list with @uniqueItems.
var aggregateTypes = map[string]model.ShapeType{
	"list": model.List, "set": model.List, "map": model.Map, "union": model.Union, "structure": model.Structure,
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
		p.fail(t.off, "expected a line break after %s, found %s", after, t.describe())
	}
}

// errorf records an error that does not stop parsing.
func (p *parser) errorf(off int, shape model.ShapeID, format string, args ...any) {
	p.l.b.Error(model.Errorf(p.pos(off), shape, format, args...))
}

// requireV2 reports syntax that IDL 1.0 files may not use.
func (p *parser) requireV2(t token, what string) {
	if p.f.v1 {
		p.errorf(t.off, model.ShapeID{}, "%s requires IDL version 2; the file declares $version \"1.0\"", what)
	}
}

// adjacent fails unless the current token directly follows prev (as in "@trait" and "$member").
func (p *parser) adjacent(prev token, what string) token {
	t := p.tok()
	if t.kind != tIdent || t.off != prev.end {
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
