package seedsyntax

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Page is what a boto3 reference page says about one operation.
type Page struct {
	Name      string // file name, for messages
	Service   string // as the page spells it: "QuickSight", "AppFabric", "Appflow"
	Operation string // as the page spells it: "create_action_connector"

	// Request holds the keyword arguments of the Request Syntax, as a Dict.
	Request *Node
	// Response is the Response Syntax, a Dict; nil when the page has none.
	Response *Node

	// RequestUnions and ResponseUnions list the members of every tagged union
	// the page's notes name ("This is a Tagged Union structure. Only one of the
	// following top level keys can be set: ..."), in page order.
	RequestUnions  [][]string
	ResponseUnions [][]string
}

// GoOperation is the operation's name in Go: create_action_connector → CreateActionConnector.
func (p *Page) GoOperation() string {
	var b strings.Builder
	for part := range strings.SplitSeq(p.Operation, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

var (
	methodRE   = regexp.MustCompile(`(\w+)\.Client\.(\w+)\(\*\*kwargs\)`)
	callRE     = regexp.MustCompile(`response\s*=\s*client\.\w+\s*\(`)
	unionRE    = regexp.MustCompile(`This is a Tagged Union structure\.\s+Only one of the\s+following top level keys (?:can|will) be set:\s*([^.]*)\.`)
	reqMarker  = "Request Syntax"
	respMarker = "Response Syntax"
)

// ParsePage reads a boto3 reference page, in any of the forms the seeds come
// in (reStructuredText source, or the rendered page as text, possibly
// flattened onto few lines). name is used in error messages.
func ParsePage(name, text string) (*Page, error) {
	p := &Page{Name: name}
	fail := func(off int, format string, args ...any) error {
		return fmt.Errorf("%s:%s: %s", name, offsetPos(text, off), fmt.Sprintf(format, args...))
	}
	m := methodRE.FindStringSubmatchIndex(text)
	if m == nil {
		return nil, fail(0, "no <Service>.Client.<operation>(**kwargs) line")
	}
	p.Service, p.Operation = text[m[2]:m[3]], text[m[4]:m[5]]

	req := strings.Index(text, reqMarker)
	if req < 0 {
		return nil, fail(0, "no %q block", reqMarker)
	}
	loc := callRE.FindStringIndex(text[req:])
	if loc == nil {
		return nil, fail(req, "no `response = client.<operation>(` after %q", reqMarker)
	}
	callOff := req + loc[0]
	op, args, err := parseCallAt(text[callOff:], offsetPos(text, callOff))
	if err != nil {
		return nil, fmt.Errorf("%s:%w", name, err)
	}
	if op != p.Operation {
		return nil, fail(callOff, "request syntax calls client.%s, but the page documents %s", op, p.Operation)
	}
	p.Request = args

	split := len(text)
	if resp := strings.Index(text[callOff:], respMarker); resp >= 0 {
		resp += callOff
		split = resp
		off := resp + len(respMarker)
		for off < len(text) && strings.ContainsRune(" \t\r\n*:", rune(text[off])) {
			off++
		}
		if off >= len(text) || text[off] != '{' {
			return nil, fail(off, "expected '{' to open the %s", respMarker)
		}
		pr := newParser(text[off:], offsetPos(text, off))
		if p.Response, err = pr.value(); err != nil {
			return nil, fmt.Errorf("%s:%w", name, err)
		}
		if p.Response.Kind != Dict {
			return nil, fail(off, "the %s is a %s, not a dict", respMarker, p.Response.Kind)
		}
	}

	for _, m := range unionRE.FindAllStringSubmatchIndex(text, -1) {
		var members []string
		for k := range strings.SplitSeq(text[m[2]:m[3]], ",") {
			if k = strings.Trim(strings.TrimSpace(k), "`"); k != "" {
				members = append(members, k)
			}
		}
		if len(members) == 0 {
			return nil, fail(m[0], "tagged union note names no members")
		}
		tree, side := p.Request, "request"
		if m[0] > split {
			tree, side = p.Response, "response"
			p.ResponseUnions = append(p.ResponseUnions, members)
		} else {
			p.RequestUnions = append(p.RequestUnions, members)
		}
		if MarkUnions(tree, [][]string{members}) == 0 {
			return nil, fail(m[0], "tagged union note names %s, but no dict of the %s syntax has exactly these keys",
				strings.Join(members, ", "), side)
		}
	}
	return p, nil
}

// MarkUnions sets Union on every Dict under root (root included) whose keys
// are exactly the members of one of unions, in any order, and returns how
// many it marked. Maps are never marked.
func MarkUnions(root *Node, unions [][]string) int {
	sets := make([][]string, len(unions))
	for i, u := range unions {
		sets[i] = slices.Sorted(slices.Values(u))
	}
	n := 0
	var walk func(*Node)
	walk = func(x *Node) {
		if x == nil {
			return
		}
		if x.Kind == Dict && !x.IsMap() && len(x.Fields) > 0 {
			keys := slices.Sorted(slices.Values(x.Keys()))
			for _, s := range sets {
				if slices.Equal(keys, s) {
					x.Union = true
					n++
					break
				}
			}
		}
		for _, f := range x.Fields {
			walk(f.Value)
		}
		for _, c := range x.Items {
			walk(c)
		}
		for _, c := range x.Alts {
			walk(c)
		}
	}
	walk(root)
	return n
}

// offsetPos turns a byte offset of text into a line and column.
func offsetPos(text string, off int) Pos {
	before := text[:min(off, len(text))]
	line := strings.Count(before, "\n") + 1
	col := len([]rune(before[strings.LastIndexByte(before, '\n')+1:])) + 1
	return Pos{line, col}
}

// SeedsEnv names the environment variable that overrides where the seed pages are.
const SeedsEnv = "SMITHYGEN_SEEDS"

const modulePath = "github.com/smithygen/smithygen"

// SeedDir returns the directory of the seed pages: $SMITHYGEN_SEEDS when set,
// otherwise shared/seeds beside the repository, whose root is found by walking
// up from the working directory to the go.mod of this module. The directory
// need not exist.
func SeedDir() (string, error) {
	if d := os.Getenv(SeedsEnv); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && isModule(string(b)) {
			return filepath.Join(filepath.Dir(dir), "shared", "seeds"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod of module %s above %s", modulePath, wd)
		}
		dir = parent
	}
}

func isModule(gomod string) bool {
	for line := range strings.SplitSeq(gomod, "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "module" && strings.Trim(f[1], `"`) == modulePath {
			return true
		}
	}
	return false
}

// LoadPages parses every *.txt file of dir, in file name order.
func LoadPages(dir string) ([]*Page, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var pages []*Page
	var errs []error
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p, err := ParsePage(filepath.Base(name), string(b))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		pages = append(pages, p)
	}
	return pages, errors.Join(errs...)
}

// ServicePages returns the seed pages of service (compared without case),
// skipping the test with a message saying where they were looked for when
// there are none, and failing it when a page does not parse.
func ServicePages(tb testing.TB, service string) []*Page {
	tb.Helper()
	dir, err := SeedDir()
	if err != nil {
		tb.Skipf("seed pages not found: %v (set %s to their directory)", err, SeedsEnv)
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("seed pages not found: %v; they live in shared/seeds beside the repository (set %s to use another directory)", err, SeedsEnv)
	}
	pages, err := LoadPages(dir)
	if err != nil {
		tb.Fatalf("seed pages in %s: %v", dir, err)
	}
	var out []*Page
	for _, p := range pages {
		if strings.EqualFold(p.Service, service) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		tb.Skipf("no seed page of service %s in %s", service, dir)
	}
	return out
}
