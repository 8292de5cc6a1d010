// Package seedsyntax is a test helper: it reads boto3 reference pages (the
// "seed" pages under shared/seeds) and turns their "Request Syntax" and
// "Response Syntax" blocks into concrete JSON examples that the behaviour tests
// next to the generated packages decode and re-encode.
//
// The syntax blocks are Python-literal-like text:
//
//	response = client.op(Key='string', Obj={'A': 'x'|'y'}, List=[{...},], N=123,
//	    B=True|False, T=datetime(2015, 1, 1), Blob=b'bytes',
//	    Doc={...}|[...]|123|123.4|'string'|None|True|False)
//
// [ParseValue] and [ParseCall] turn such text into a [Node] tree (dict keys in
// page order); [ParsePage] finds both blocks in a page together with the
// "Tagged Union" notes of its parameter docs; [Expand] turns a tree into
// examples; [Diff] compares two JSON documents by meaning.
//
// It is test-only code and may import only the standard library.
package seedsyntax

import (
	"fmt"
	"strings"
)

// Kind is the kind of a syntax [Node].
type Kind int

const (
	String    Kind = iota // 'text': Text (the placeholder for any string is 'string')
	Int                   // 123: Text
	Float                 // 123.4: Text
	Bool                  // True or False: Bool
	None                  // None
	Bytes                 // b'bytes': Text
	Datetime              // datetime(2015, 1, 1): Args (Int nodes)
	Dict                  // {'k': v, ...}: Fields, in page order
	List                  // [v, ...]: Items
	Alt                   // a|b|c: Alts (an enum, True|False, or the alternatives of a document)
	AnyDict               // {...}: any object (documents)
	AnyList               // [...]: any array (documents)
	Call                  // Name(args), other than datetime: Name, Args (e.g. StreamingBody())
	Recursive             // {'... recursive ...'}: a shape that contains itself
)

var kindNames = [...]string{"string", "int", "float", "bool", "None", "bytes", "datetime", "dict", "list",
	"alternatives", "{...}", "[...]", "call", "recursive"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Pos is a 1-based line and column in the parsed text.
type Pos struct{ Line, Col int }

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Node is one value of the syntax.
type Node struct {
	Kind   Kind
	Pos    Pos
	Text   string  // String, Int, Float, Bytes
	Bool   bool    // Bool
	Fields []Field // Dict
	Items  []*Node // List
	Alts   []*Node // Alt
	Name   string  // Call
	Args   []*Node // Datetime, Call (positional arguments only)

	// Union is set on a Dict that is a tagged union: exactly one of its
	// fields may be set. ParsePage sets it from the page's notes; MarkUnions
	// sets it from any list of member names.
	Union bool
}

// Field is one key of a Dict. Key is the key text; when the key is itself a
// list of alternatives ('A'|'B', a map keyed by an enum), Key is empty and
// KeyAlts holds them.
type Field struct {
	Key     string
	KeyAlts []string
	Value   *Node
	Pos     Pos
}

// IsPlaceholder reports whether n is the 'string' placeholder for any string.
func (n *Node) IsPlaceholder() bool { return n.Kind == String && n.Text == "string" }

// IsMap reports whether a Dict stands for a map: boto3 writes a map as one
// entry whose key is the 'string' placeholder or a list of enum values.
func (n *Node) IsMap() bool {
	return n.Kind == Dict && len(n.Fields) == 1 && (n.Fields[0].Key == "string" || n.Fields[0].KeyAlts != nil)
}

// Field returns the value of the field key of a Dict, or nil.
func (n *Node) Field(key string) *Node {
	for _, f := range n.Fields {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}

// Keys returns the keys of a Dict in page order.
func (n *Node) Keys() []string {
	keys := make([]string, 0, len(n.Fields))
	for _, f := range n.Fields {
		keys = append(keys, f.Key)
	}
	return keys
}

// EnumValues returns the values of an Alt whose alternatives are all strings
// (an enum), or nil.
func (n *Node) EnumValues() []string {
	if n.Kind != Alt {
		return nil
	}
	var out []string
	for _, a := range n.Alts {
		if a.Kind != String {
			return nil
		}
		out = append(out, a.Text)
	}
	return out
}

// String renders n back as compact Python-like syntax, for messages and tests.
func (n *Node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n *Node) write(b *strings.Builder) {
	if n == nil {
		b.WriteString("<nil>")
		return
	}
	switch n.Kind {
	case String:
		b.WriteString(pyQuote(n.Text))
	case Int, Float:
		b.WriteString(n.Text)
	case Bool:
		if n.Bool {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case None:
		b.WriteString("None")
	case Bytes:
		b.WriteString("b" + pyQuote(n.Text))
	case Datetime, Call:
		name := n.Name
		if n.Kind == Datetime {
			name = "datetime"
		}
		b.WriteString(name + "(")
		for i, a := range n.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			a.write(b)
		}
		b.WriteString(")")
	case Dict:
		if n.Union {
			b.WriteString("union")
		}
		b.WriteString("{")
		for i, f := range n.Fields {
			if i > 0 {
				b.WriteString(", ")
			}
			if f.KeyAlts != nil {
				for j, k := range f.KeyAlts {
					if j > 0 {
						b.WriteString("|")
					}
					b.WriteString(pyQuote(k))
				}
			} else {
				b.WriteString(pyQuote(f.Key))
			}
			b.WriteString(": ")
			f.Value.write(b)
		}
		b.WriteString("}")
	case List:
		b.WriteString("[")
		for i, it := range n.Items {
			if i > 0 {
				b.WriteString(", ")
			}
			it.write(b)
		}
		b.WriteString("]")
	case Alt:
		for i, a := range n.Alts {
			if i > 0 {
				b.WriteString("|")
			}
			a.write(b)
		}
	case AnyDict:
		b.WriteString("{...}")
	case AnyList:
		b.WriteString("[...]")
	case Recursive:
		b.WriteString("{'... recursive ...'}")
	}
}

func pyQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\t", `\t`)
	return "'" + r.Replace(s) + "'"
}

// SyntaxError is a malformed syntax block: where, and what is wrong.
type SyntaxError struct {
	Pos Pos
	Msg string
}

func (e *SyntaxError) Error() string { return e.Pos.String() + ": " + e.Msg }

// ParseValue parses src, which must hold exactly one value.
func ParseValue(src string) (*Node, error) {
	p := newParser(src, Pos{1, 1})
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, p.errorf(t, "unexpected %s after the value", t)
	}
	return n, nil
}

// ParseCall parses a request syntax block: `[response = ]client.op(k=v, ...)`.
// It returns the operation's name as the page writes it (snake_case) and its
// keyword arguments as a Dict. Text after the closing parenthesis is ignored.
func ParseCall(src string) (op string, args *Node, err error) {
	return parseCallAt(src, Pos{1, 1})
}

func parseCallAt(src string, start Pos) (string, *Node, error) {
	p := newParser(src, start)
	t := p.next()
	if t.kind == tokIdent && t.text == "response" {
		if eq := p.next(); eq.kind != tokEquals {
			return "", nil, p.errorf(eq, "expected '=' after 'response', found %s", eq)
		}
		t = p.next()
	}
	if t.kind != tokIdent || !strings.HasPrefix(t.text, "client.") || len(t.text) == len("client.") {
		return "", nil, p.errorf(t, "expected client.<operation>, found %s", t)
	}
	op := strings.TrimPrefix(t.text, "client.")
	if open := p.next(); open.kind != tokLParen {
		return "", nil, p.errorf(open, "expected '(' after %s, found %s", t.text, open)
	}
	args := &Node{Kind: Dict, Pos: t.pos}
	seen := map[string]bool{}
	for {
		t := p.next()
		if t.kind == tokRParen {
			return op, args, nil
		}
		if len(args.Fields) > 0 {
			if t.kind != tokComma {
				return "", nil, p.errorf(t, "expected ',' or ')' in the arguments of %s, found %s", op, t)
			}
			if t = p.next(); t.kind == tokRParen {
				return op, args, nil
			}
		}
		if t.kind != tokIdent || strings.Contains(t.text, ".") {
			return "", nil, p.errorf(t, "expected an argument name, found %s", t)
		}
		if eq := p.next(); eq.kind != tokEquals {
			return "", nil, p.errorf(eq, "expected '=' after argument %s, found %s", t.text, eq)
		}
		if seen[t.text] {
			return "", nil, p.errorf(t, "argument %s given twice", t.text)
		}
		seen[t.text] = true
		v, err := p.value()
		if err != nil {
			return "", nil, err
		}
		args.Fields = append(args.Fields, Field{Key: t.text, Value: v, Pos: t.pos})
	}
}

// maxDepth bounds the nesting of dicts and lists, so hostile input cannot
// exhaust the stack.
const maxDepth = 200

type parser struct {
	lx    *lexer
	tok   token
	ahead bool
	depth int
}

func newParser(src string, start Pos) *parser {
	return &parser{lx: &lexer{src: src, line: start.Line, col: start.Col}}
}

func (p *parser) peek() token {
	if !p.ahead {
		p.tok = p.lx.next()
		p.ahead = true
	}
	return p.tok
}

func (p *parser) next() token {
	t := p.peek()
	p.ahead = false
	return t
}

func (p *parser) errorf(t token, format string, args ...any) error {
	return &SyntaxError{Pos: t.pos, Msg: fmt.Sprintf(format, args...)}
}

// value := primary ('|' primary)*
func (p *parser) value() (*Node, error) {
	first, err := p.primary()
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tokBar {
		return first, nil
	}
	alt := &Node{Kind: Alt, Pos: first.Pos, Alts: []*Node{first}}
	for p.peek().kind == tokBar {
		p.next()
		n, err := p.primary()
		if err != nil {
			return nil, err
		}
		alt.Alts = append(alt.Alts, n)
	}
	return alt, nil
}

func (p *parser) primary() (*Node, error) {
	t := p.next()
	switch t.kind {
	case tokError:
		return nil, p.errorf(t, "%s", t.text)
	case tokString:
		return &Node{Kind: String, Pos: t.pos, Text: t.text}, nil
	case tokBytes:
		return &Node{Kind: Bytes, Pos: t.pos, Text: t.text}, nil
	case tokInt:
		return &Node{Kind: Int, Pos: t.pos, Text: t.text}, nil
	case tokFloat:
		return &Node{Kind: Float, Pos: t.pos, Text: t.text}, nil
	case tokLBrace:
		return p.dict(t)
	case tokLBracket:
		return p.list(t)
	case tokIdent:
		switch t.text {
		case "True", "False":
			return &Node{Kind: Bool, Pos: t.pos, Bool: t.text == "True"}, nil
		case "None":
			return &Node{Kind: None, Pos: t.pos}, nil
		}
		if p.peek().kind == tokLParen {
			return p.call(t)
		}
		return nil, p.errorf(t, "unexpected name %s", t.text)
	}
	return nil, p.errorf(t, "expected a value, found %s", t)
}

func (p *parser) enter(t token) error {
	if p.depth++; p.depth > maxDepth {
		return p.errorf(t, "nesting deeper than %d levels", maxDepth)
	}
	return nil
}

// dict := '{' '}' | '{' '...' '}' | '{' STRING '}' | '{' key ':' value (',' key ':' value)* [','] '}'
func (p *parser) dict(open token) (*Node, error) {
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &Node{Kind: Dict, Pos: open.pos}
	switch t := p.peek(); t.kind {
	case tokRBrace:
		p.next()
		return n, nil
	case tokEllipsis:
		p.next()
		if c := p.next(); c.kind != tokRBrace {
			return nil, p.errorf(c, "expected '}' after '{...', found %s", c)
		}
		return &Node{Kind: AnyDict, Pos: open.pos}, nil
	}
	seen := map[string]bool{}
	for {
		kt := p.next()
		if kt.kind != tokString {
			return nil, p.errorf(kt, "expected a string key, found %s", kt)
		}
		f := Field{Key: kt.text, Pos: kt.pos}
		if len(n.Fields) == 0 && p.peek().kind == tokRBrace && strings.Contains(kt.text, "recursive") {
			p.next()
			return &Node{Kind: Recursive, Pos: open.pos, Text: kt.text}, nil
		}
		for p.peek().kind == tokBar {
			if f.KeyAlts == nil {
				f.KeyAlts = []string{f.Key}
				f.Key = ""
			}
			p.next()
			alt := p.next()
			if alt.kind != tokString {
				return nil, p.errorf(alt, "expected a string key after '|', found %s", alt)
			}
			f.KeyAlts = append(f.KeyAlts, alt.text)
		}
		if c := p.next(); c.kind != tokColon {
			return nil, p.errorf(c, "expected ':' after key %s, found %s", pyQuote(kt.text), c)
		}
		if f.KeyAlts == nil {
			if seen[f.Key] {
				return nil, p.errorf(kt, "key %s given twice", pyQuote(f.Key))
			}
			seen[f.Key] = true
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		f.Value = v
		n.Fields = append(n.Fields, f)
		switch t := p.next(); t.kind {
		case tokRBrace:
			return n, nil
		case tokComma:
			if p.peek().kind == tokRBrace {
				p.next()
				return n, nil
			}
		default:
			return nil, p.errorf(t, "expected ',' or '}' in dict, found %s", t)
		}
	}
}

// list := '[' ']' | '[' '...' ']' | '[' value (',' value)* [','] ']'
func (p *parser) list(open token) (*Node, error) {
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &Node{Kind: List, Pos: open.pos}
	switch t := p.peek(); t.kind {
	case tokRBracket:
		p.next()
		return n, nil
	case tokEllipsis:
		p.next()
		if c := p.next(); c.kind != tokRBracket {
			return nil, p.errorf(c, "expected ']' after '[...', found %s", c)
		}
		return &Node{Kind: AnyList, Pos: open.pos}, nil
	}
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		n.Items = append(n.Items, v)
		switch t := p.next(); t.kind {
		case tokRBracket:
			return n, nil
		case tokComma:
			if p.peek().kind == tokRBracket {
				p.next()
				return n, nil
			}
		default:
			return nil, p.errorf(t, "expected ',' or ']' in list, found %s", t)
		}
	}
}

// call := NAME '(' [value (',' value)* [',']] ')'; datetime(y, m, d[, h, mi, s]) is its own kind.
func (p *parser) call(name token) (*Node, error) {
	if err := p.enter(name); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	p.next() // '('
	n := &Node{Kind: Call, Pos: name.pos, Name: name.text}
	if p.peek().kind == tokRParen {
		p.next()
	} else {
		for {
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			n.Args = append(n.Args, v)
			t := p.next()
			if t.kind == tokRParen {
				break
			}
			if t.kind != tokComma {
				return nil, p.errorf(t, "expected ',' or ')' in the arguments of %s, found %s", name.text, t)
			}
			if p.peek().kind == tokRParen {
				p.next()
				break
			}
		}
	}
	if name.text != "datetime" {
		return n, nil
	}
	if len(n.Args) < 3 || len(n.Args) > 6 {
		return nil, p.errorf(name, "datetime takes 3 to 6 integer arguments, found %d", len(n.Args))
	}
	for _, a := range n.Args {
		if a.Kind != Int {
			return nil, &SyntaxError{Pos: a.Pos, Msg: fmt.Sprintf("datetime argument must be an integer, found %s", a.Kind)}
		}
	}
	n.Kind, n.Name = Datetime, ""
	return n, nil
}
