// Package jsonnode parses JSON into a tree that keeps object key order and the
// source position of every value, so that model loaders can report errors as
// file:line:col and keep members in model order. It rejects duplicate object
// keys and nesting deeper than MaxDepth instead of overflowing the stack.
//
// It may import only the standard library and smithygen/model.
package jsonnode

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/smithygen/smithygen/model"
)

// MaxDepth is the deepest nesting of arrays and objects accepted.
const MaxDepth = 512

// Kind is the JSON type of a node.
type Kind uint8

// The JSON kinds.
const (
	Null Kind = iota
	Bool
	Number
	String
	Object
	Array
)

func (k Kind) String() string {
	return [...]string{"null", "boolean", "number", "string", "object", "array"}[k]
}

// Node is one JSON value.
type Node struct {
	Kind   Kind
	Str    string // string value, or number text
	Bool   bool
	Fields []Field // objects, in source order
	Items  []*Node // arrays
	Off    int     // byte offset of the value in the source
	Ptr    string  // JSON pointer of the value
}

// Field is one key of an object.
type Field struct {
	Key   string
	Value *Node
}

// Get returns the value of key in an object, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	for i := range n.Fields {
		if n.Fields[i].Key == key {
			return n.Fields[i].Value
		}
	}
	return nil
}

// Value converts the node to a plain value: nil, bool, json.Number, string,
// []any or map[string]any.
func (n *Node) Value() any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case Bool:
		return n.Bool
	case Number:
		return json.Number(n.Str)
	case String:
		return n.Str
	case Array:
		out := make([]any, len(n.Items))
		for i, it := range n.Items {
			out[i] = it.Value()
		}
		return out
	case Object:
		out := make(map[string]any, len(n.Fields))
		for _, f := range n.Fields {
			out[f.Key] = f.Value.Value()
		}
		return out
	}
	return nil
}

// Doc is a parsed file: it turns byte offsets into positions.
type Doc struct {
	File  string
	lines []int // offset of the start of each line
}

// Pos returns the model position of a node.
func (d *Doc) Pos(n *Node) model.Pos {
	if n == nil {
		return model.Pos{File: d.File}
	}
	line, col := d.lineCol(n.Off)
	return model.Pos{File: d.File, Line: line, Col: col, Pointer: n.Ptr}
}

func (d *Doc) lineCol(off int) (int, int) {
	i := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - d.lines[i] + 1
}

// Parse parses data, the content of file. Errors are *model.Error with a line:col position.
func Parse(file string, data []byte) (*Node, *Doc, error) {
	d := &Doc{File: file, lines: []int{0}}
	for i, c := range data {
		if c == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
	p := &parser{data: data, doc: d}
	p.skipSpace()
	n, err := p.value("", 0)
	if err != nil {
		return nil, d, err
	}
	p.skipSpace()
	if p.pos < len(p.data) {
		return nil, d, p.errorf(p.pos, "unexpected %s after the top-level value", p.describe())
	}
	return n, d, nil
}

type parser struct {
	data []byte
	pos  int
	doc  *Doc
}

func (p *parser) errorf(off int, format string, args ...any) error {
	line, col := p.doc.lineCol(off)
	return model.Errorf(model.Pos{File: p.doc.File, Line: line, Col: col}, model.ShapeID{}, "invalid JSON: "+format, args...)
}

func (p *parser) describe() string {
	if p.pos >= len(p.data) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	return strconv.QuoteRune(r)
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func escapePointer(key string) string {
	return strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}

func (p *parser) value(ptr string, depth int) (*Node, error) {
	if depth > MaxDepth {
		return nil, p.errorf(p.pos, "nesting deeper than %d levels", MaxDepth)
	}
	if p.pos >= len(p.data) {
		return nil, p.errorf(p.pos, "unexpected end of file, expected a value")
	}
	start := p.pos
	n := &Node{Off: start, Ptr: ptr}
	switch c := p.data[p.pos]; {
	case c == '{':
		n.Kind = Object
		p.pos++
		p.skipSpace()
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			return n, nil
		}
		seen := map[string]bool{}
		for {
			p.skipSpace()
			if p.pos >= len(p.data) || p.data[p.pos] != '"' {
				return nil, p.errorf(p.pos, "expected a string key, found %s", p.describe())
			}
			keyOff := p.pos
			key, err := p.str()
			if err != nil {
				return nil, err
			}
			if seen[key] {
				return nil, p.errorf(keyOff, "duplicate key %q in object at %s", key, ptrOrRoot(ptr))
			}
			seen[key] = true
			p.skipSpace()
			if p.pos >= len(p.data) || p.data[p.pos] != ':' {
				return nil, p.errorf(p.pos, "expected ':' after key %q, found %s", key, p.describe())
			}
			p.pos++
			p.skipSpace()
			v, err := p.value(ptr+"/"+escapePointer(key), depth+1)
			if err != nil {
				return nil, err
			}
			n.Fields = append(n.Fields, Field{Key: key, Value: v})
			p.skipSpace()
			if p.pos >= len(p.data) {
				return nil, p.errorf(p.pos, "unexpected end of file, expected ',' or '}'")
			}
			if p.data[p.pos] == ',' {
				p.pos++
				continue
			}
			if p.data[p.pos] == '}' {
				p.pos++
				return n, nil
			}
			return nil, p.errorf(p.pos, "expected ',' or '}', found %s", p.describe())
		}
	case c == '[':
		n.Kind = Array
		p.pos++
		p.skipSpace()
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			return n, nil
		}
		for i := 0; ; i++ {
			p.skipSpace()
			v, err := p.value(ptr+"/"+strconv.Itoa(i), depth+1)
			if err != nil {
				return nil, err
			}
			n.Items = append(n.Items, v)
			p.skipSpace()
			if p.pos >= len(p.data) {
				return nil, p.errorf(p.pos, "unexpected end of file, expected ',' or ']'")
			}
			if p.data[p.pos] == ',' {
				p.pos++
				continue
			}
			if p.data[p.pos] == ']' {
				p.pos++
				return n, nil
			}
			return nil, p.errorf(p.pos, "expected ',' or ']', found %s", p.describe())
		}
	case c == '"':
		n.Kind = String
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		n.Str = s
		return n, nil
	case c == 't' || c == 'f' || c == 'n':
		for _, lit := range []string{"true", "false", "null"} {
			if strings.HasPrefix(string(p.data[p.pos:min(p.pos+5, len(p.data))]), lit) {
				p.pos += len(lit)
				switch lit {
				case "true":
					n.Kind, n.Bool = Bool, true
				case "false":
					n.Kind = Bool
				}
				return n, nil
			}
		}
		return nil, p.errorf(p.pos, "unexpected %s, expected a value", p.describe())
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number(n)
	default:
		return nil, p.errorf(p.pos, "unexpected %s, expected a value", p.describe())
	}
}

func ptrOrRoot(ptr string) string {
	if ptr == "" {
		return "/"
	}
	return ptr
}

func (p *parser) number(n *Node) (*Node, error) {
	start := p.pos
	if p.data[p.pos] == '-' {
		p.pos++
	}
	digits := func() int {
		s := p.pos
		for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
			p.pos++
		}
		return p.pos - s
	}
	intStart := p.pos
	if digits() == 0 {
		return nil, p.errorf(p.pos, "invalid number")
	}
	if p.data[intStart] == '0' && p.pos-intStart > 1 {
		return nil, p.errorf(intStart, "invalid number: leading zero")
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return nil, p.errorf(p.pos, "invalid number: expected digits after '.'")
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return nil, p.errorf(p.pos, "invalid number: expected exponent digits")
		}
	}
	n.Kind = Number
	n.Str = string(p.data[start:p.pos])
	return n, nil
}

// str parses a string starting at the opening quote.
func (p *parser) str() (string, error) {
	start := p.pos
	p.pos++
	// Fast path: no escapes.
	for i := p.pos; i < len(p.data); i++ {
		c := p.data[i]
		if c == '"' {
			s := p.data[p.pos:i]
			if utf8.Valid(s) {
				p.pos = i + 1
				return string(s), nil
			}
			break
		}
		if c == '\\' || c < 0x20 {
			break
		}
	}
	var b strings.Builder
	for {
		if p.pos >= len(p.data) {
			return "", p.errorf(start, "unterminated string")
		}
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b.String(), nil
		case c < 0x20:
			return "", p.errorf(p.pos, "control character %#x in string", c)
		case c == '\\':
			p.pos++
			if p.pos >= len(p.data) {
				return "", p.errorf(start, "unterminated string")
			}
			e := p.data[p.pos]
			p.pos++
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, err := p.hex4()
				if err != nil {
					return "", err
				}
				if utf16.IsSurrogate(r) {
					// A high surrogate pairs with a following \u low surrogate;
					// anything else leaves a replacement character and is read on its own.
					r2 := rune(-1)
					if r < 0xdc00 && p.pos+5 < len(p.data) && p.data[p.pos] == '\\' && p.data[p.pos+1] == 'u' {
						save := p.pos
						p.pos += 2
						if v, err := p.hex4(); err == nil && v >= 0xdc00 && v <= 0xdfff {
							r2 = v
						} else {
							p.pos = save
						}
					}
					r = utf16.DecodeRune(r, r2)
				}
				b.WriteRune(r)
			default:
				return "", p.errorf(p.pos-2, "invalid escape \\%c in string", e)
			}
		default:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return "", p.errorf(p.pos, "invalid UTF-8 in string")
			}
			b.WriteRune(r)
			p.pos += size
		}
	}
}

func (p *parser) hex4() (rune, error) {
	if p.pos+4 > len(p.data) {
		return 0, p.errorf(p.pos, "truncated \\u escape")
	}
	v, err := strconv.ParseUint(string(p.data[p.pos:p.pos+4]), 16, 32)
	if err != nil {
		return 0, p.errorf(p.pos, "invalid \\u escape %q", p.data[p.pos:p.pos+4])
	}
	p.pos += 4
	return rune(v), nil
}

// Expect returns an error unless n has kind k.
func (d *Doc) Expect(n *Node, k Kind, shape model.ShapeID, what string) *model.Error {
	if n == nil {
		return model.Errorf(model.Pos{File: d.File}, shape, "%s is missing", what)
	}
	if n.Kind == k {
		return nil
	}
	return model.Errorf(d.Pos(n), shape, "%s must be a JSON %s, found %s", what, k, n.Kind)
}
