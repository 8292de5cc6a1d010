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
	reSpaces  = regexp.MustCompile(`[ \t\r\n]+`)
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
			item = strings.TrimSpace(reSpaces.ReplaceAllString(item, " "))
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

// wrap breaks text into lines of at most width runes (words longer stay whole).
func wrap(text string, width int, first, rest string) []string {
	var lines []string
	line := first
	empty := true
	for _, w := range strings.Fields(text) {
		if !empty && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line, empty = rest, true
		}
		if !empty {
			line += " "
		}
		line += w
		empty = false
	}
	if !empty {
		lines = append(lines, line)
	}
	return lines
}
