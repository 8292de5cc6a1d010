package seedsyntax

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strconv"
)

// Difference is one place where two JSON documents differ in meaning.
type Difference struct {
	Path string // dotted keys, array items as [i]; "" for the document itself
	What string // "lost" (only in want), "added" (only in got) or "changed"
	Want string // compact JSON; empty when added
	Got  string // compact JSON; empty when lost
}

func (d Difference) String() string {
	path := d.Path
	if path == "" {
		path = "(document)"
	}
	switch d.What {
	case "lost":
		return fmt.Sprintf("%s: lost %s", path, d.Want)
	case "added":
		return fmt.Sprintf("%s: added %s", path, d.Got)
	}
	return fmt.Sprintf("%s: changed %s -> %s", path, d.Want, d.Got)
}

// Diff compares two JSON documents by meaning: object key order does not
// matter, numbers compare by value (1, 1.0 and 1e0 are equal), strings after
// unescaping. It returns the differences sorted by path, or an error when
// either document is not valid JSON or repeats a key in an object.
func Diff(want, got []byte) ([]Difference, error) {
	w, err := decodeOrdered(want)
	if err != nil {
		return nil, fmt.Errorf("want: %w", err)
	}
	g, err := decodeOrdered(got)
	if err != nil {
		return nil, fmt.Errorf("got: %w", err)
	}
	var out []Difference
	diffValues(&out, "", w, g)
	slices.SortStableFunc(out, func(a, b Difference) int {
		if a.Path < b.Path {
			return -1
		}
		if a.Path > b.Path {
			return 1
		}
		return 0
	})
	return out, nil
}

// Equal reports whether two JSON documents mean the same, as Diff sees it.
func Equal(a, b []byte) (bool, error) {
	d, err := Diff(a, b)
	return err == nil && len(d) == 0, err
}

// member is one key of a decoded object, in document order.
type member struct {
	key string
	val any
}

// decodeOrdered decodes JSON into nil, bool, string, json.Number, []any and
// []member (objects, key order kept, repeated keys rejected).
func decodeOrdered(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("data after the JSON value")
	}
	return v, nil
}

func decodeValue(dec *json.Decoder) (any, error) {
	t, err := dec.Token()
	if err == io.EOF {
		return nil, io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, err
	}
	switch t {
	case json.Delim('{'):
		var obj []member
		seen := map[string]bool{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k := kt.(string)
			if seen[k] {
				return nil, fmt.Errorf("key %q repeated in an object", k)
			}
			seen[k] = true
			v, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			obj = append(obj, member{k, v})
		}
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		if obj == nil {
			obj = []member{}
		}
		return obj, nil
	case json.Delim('['):
		arr := []any{}
		for dec.More() {
			v, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		return arr, nil
	}
	return t, nil
}

func diffValues(out *[]Difference, path string, w, g any) {
	switch wv := w.(type) {
	case []member:
		gv, ok := g.([]member)
		if !ok {
			break
		}
		gm := map[string]any{}
		for _, m := range gv {
			gm[m.key] = m.val
		}
		wm := map[string]bool{}
		for _, m := range wv {
			wm[m.key] = true
			sub := join(path, m.key)
			if gval, ok := gm[m.key]; ok {
				diffValues(out, sub, m.val, gval)
			} else {
				*out = append(*out, Difference{Path: sub, What: "lost", Want: compact(m.val)})
			}
		}
		for _, m := range gv {
			if !wm[m.key] {
				*out = append(*out, Difference{Path: join(path, m.key), What: "added", Got: compact(m.val)})
			}
		}
		return
	case []any:
		gv, ok := g.([]any)
		if !ok {
			break
		}
		for i := range max(len(wv), len(gv)) {
			sub := path + "[" + strconv.Itoa(i) + "]"
			switch {
			case i >= len(gv):
				*out = append(*out, Difference{Path: sub, What: "lost", Want: compact(wv[i])})
			case i >= len(wv):
				*out = append(*out, Difference{Path: sub, What: "added", Got: compact(gv[i])})
			default:
				diffValues(out, sub, wv[i], gv[i])
			}
		}
		return
	case json.Number:
		if gv, ok := g.(json.Number); ok && sameNumber(wv, gv) {
			return
		}
	default: // nil, bool, string
		if w == g {
			return
		}
	}
	*out = append(*out, Difference{Path: path, What: "changed", Want: compact(w), Got: compact(g)})
}

func sameNumber(a, b json.Number) bool {
	x, ok1 := new(big.Rat).SetString(string(a))
	y, ok2 := new(big.Rat).SetString(string(b))
	return ok1 && ok2 && x.Cmp(y) == 0
}

// compact renders a decoded value as JSON, keys in document order.
func compact(v any) string {
	var b bytes.Buffer
	writeCompact(&b, v)
	return b.String()
}

func writeCompact(b *bytes.Buffer, v any) {
	switch x := v.(type) {
	case []member:
		b.WriteByte('{')
		for i, m := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, m.key)
			b.WriteByte(':')
			writeCompact(b, m.val)
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeCompact(b, e)
		}
		b.WriteByte(']')
	case json.Number:
		b.WriteString(string(x))
	case string:
		writeString(b, x)
	default:
		j, _ := json.Marshal(x) // nil or bool
		b.Write(j)
	}
}
