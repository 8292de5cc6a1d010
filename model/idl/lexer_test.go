package idl

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// render writes a token compactly: "⏎" marks a line break before it, doc
// lines come first in brackets.
func render(t token) string {
	var b strings.Builder
	if t.nl {
		b.WriteString("⏎")
	}
	if t.doc != nil {
		fmt.Fprintf(&b, "%q", t.doc.lines)
	}
	switch t.kind {
	case tEOF:
		b.WriteString("EOF")
	case tError:
		b.WriteString("error: " + t.text)
	case tIdent:
		b.WriteString(t.text)
	case tNumber:
		b.WriteString("#" + t.text)
	case tString:
		fmt.Fprintf(&b, "%q", t.text)
	case tTextBlock:
		fmt.Fprintf(&b, "TB%q", t.text)
	default:
		b.WriteString(punct[t.kind])
	}
	return b.String()
}

func lexAll(src string) []string {
	var out []string
	for _, t := range lex([]byte(src)) {
		out = append(out, render(t))
	}
	return out
}

func TestLex(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"empty", "", []string{"EOF"}},
		{"punctuation", "{}[]()@$: = :=", []string{"{", "}", "[", "]", "(", ")", "@", "$", ":", "=", ":=", "EOF"}},
		{"commas are whitespace", "a,b ,, c", []string{"a", "b", "c", "EOF"}},
		{"shape IDs are one token", "smithy.api#String$member Foo$bar a.b", []string{"smithy.api#String$member", "Foo$bar", "a.b", "EOF"}},
		{"a dot not followed by an identifier ends it", "a. b", []string{"a", "error: unexpected character '.'"}},
		{"control statement", `$version: "2.0"`, []string{"$", "version", ":", `"2.0"`, "EOF"}},
		{"elided member", "$id", []string{"$", "id", "EOF"}},
		{"line breaks", "a\nb\r\nc // comment\nd", []string{"a", "⏎b", "⏎c", "⏎d", "EOF"}},
		{"a comment is a line break", "a // x\nb", []string{"a", "⏎b", "EOF"}},
		{"numbers", "0 -1 1.5 1e10 1.0E-10 -0.0e+2", []string{"#0", "#-1", "#1.5", "#1e10", "#1.0E-10", "#-0.0e+2", "EOF"}},
		{"leading zero", "01", []string{`error: invalid number "01"`}},
		{"missing fraction", "1.", []string{`error: invalid number "1."`}},
		{"missing exponent", "1e+", []string{`error: invalid number "1e+"`}},
		{"number glued to a name", "1a", []string{`error: invalid number "1a"`}},
		{"lone minus", "- 1", []string{`error: invalid number "- "`}},
		{"strings", `"" "a b" "x\"y"`, []string{`""`, `"a b"`, `"x\"y"`, "EOF"}},
		{"escapes", `"\" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00"`, []string{`"\" \\ / \b \f \n \r \t é 😀"`, "EOF"}},
		{"escaped line break", "\"a\\\nb\" \"c\\\r\nd\"", []string{`"ab"`, `"cd"`, "EOF"}},
		{"raw line breaks are normalized", "\"a\r\nb\rc\nd\"", []string{`"a\nb\nc\nd"`, "EOF"}},
		{"bad escape", `"a\qb"`, []string{"error: invalid escape in string"}},
		{"bad unicode escape", `"\u12G4"`, []string{"error: invalid escape in string"}},
		{"unterminated string", `"abc`, []string{"error: unterminated string"}},
		{"text block", "\"\"\"\n    a\n      b\n    \"\"\"", []string{`TB"a\n  b\n"`, "EOF"}},
		{"text block on one line", `"""foo"""`, []string{`error: a text block must start with """ and a line break`}},
		{"unterminated text block", "\"\"\"\nabc\"\"", []string{"error: unterminated text block"}},
		{"doc comments", "/// a\n///b\n//  c\n///\nx", []string{`⏎["a" "b" ""]x`, "EOF"}},
		{"doc comment after a token is a comment", "x /// a\ny", []string{"x", "⏎y", "EOF"}},
		{"four slashes", "//// a\nx", []string{`⏎["/ a"]x`, "EOF"}},
		{"doc comment at end of file", "x\n/// dangling", []string{"x", `⏎["dangling"]EOF`}},
		{"byte order mark", "\xef\xbb\xbfa", []string{"a", "EOF"}},
		{"unexpected character", "a ; b", []string{"a", "error: unexpected character ';'"}},
		{"invalid UTF-8 in a string", "\"\xff\"", []string{"error: invalid UTF-8 in string"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, lexAll(tt.src))
		})
	}
}

func TestLexPositions(t *testing.T) {
	src := "a\n  bc \"x\"\n\t@d"
	toks := lex([]byte(src))
	ls := newLines([]byte(src))
	var got []string
	for _, tk := range toks {
		line, col := ls.lineCol(tk.off)
		got = append(got, fmt.Sprintf("%s@%d:%d", render(tk), line, col))
	}
	assert.Equal(t, []string{"a@1:1", "⏎bc@2:3", `"x"@2:6`, "⏎@@3:2", "d@3:3", "EOF@3:4"}, got)
}

// TestDedent checks the text block examples of the Smithy IDL spec.
func TestTextBlocks(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"html", "\"\"\"\n    <div>\n        <p>Hello!</p>\n    </div>\n    \"\"\"", "<div>\n    <p>Hello!</p>\n</div>\n"},
		{"closing on the last line", "\"\"\"\n    <div>\n        <p>Hello!</p>\n    </div>\"\"\"", "<div>\n    <p>Hello!</p>\n</div>"},
		{"blank lines do not count", "\"\"\"\n    Foo\n        Baz\n\n  \n    Bar\n    \"\"\"", "Foo\n    Baz\n\n\nBar\n"},
		{"closing delimiter at the margin", "\"\"\"\n    Foo\n        Baz\n    Bar\n\"\"\"", "    Foo\n        Baz\n    Bar\n"},
		{"closing delimiter right of the content", "\"\"\"\n    Foo\n        Baz\n    Bar\n            \"\"\"", "Foo\n    Baz\nBar\n"},
		{"quotes", "\"\"\"\n\"hello!\"\n\"\"\"", "\"hello!\"\n"},
		{"escaped triple quote", "\"\"\"\nfoo \\\"\"\"\nbaz\"\"\"", "foo \"\"\"\nbaz"},
		{"escapes after dedent", "\"\"\"\n  <div>\n    <p>Hi\\n    bar</p>\n  </div>\n  \"\"\"", "<div>\n  <p>Hi\n    bar</p>\n</div>\n"},
		{"escaped line breaks", "\"\"\"\n    Foo \\\n    Baz \\\n    Bam\"\"\"", "Foo Baz Bam"},
		{"mixed line breaks", "\"\"\"\n    Foo\n    Baz \\\n    Bam\"\"\"", "Foo\nBaz Bam"},
		{"trailing spaces removed", "\"\"\"\n  a   \n  b\"\"\"", "a\nb"},
		{"CRLF", "\"\"\"\r\n  a\r\n  b\r\n  \"\"\"", "a\nb\n"},
		{"space after the opening delimiter", "\"\"\"  \n  a\"\"\"", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := lex([]byte(tt.src))
			require.Len(t, toks, 2, lexAll(tt.src))
			require.Equal(t, tTextBlock, toks[0].kind, render(toks[0]))
			assert.Equal(t, tt.want, toks[0].text)
		})
	}
}

func TestValidShapeID(t *testing.T) {
	for s, want := range map[string]bool{
		"Foo": true, "foo.bar#Baz": true, "Foo$bar": true, "a.b#C$d": true, "_a": true, "__1": true, "A_1": true,
		"_": false, "__": false, "1a": false, "a.b": false, "#A": false, "a#": false, "a#B#C": false, "A$": false,
		"A$b$c": false, "a..b#C": false, "a#B$_": false,
	} {
		assert.Equal(t, want, validShapeID(s), s)
	}
}
