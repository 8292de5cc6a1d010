package generator

import (
	"html"
	"regexp"
	"strings"
)

var (
	reBlock   = regexp.MustCompile(`(?i)</?(p|div|ul|ol|note|important|fullname|br|h[1-6])(\s[^>]*)?/?>`)
	reItem    = regexp.MustCompile(`(?i)<li(\s[^>]*)?>`)
	reTag     = regexp.MustCompile(`<[^>]*>`)
	reAnchor  = regexp.MustCompile(`(?is)<a\s[^>]*href="([^"]*)"[^>]*>(.*?)</a>`)
	reNewline = regexp.MustCompile(`\n{3,}`)
)

// godoc turns a Smithy documentation string (often HTML) into plain godoc text:
// paragraphs separated by blank lines, list items as "  - item", links as
// "text (url)", tags dropped, entities decoded, lines wrapped at 80 columns.
func godoc(doc string) string {
	if strings.TrimSpace(doc) == "" {
		return ""
	}
	s := reAnchor.ReplaceAllString(doc, "$2 ($1)")
	s = reItem.ReplaceAllString(s, "\x00- ")
	s = strings.ReplaceAll(s, "</li>", "\x00")
	s = reBlock.ReplaceAllString(s, "\x01")
	s = reTag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	var out []string
	for _, para := range strings.Split(s, "\x01") {
		var lines []string
		for _, item := range strings.Split(para, "\x00") {
			item = strings.TrimSpace(collapseSpaces(item))
			if item == "" {
				continue
			}
			if strings.HasPrefix(item, "- ") {
				lines = append(lines, wrap(item[2:], 76, "  - ", "    ")...)
			} else {
				lines = append(lines, wrap(item, 80, "", "")...)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
		}
	}
	return reNewline.ReplaceAllString(strings.Join(out, "\n\n"), "\n\n")
}

// collapseSpaces replaces every run of spaces, tabs, carriage returns and
// newlines in s with one space (what a regexp.ReplaceAllString of
// `[ \t\r\n]+` does, in a fraction of the time: the documentation of a big
// model is megabytes).
func collapseSpaces(s string) string {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
	i := 0
	for i < len(s) && !(isSpace(s[i]) && (s[i] != ' ' || (i+1 < len(s) && isSpace(s[i+1])))) {
		i++
	}
	if i == len(s) {
		return s // no run to collapse: single spaces only
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if !isSpace(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteByte(' ')
		for i < len(s) && isSpace(s[i]) {
			i++
		}
	}
	return b.String()
}

// wrap breaks text into lines of at most width bytes (words longer stay whole).
func wrap(text string, width int, first, rest string) []string {
	var lines []string
	var line strings.Builder
	line.WriteString(first)
	empty := true
	for _, w := range strings.Fields(text) {
		if !empty && line.Len()+1+len(w) > width {
			lines = append(lines, line.String())
			line.Reset()
			line.WriteString(rest)
			empty = true
		}
		if !empty {
			line.WriteByte(' ')
		}
		line.WriteString(w)
		empty = false
	}
	if !empty {
		lines = append(lines, line.String())
	}
	return lines
}
