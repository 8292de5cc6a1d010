package seedsyntax

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

type tokKind int

const (
	tokEOF tokKind = iota
	tokError
	tokString
	tokBytes
	tokInt
	tokFloat
	tokIdent // also dotted: client.create_thing
	tokLBrace
	tokRBrace
	tokLBracket
	tokRBracket
	tokLParen
	tokRParen
	tokColon
	tokComma
	tokBar
	tokEquals
	tokEllipsis
)

type token struct {
	kind tokKind
	text string // string contents (unescaped), number or name; the message of tokError
	pos  Pos
}

func (t token) String() string {
	switch t.kind {
	case tokEOF:
		return "end of input"
	case tokError:
		return "invalid input"
	case tokString:
		return "string " + pyQuote(t.text)
	case tokBytes:
		return "bytes b" + pyQuote(t.text)
	case tokInt, tokFloat:
		return "number " + t.text
	case tokIdent:
		return "name " + t.text
	case tokEllipsis:
		return "'...'"
	}
	return "'" + t.text + "'"
}

var punct = map[byte]tokKind{
	'{': tokLBrace, '}': tokRBrace, '[': tokLBracket, ']': tokRBracket, '(': tokLParen, ')': tokRParen,
	':': tokColon, ',': tokComma, '|': tokBar, '=': tokEquals,
}

// lexer splits syntax text into tokens. White space, including new lines, only
// separates tokens: boto3 pages are sometimes flattened onto one line.
type lexer struct {
	src       string
	off       int
	line, col int
}

func (l *lexer) pos() Pos { return Pos{l.line, l.col} }

func (l *lexer) advance(n int) {
	for i := 0; i < n && l.off < len(l.src); i++ {
		if l.src[l.off] == '\n' {
			l.line++
			l.col = 1
		} else if utf8.RuneStart(l.src[l.off]) {
			l.col++
		}
		l.off++
	}
}

func (l *lexer) next() token {
	for l.off < len(l.src) {
		c := l.src[l.off]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			l.advance(1)
			continue
		}
		// A non-breaking space (U+00A0) shows up in pages copied from HTML.
		if strings.HasPrefix(l.src[l.off:], "\u00a0") {
			l.advance(len("\u00a0"))
			continue
		}
		break
	}
	start := l.pos()
	if l.off >= len(l.src) {
		return token{kind: tokEOF, pos: start}
	}
	c := l.src[l.off]
	switch {
	case strings.HasPrefix(l.src[l.off:], "..."):
		l.advance(3)
		return token{kind: tokEllipsis, text: "...", pos: start}
	case punct[c] != tokEOF:
		l.advance(1)
		return token{kind: punct[c], text: string(c), pos: start}
	case c == '\'' || c == '"':
		s, ok := l.quoted()
		if !ok {
			return token{kind: tokError, text: "unterminated string", pos: start}
		}
		return token{kind: tokString, text: s, pos: start}
	case (c == 'b' || c == 'B') && l.off+1 < len(l.src) && (l.src[l.off+1] == '\'' || l.src[l.off+1] == '"'):
		l.advance(1)
		s, ok := l.quoted()
		if !ok {
			return token{kind: tokError, text: "unterminated bytes literal", pos: start}
		}
		return token{kind: tokBytes, text: s, pos: start}
	case c == '-' || c == '+' || isDigit(c):
		return l.number(start)
	case isIdentStart(c):
		end := l.off
		for end < len(l.src) && (isIdentStart(l.src[end]) || isDigit(l.src[end]) || l.src[end] == '.') {
			end++
		}
		text := strings.TrimRight(l.src[l.off:end], ".")
		l.advance(len(text))
		return token{kind: tokIdent, text: text, pos: start}
	}
	r, _ := utf8.DecodeRuneInString(l.src[l.off:])
	l.advance(1)
	return token{kind: tokError, text: "unexpected character " + strconv.QuoteRune(r), pos: start}
}

// quoted reads a Python string literal at the lexer, quote included.
func (l *lexer) quoted() (string, bool) {
	q := l.src[l.off]
	l.advance(1)
	var b strings.Builder
	for l.off < len(l.src) {
		c := l.src[l.off]
		switch {
		case c == q:
			l.advance(1)
			return b.String(), true
		case c == '\n':
			return "", false
		case c == '\\' && l.off+1 < len(l.src):
			e := l.src[l.off+1]
			l.advance(2)
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'u':
				if l.off+4 <= len(l.src) {
					if v, err := strconv.ParseUint(l.src[l.off:l.off+4], 16, 32); err == nil {
						b.WriteRune(rune(v))
						l.advance(4)
						continue
					}
				}
				b.WriteString(`\u`)
			default: // \\, \', \" and anything else stand for themselves
				b.WriteByte(e)
			}
		default:
			b.WriteByte(c)
			l.advance(1)
		}
	}
	return "", false
}

func (l *lexer) number(start Pos) token {
	end := l.off
	if l.src[end] == '-' || l.src[end] == '+' {
		end++
	}
	digits := func() int {
		s := end
		for end < len(l.src) && isDigit(l.src[end]) {
			end++
		}
		return end - s
	}
	kind := tokInt
	if digits() == 0 {
		l.advance(end - l.off)
		return token{kind: tokError, text: "expected digits", pos: start}
	}
	if end < len(l.src) && l.src[end] == '.' && end+1 < len(l.src) && isDigit(l.src[end+1]) {
		end++
		digits()
		kind = tokFloat
	}
	if end < len(l.src) && (l.src[end] == 'e' || l.src[end] == 'E') {
		save := end
		end++
		if end < len(l.src) && (l.src[end] == '+' || l.src[end] == '-') {
			end++
		}
		if digits() == 0 {
			end = save
		} else {
			kind = tokFloat
		}
	}
	text := strings.TrimPrefix(l.src[l.off:end], "+")
	l.advance(end - l.off)
	return token{kind: kind, text: text, pos: start}
}

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isIdentStart(c byte) bool { return c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z') }
