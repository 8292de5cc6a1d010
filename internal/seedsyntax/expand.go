package seedsyntax

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Options tune Expand. The zero value is ready to use.
type Options struct {
	// ListLen is how many items a list gets from its item syntax (default 2).
	ListLen int
	// MapLen is how many entries a map gets (default 2).
	MapLen int
	// TimestampFormat returns the restJson1 format of the timestamp at path
	// (dotted keys, list items as []): "epoch-seconds" (the default, a
	// number), "date-time" or "http-date" (strings).
	TimestampFormat func(path string) string
	// PlainStrings turns off the escapes and non-ASCII text that every
	// fifth generated string otherwise carries.
	PlainStrings bool
	// MaxExamples bounds the number of examples (default 1000).
	MaxExamples int
}

// Example is one concrete JSON document made from a syntax tree.
type Example struct {
	Index int
	// JSON is the document, compact, keys in page order.
	JSON []byte
	// Unions maps the path of every union object in the document (dotted
	// keys, list items as [i]) to the one member it has.
	Unions map[string]string
}

// Choice is one place of the syntax where examples pick among alternatives:
// an enum, True|False, the members of a union, or a document's forms.
type Choice struct {
	Path         string // dotted keys, list items as []
	What         string // "enum", "bool", "union", "document", "map key"
	Alternatives []string
	Seen         []int // how many times each alternative was used
}

// Covered reports whether every alternative was used at least once.
func (c *Choice) Covered() bool {
	for _, n := range c.Seen {
		if n == 0 {
			return false
		}
	}
	return true
}

// Expansion is the result of Expand.
type Expansion struct {
	Examples []Example
	Choices  []*Choice // in the order they were first met
}

// Expand makes examples from a syntax tree (a Dict: request arguments or a
// response) until every choice in it has taken each of its alternatives at
// least once. Each visit to a choice takes the next alternative in turn, so
// enum values cycle across examples and every union member gets examples of
// its own; a union object always gets exactly one member. Placeholders become
// plausible values: 'string' a string made from the key, numbers as written,
// datetime(...) epoch seconds (or the format Options.TimestampFormat says),
// b'...' base64, and {...}|[...]|... documents each of their forms in turn.
// Fields whose value is a call other than datetime (StreamingBody(), ...)
// have no JSON form and are left out.
func Expand(root *Node, opts Options) (*Expansion, error) {
	if root == nil || root.Kind != Dict {
		return nil, fmt.Errorf("expand: want a dict, got %v", root)
	}
	if opts.ListLen <= 0 {
		opts.ListLen = 2
	}
	if opts.MapLen <= 0 {
		opts.MapLen = 2
	}
	if opts.MaxExamples <= 0 {
		opts.MaxExamples = 1000
	}
	x := &expander{opts: opts, choices: map[*Node]*Choice{}}
	out := &Expansion{}
	for i := 0; ; i++ {
		if i == opts.MaxExamples {
			return nil, fmt.Errorf("expand: alternatives still uncovered after %d examples: %s",
				i, strings.Join(out.Uncovered(), "; "))
		}
		x.unions = map[string]string{}
		var buf bytes.Buffer
		if err := x.value(&buf, root, "", "", ""); err != nil {
			return nil, err
		}
		out.Examples = append(out.Examples, Example{Index: i, JSON: buf.Bytes(), Unions: x.unions})
		out.Choices = x.order
		if len(out.Uncovered()) == 0 {
			return out, nil
		}
	}
}

// Uncovered lists the alternatives no example used, as "path: alternative".
func (e *Expansion) Uncovered() []string {
	var out []string
	for _, c := range e.Choices {
		for i, n := range c.Seen {
			if n == 0 {
				out = append(out, c.Path+": "+c.Alternatives[i])
			}
		}
	}
	return out
}

type expander struct {
	opts    Options
	choices map[*Node]*Choice
	order   []*Choice
	strings int               // strings made so far, numbered for uniqueness
	unions  map[string]string // of the example being made
}

// pick returns the alternative to use at this visit of node n.
func (x *expander) pick(n *Node, path, what string, alts []string) int {
	c := x.choices[n]
	if c == nil {
		c = &Choice{Path: path, What: what, Alternatives: alts, Seen: make([]int, len(alts))}
		x.choices[n] = c
		x.order = append(x.order, c)
	}
	total := 0
	for _, s := range c.Seen {
		total += s
	}
	i := total % len(alts)
	c.Seen[i]++
	return i
}

// value writes n as JSON. path is the dotted path with list items as []
// (choices), cpath the one with indexes (union paths), key the nearest key.
func (x *expander) value(buf *bytes.Buffer, n *Node, path, cpath, key string) error {
	switch n.Kind {
	case String:
		s := n.Text
		if n.IsPlaceholder() {
			s = x.plausible(key)
		}
		writeString(buf, s)
	case Int, Float:
		buf.WriteString(n.Text)
	case Bool:
		buf.WriteString(strconv.FormatBool(n.Bool))
	case None:
		buf.WriteString("null")
	case Bytes:
		writeString(buf, base64.StdEncoding.EncodeToString([]byte(n.Text)))
	case Datetime:
		return x.timestamp(buf, n, path)
	case Recursive, AnyDict:
		if n.Kind == AnyDict {
			buf.WriteString(`{"key":"value","list":[1,2.5,null,true],"nested":{"empty":{}}}`)
		} else {
			buf.WriteString("{}")
		}
	case AnyList:
		buf.WriteString(`[1,"two",{"three":3.5},[],null,false]`)
	case Alt:
		return x.alt(buf, n, path, cpath, key)
	case List:
		buf.WriteByte('[')
		k := 0
		for _, item := range n.Items {
			for range x.opts.ListLen {
				if k > 0 {
					buf.WriteByte(',')
				}
				if err := x.value(buf, item, path+"[]", fmt.Sprintf("%s[%d]", cpath, k), key); err != nil {
					return err
				}
				k++
			}
		}
		buf.WriteByte(']')
	case Dict:
		return x.dict(buf, n, path, cpath)
	case Call:
		return fmt.Errorf("%s: %s: %s() has no JSON form", n.Pos, path, n.Name)
	default:
		return fmt.Errorf("%s: %s: cannot expand %s", n.Pos, path, n.Kind)
	}
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (x *expander) dict(buf *bytes.Buffer, n *Node, path, cpath string) error {
	if n.IsMap() {
		return x.mapValue(buf, n, path, cpath)
	}
	fields := n.Fields
	if n.Union {
		alts := n.Keys()
		i := x.pick(n, path, "union", alts)
		fields = fields[i : i+1]
		x.unions[cpath] = alts[i]
	}
	buf.WriteByte('{')
	first := true
	for _, f := range fields {
		if f.Value.Kind == Call {
			continue // StreamingBody() and the like: not part of a JSON body
		}
		if !first {
			buf.WriteByte(',')
		}
		first = false
		writeString(buf, f.Key)
		buf.WriteByte(':')
		if err := x.value(buf, f.Value, join(path, f.Key), join(cpath, f.Key), f.Key); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

func (x *expander) mapValue(buf *bytes.Buffer, n *Node, path, cpath string) error {
	f := n.Fields[0]
	seen := map[string]bool{}
	buf.WriteByte('{')
	for i := range x.opts.MapLen {
		var k string
		if f.KeyAlts != nil {
			k = f.KeyAlts[x.pick(n, path+"{}", "map key", f.KeyAlts)]
		} else {
			k = fmt.Sprintf("key-%d", i+1)
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		if len(seen) > 1 {
			buf.WriteByte(',')
		}
		writeString(buf, k)
		buf.WriteByte(':')
		if err := x.value(buf, f.Value, path+"{}", cpath+"{"+k+"}", k); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

func (x *expander) alt(buf *bytes.Buffer, n *Node, path, cpath, key string) error {
	names := make([]string, len(n.Alts))
	allStrings, allBools := true, true
	for i, a := range n.Alts {
		names[i] = a.String()
		allStrings = allStrings && a.Kind == String
		allBools = allBools && a.Kind == Bool
	}
	what := "document"
	switch {
	case allStrings:
		what, names = "enum", n.EnumValues()
	case allBools:
		what = "bool"
	}
	i := x.pick(n, path, what, names)
	a := n.Alts[i]
	if what == "enum" {
		writeString(buf, a.Text) // an enum value is never a placeholder
		return nil
	}
	if what == "document" && a.IsPlaceholder() {
		writeString(buf, "document string")
		return nil
	}
	return x.value(buf, a, path, cpath, key)
}

func (x *expander) timestamp(buf *bytes.Buffer, n *Node, path string) error {
	var a [6]int
	for i, arg := range n.Args {
		v, err := strconv.Atoi(arg.Text)
		if err != nil {
			return fmt.Errorf("%s: datetime argument %s: %v", arg.Pos, arg.Text, err)
		}
		a[i] = v
	}
	t := time.Date(a[0], time.Month(a[1]), a[2], a[3], a[4], a[5], 0, time.UTC)
	format := "epoch-seconds"
	if x.opts.TimestampFormat != nil {
		format = x.opts.TimestampFormat(path)
	}
	switch format {
	case "epoch-seconds":
		buf.WriteString(strconv.FormatInt(t.Unix(), 10))
	case "date-time":
		writeString(buf, t.Format(time.RFC3339))
	case "http-date":
		writeString(buf, t.Format(http1123))
	default:
		return fmt.Errorf("%s: %s: unknown timestamp format %q", n.Pos, path, format)
	}
	return nil
}

const http1123 = "Mon, 02 Jan 2006 15:04:05 GMT"

// plausible makes the string for a 'string' placeholder under key.
func (x *expander) plausible(key string) string {
	x.strings++
	n := x.strings
	lower := strings.ToLower(key)
	var s string
	switch {
	case lower == "awsaccountid" || lower == "accountid":
		return "123456789012"
	case strings.HasSuffix(lower, "arn"):
		s = fmt.Sprintf("arn:aws:example:us-east-1:123456789012:%s/%d", lower, n)
	case strings.Contains(lower, "url") || strings.Contains(lower, "uri") || strings.Contains(lower, "endpoint"):
		s = fmt.Sprintf("https://example.com/%s/%d", lower, n)
	case strings.Contains(lower, "email"):
		s = fmt.Sprintf("user%d@example.com", n)
	case strings.HasSuffix(lower, "id") || strings.HasSuffix(lower, "identifier") || strings.HasSuffix(lower, "token"):
		s = fmt.Sprintf("%s-%04d", lower, n)
	case key == "":
		s = fmt.Sprintf("value %d", n)
	default:
		s = fmt.Sprintf("%s %d", key, n)
	}
	if !x.opts.PlainStrings && n%5 == 0 {
		s += " \"q\" \\ é ✓ \t<&>"
	}
	return s
}

func writeString(buf *bytes.Buffer, s string) {
	b, _ := json.Marshal(s) // cannot fail for a string
	buf.Write(b)
}
