package idl

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// tokKind is the kind of a token.
type tokKind uint8

const (
	tEOF       tokKind = iota
	tError             // a lexical error; text holds the message
	tIdent             // an identifier or a shape ID: foo, a.b#C$d (validated by the parser)
	tNumber            // text holds the number as written
	tString            // a quoted string; text holds the decoded value
	tTextBlock         // a """ text block; text holds the decoded value
	tLBrace
	tRBrace
	tLBracket
	tRBracket
	tLParen
	tRParen
	tColon
	tWalrus // :=
	tEqual
	tAt
	tDollar
)

var punct = map[tokKind]string{
	tLBrace: "{", tRBrace: "}", tLBracket: "[", tRBracket: "]", tLParen: "(", tRParen: ")",
	tColon: ":", tWalrus: ":=", tEqual: "=", tAt: "@", tDollar: "$",
}

// token is one lexical token. Whitespace, commas and comments are not tokens:
// nl records whether a line break came before the token, doc the documentation
// comment (///) right before it.
type token struct {
	kind tokKind
	nl   bool
	text string
	off  int // byte offset of the first character
	doc  *docComment
}

// docComment is a run of documentation comment lines.
type docComment struct {
	lines []string
	off   int // byte offset of the first line
}

// describe renders the token for "expected X, found Y" messages.
func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "end of file"
	case tIdent:
		return strconv.Quote(t.text)
	case tNumber:
		return "number " + t.text
	case tString:
		s := t.text
		if len(s) > 20 {
			s = s[:17] + "..."
		}
		return "string " + strconv.Quote(s)
	case tTextBlock:
		return "text block"
	case tError:
		return t.text
	}
	return strconv.Quote(punct[t.kind])
}

// lines maps byte offsets to 1-based line and column numbers (columns count bytes).
type lines []int

func newLines(data []byte) lines {
	l := lines{0}
	for i, c := range data {
		if c == '\n' {
			l = append(l, i+1)
		}
	}
	return l
}

func (l lines) lineCol(off int) (int, int) {
	i := sort.Search(len(l), func(i int) bool { return l[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - l[i] + 1
}

type lexer struct {
	data []byte
	pos  int
	// lastTokEnd is the offset after the last token and lastNL the offset of
	// the last line break outside tokens (-1 before the first), so that a
	// "///" after a token on the same line is an ordinary comment.
	lastTokEnd, lastNL int
}

// lex splits data into tokens. The last token is tEOF or tError.
func lex(data []byte) []token {
	lx := &lexer{data: data, lastTokEnd: -1, lastNL: -1}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		lx.pos = 3 // a UTF-8 byte order mark
	}
	toks := make([]token, 0, len(data)/12+16) // about one token in 12 bytes of typical models
	for {
		t := lx.next()
		toks = append(toks, t)
		if t.kind == tEOF || t.kind == tError {
			return toks
		}
	}
}

func isIdentStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isIdentChar(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// fail turns t into a lexical error at off.
func fail(t *token, off int, format string, args ...any) {
	*t = token{kind: tError, text: fmt.Sprintf(format, args...), off: off}
}

// onTokenLine reports whether a token was already lexed on the current line.
func (lx *lexer) onTokenLine() bool {
	return lx.lastTokEnd >= 0 && lx.lastNL < lx.lastTokEnd
}

var singleCharTokens = [256]tokKind{'{': tLBrace, '}': tRBrace, '[': tLBracket, ']': tRBracket,
	'(': tLParen, ')': tRParen, '=': tEqual, '@': tAt, '$': tDollar}

func (lx *lexer) next() token {
	var t token
	d := lx.data
	for lx.pos < len(d) {
		c := d[lx.pos]
		if c == ' ' || c == '\t' || c == ',' || c == '\r' {
			lx.pos++
			continue
		}
		if c == '\n' {
			t.nl = true
			lx.lastNL = lx.pos
			lx.pos++
			continue
		}
		if c != '/' || lx.pos+1 >= len(d) || d[lx.pos+1] != '/' {
			break
		}
		start := lx.pos
		eol := lx.pos
		for eol < len(d) && d[eol] != '\n' {
			eol++
		}
		lx.pos = eol
		if eol-start < 3 || d[start+2] != '/' || lx.onTokenLine() {
			continue // an ordinary comment
		}
		line := strings.TrimSuffix(string(d[start+3:eol]), "\r")
		if !utf8.ValidString(line) {
			fail(&t, start, "invalid UTF-8 in documentation comment")
			return t
		}
		if t.doc == nil {
			t.doc = &docComment{off: start}
		}
		t.doc.lines = append(t.doc.lines, strings.TrimPrefix(line, " "))
	}
	t.off = lx.pos
	if lx.pos >= len(d) {
		t.kind = tEOF
		return t
	}
	c := d[lx.pos]
	switch k := singleCharTokens[c]; {
	case k != tEOF:
		t.kind = k
		lx.pos++
	case c == ':':
		t.kind = tColon
		lx.pos++
		if lx.pos < len(d) && d[lx.pos] == '=' {
			t.kind = tWalrus
			lx.pos++
		}
	case c == '"':
		lx.str(&t)
	case c == '-' || isDigit(c):
		lx.number(&t)
	case isIdentStart(c):
		lx.ident(&t)
	default:
		r, _ := utf8.DecodeRune(d[lx.pos:])
		fail(&t, lx.pos, "unexpected character %s", strconv.QuoteRune(r))
	}
	if t.kind == tError {
		return t
	}
	lx.lastTokEnd = lx.pos
	return t
}

// ident lexes an identifier or a shape ID: identifier characters joined by
// '.', '#' and '$' when an identifier start follows.
func (lx *lexer) ident(t *token) {
	d := lx.data
	start := lx.pos
	for lx.pos < len(d) && isIdentChar(d[lx.pos]) {
		lx.pos++
	}
	for lx.pos+1 < len(d) && (d[lx.pos] == '.' || d[lx.pos] == '#' || d[lx.pos] == '$') && isIdentStart(d[lx.pos+1]) {
		lx.pos++
		for lx.pos < len(d) && isIdentChar(d[lx.pos]) {
			lx.pos++
		}
	}
	t.kind = tIdent
	t.text = string(d[start:lx.pos])
}

// number lexes a JSON number: [-] int [frac] [exp].
func (lx *lexer) number(t *token) {
	d := lx.data
	start := lx.pos
	bad := func() {
		fail(t, start, "invalid number %q", string(d[start:min(lx.pos+1, len(d))]))
	}
	digits := func() bool {
		n := lx.pos
		for lx.pos < len(d) && isDigit(d[lx.pos]) {
			lx.pos++
		}
		return lx.pos > n
	}
	if d[lx.pos] == '-' {
		lx.pos++
	}
	if lx.pos < len(d) && d[lx.pos] == '0' {
		lx.pos++
	} else if !digits() {
		bad()
		return
	}
	if lx.pos < len(d) && d[lx.pos] == '.' {
		lx.pos++
		if !digits() {
			bad()
			return
		}
	}
	if lx.pos < len(d) && (d[lx.pos] == 'e' || d[lx.pos] == 'E') {
		lx.pos++
		if lx.pos < len(d) && (d[lx.pos] == '+' || d[lx.pos] == '-') {
			lx.pos++
		}
		if !digits() {
			bad()
			return
		}
	}
	if lx.pos < len(d) && (isIdentChar(d[lx.pos]) || d[lx.pos] == '.') {
		bad()
		return
	}
	t.kind = tNumber
	t.text = string(d[start:lx.pos])
}

// str lexes a quoted string or a text block.
func (lx *lexer) str(t *token) {
	d := lx.data
	start := lx.pos
	if lx.pos+2 < len(d) && d[lx.pos+1] == '"' && d[lx.pos+2] == '"' {
		lx.textBlock(t)
		return
	}
	lx.pos++
	for lx.pos < len(d) && d[lx.pos] != '"' {
		if d[lx.pos] == '\\' {
			lx.pos++
		}
		lx.pos++
	}
	if lx.pos >= len(d) {
		fail(t, start, "unterminated string")
		return
	}
	raw := string(d[start+1 : lx.pos])
	lx.pos++
	if !utf8.ValidString(raw) {
		fail(t, start, "invalid UTF-8 in string")
		return
	}
	s, bad := unescape(normalizeNewlines(raw))
	if bad >= 0 {
		// Offsets in raw and in the normalized text only differ after a CR.
		fail(t, start+1+bad, "invalid escape in string")
		return
	}
	t.kind = tString
	t.text = s
}

func (lx *lexer) textBlock(t *token) {
	d := lx.data
	start := lx.pos
	lx.pos += 3
	for lx.pos < len(d) && (d[lx.pos] == ' ' || d[lx.pos] == '\t') {
		lx.pos++
	}
	switch {
	case lx.pos < len(d) && d[lx.pos] == '\n':
		lx.pos++
	case lx.pos+1 < len(d) && d[lx.pos] == '\r' && d[lx.pos+1] == '\n':
		lx.pos += 2
	default:
		fail(t, start, "a text block must start with \"\"\" and a line break")
		return
	}
	contentStart := lx.pos
	for lx.pos < len(d) && !(d[lx.pos] == '"' && lx.pos+2 < len(d) && d[lx.pos+1] == '"' && d[lx.pos+2] == '"') {
		if d[lx.pos] == '\\' {
			lx.pos++
		}
		lx.pos++
	}
	if lx.pos >= len(d) {
		fail(t, start, "unterminated text block")
		return
	}
	raw := string(d[contentStart:lx.pos])
	lx.pos += 3
	if !utf8.ValidString(raw) {
		fail(t, start, "invalid UTF-8 in text block")
		return
	}
	s, bad := unescape(dedent(normalizeNewlines(raw)))
	if bad >= 0 {
		fail(t, start, "invalid escape in text block")
		return
	}
	t.kind = tTextBlock
	t.text = s
}

func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// dedent removes the incidental whitespace of a text block (Smithy IDL spec,
// "Incidental white space removal"): the common leading whitespace of the
// non-blank lines and of the last line (the one holding the closing
// delimiter) is removed from every line, then trailing whitespace.
func dedent(s string) string {
	ls := strings.Split(s, "\n")
	prefix := -1
	for i, l := range ls {
		trimmed := strings.TrimLeft(l, " \t")
		if trimmed == "" && i != len(ls)-1 {
			continue
		}
		if n := len(l) - len(trimmed); prefix < 0 || n < prefix {
			prefix = n
		}
	}
	for i, l := range ls {
		if len(l) >= prefix {
			l = l[prefix:]
		} else {
			l = ""
		}
		ls[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(ls, "\n")
}

// unescape expands the escapes of a string (Smithy IDL spec, "String escape
// characters"). It returns the offset of an invalid escape, or -1.
func unescape(s string) (string, int) {
	if !strings.Contains(s, `\`) {
		return s, -1
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(s) {
			return "", i
		}
		i++
		switch s[i] {
		case '"', '\\', '/':
			b.WriteByte(s[i])
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
		case '\n': // an escaped line break expands to nothing
		case 'u':
			r, ok := hex4(s, i+1)
			if !ok {
				return "", i - 1
			}
			i += 4
			if utf16.IsSurrogate(r) {
				if r2, ok := hex4(s, i+3); ok && i+2 < len(s) && s[i+1] == '\\' && s[i+2] == 'u' {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						r = dec
						i += 6
					}
				}
			}
			b.WriteRune(r)
		default:
			return "", i - 1
		}
	}
	return b.String(), -1
}

func hex4(s string, i int) (rune, bool) {
	if i < 0 || i+4 > len(s) {
		return 0, false
	}
	n, err := strconv.ParseUint(s[i:i+4], 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(n), true
}
