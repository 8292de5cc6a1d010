package seedsyntax

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Codec is a generated input or output type: *XInput, *XOutput.
type Codec interface {
	json.Marshaler
	json.Unmarshaler
}

// Operation describes one operation of a generated package to RoundTrip.
type Operation struct {
	// Input and Output return a new zero value of the operation's types.
	Input, Output func() Codec
	// InputUnions and OutputUnions report the union members a decoded value
	// holds: union path (as in Example.Unions) → JSON name of the member,
	// found with a type switch on the generated union. Nil when the type
	// holds no union.
	InputUnions, OutputUnions func(Codec) map[string]string
}

// RoundTripOptions tune RoundTrip.
type RoundTripOptions struct {
	// Expand is passed to Expand for both syntax blocks.
	Expand Options
	// Members lists, for every union path (list items as []) that the
	// examples reach, every member of the Go union type. Each member must be
	// covered by some example, and each path reached.
	Members map[string][]string
	// Defaults lists members that the page does not show but the model gives
	// a default the encoder always writes: path (list items as []) → the JSON
	// written. Such a member may be added by the round trip, with exactly
	// that value; each entry must be met at least once, so the list cannot
	// go stale.
	Defaults map[string]string
}

var indexRE = regexp.MustCompile(`\[\d+\]|\{[^}]*\}`)

// genericPath turns the indexes of a path into [] (and map keys into {}).
func genericPath(path string) string {
	return indexRE.ReplaceAllStringFunc(path, func(s string) string {
		if s[0] == '[' {
			return "[]"
		}
		return "{}"
	})
}

// RoundTrip checks the generated JSON codecs of one service against its seed
// pages. For every page (an operation of ops, or the test fails), every
// example Expand makes of its Request Syntax is decoded into the operation's
// input with UnmarshalJSON, encoded again with MarshalJSON, and the two
// documents must mean the same (Diff): nothing lost, nothing added, nothing
// changed. The same goes for the Response Syntax and the output. Each decoded
// value must hold the union members the example set, and across all examples
// every member of every union (opts.Members) must come up. It logs how many
// examples each operation got.
func RoundTrip(t *testing.T, service string, ops map[string]Operation, opts RoundTripOptions) {
	t.Helper()
	pages := ServicePages(t, service)
	seenMembers := map[string]map[string]bool{}
	usedDefaults := map[string]bool{}
	for _, p := range pages {
		op, ok := ops[p.GoOperation()]
		if !ok {
			t.Errorf("%s: seed page of operation %s, which the test's table does not list", p.Name, p.GoOperation())
			continue
		}
		sides := []struct {
			name   string
			tree   *Node
			newV   func() Codec
			unions func(Codec) map[string]string
		}{
			{"request", p.Request, op.Input, op.InputUnions},
			{"response", p.Response, op.Output, op.OutputUnions},
		}
		var counts []string
		for _, side := range sides {
			if side.tree == nil {
				counts = append(counts, "no "+side.name+" syntax")
				continue
			}
			exp, err := Expand(side.tree, opts.Expand)
			if err != nil {
				t.Errorf("%s: %s %s: %v", p.Name, p.GoOperation(), side.name, err)
				continue
			}
			counts = append(counts, fmt.Sprintf("%d %s examples", len(exp.Examples), side.name))
			for _, ex := range exp.Examples {
				t.Run(fmt.Sprintf("%s/%s/%d", p.GoOperation(), side.name, ex.Index), func(t *testing.T) {
					v := side.newV()
					if err := v.UnmarshalJSON(ex.JSON); err != nil {
						t.Fatalf("UnmarshalJSON: %v\ninput: %s", err, ex.JSON)
					}
					out, err := v.MarshalJSON()
					if err != nil {
						t.Fatalf("MarshalJSON: %v\ninput: %s", err, ex.JSON)
					}
					diffs, err := Diff(ex.JSON, out)
					if err != nil {
						t.Fatalf("comparing: %v\ninput:  %s\noutput: %s", err, ex.JSON, out)
					}
					var bad []string
					for _, d := range diffs {
						if want, ok := opts.Defaults[genericPath(d.Path)]; ok && d.What == "added" {
							if eq, _ := Equal([]byte(want), []byte(d.Got)); eq {
								usedDefaults[genericPath(d.Path)] = true
								continue
							}
						}
						bad = append(bad, d.String())
					}
					if len(bad) > 0 {
						t.Errorf("the round trip changed the document:\n  %s\ninput:  %s\noutput: %s",
							strings.Join(bad, "\n  "), ex.JSON, out)
					}
					got := map[string]string{}
					if side.unions != nil {
						got = side.unions(v)
					}
					if !maps.Equal(ex.Unions, got) {
						t.Errorf("union members: the example sets %v, the decoded value holds %v", ex.Unions, got)
					}
					for path, m := range got {
						g := genericPath(path)
						if seenMembers[g] == nil {
							seenMembers[g] = map[string]bool{}
						}
						seenMembers[g][m] = true
					}
				})
			}
		}
		t.Logf("%s (%s): %s", p.GoOperation(), p.Name, strings.Join(counts, ", "))
	}
	for _, path := range slices.Sorted(maps.Keys(opts.Members)) {
		seen := seenMembers[path]
		if seen == nil {
			t.Errorf("union %s: listed in RoundTripOptions.Members, but no example holds it", path)
			continue
		}
		var missing []string
		for _, m := range opts.Members[path] {
			if !seen[m] {
				missing = append(missing, m)
			}
		}
		if len(missing) > 0 {
			t.Errorf("union %s: no example decodes to member(s) %s", path, strings.Join(missing, ", "))
		} else {
			t.Logf("union %s: all %d members covered", path, len(opts.Members[path]))
		}
	}
	for path := range seenMembers {
		if _, ok := opts.Members[path]; !ok {
			t.Errorf("union %s: decoded from the examples, but missing from RoundTripOptions.Members", path)
		}
	}
	for _, path := range slices.Sorted(maps.Keys(opts.Defaults)) {
		if !usedDefaults[path] {
			t.Errorf("RoundTripOptions.Defaults: %s was never added by a round trip; remove it", path)
		}
	}
}
