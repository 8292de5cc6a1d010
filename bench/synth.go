package bench

import (
	"encoding/json"
	"fmt"
)

// Synthetic returns a Smithy JSON AST model of a restJson1 service with n
// structures, for measuring how cost grows with the model's size. Every
// structure has a documented string ID with length and pattern constraints,
// a ranged integer, an enum, a union, a list of unions, a string map and a
// timestamp; there is one enum (five values) and one union (a string, an
// integer, a structure and a unit variant) per five structures, one list
// per structure, and one operation per ten structures taking and returning
// ten of them, plus two errors. It has about 2.6 shapes per structure.
func Synthetic(n int) Model {
	const ns = "bench.synth#"
	shapes := map[string]any{}
	doc := func(s string) map[string]any { return map[string]any{"smithy.api#documentation": "<p>" + s + "</p>"} }
	target := func(t string, traits map[string]any) map[string]any {
		m := map[string]any{"target": t}
		if traits != nil {
			m["traits"] = traits
		}
		return m
	}
	groups := max(1, n/5)
	for g := range groups {
		enum := map[string]any{}
		for v := range 5 {
			enum[fmt.Sprintf("VALUE_%d", v)] = target("smithy.api#Unit", map[string]any{"smithy.api#enumValue": fmt.Sprintf("value-%d-%d", g, v)})
		}
		shapes[fmt.Sprintf("%sKind%d", ns, g)] = map[string]any{"type": "enum", "members": enum, "traits": doc(fmt.Sprintf("The kinds of group %d.", g))}
		shapes[fmt.Sprintf("%sChoice%d", ns, g)] = map[string]any{"type": "union", "traits": doc(fmt.Sprintf("One choice of group %d.", g)), "members": map[string]any{
			"text":   target(ns+"Text", doc("A text choice.")),
			"number": target("smithy.api#Integer", nil),
			"leaf":   target(ns+"Leaf", nil),
			"none":   target("smithy.api#Unit", nil),
		}}
	}
	shapes[ns+"Text"] = map[string]any{"type": "string", "traits": map[string]any{"smithy.api#length": map[string]any{"max": 1024}}}
	shapes[ns+"Id"] = map[string]any{"type": "string", "traits": map[string]any{
		"smithy.api#length": map[string]any{"min": 1, "max": 64}, "smithy.api#pattern": "^[a-z0-9-]+$",
		"smithy.api#documentation": "<p>An identifier.</p>"}}
	shapes[ns+"TagMap"] = map[string]any{"type": "map", "key": target("smithy.api#String", nil), "value": target(ns+"Text", nil),
		"traits": map[string]any{"smithy.api#length": map[string]any{"max": 50}}}
	shapes[ns+"Leaf"] = map[string]any{"type": "structure", "members": map[string]any{
		"a": target("smithy.api#String", nil), "b": target("smithy.api#Boolean", nil)}}
	for i := range n {
		g := i % groups
		list := fmt.Sprintf("Choices%d", i)
		shapes[ns+list] = map[string]any{"type": "list", "member": target(fmt.Sprintf("%sChoice%d", ns, g), nil),
			"traits": map[string]any{"smithy.api#length": map[string]any{"max": 100}}}
		shapes[fmt.Sprintf("%sThing%d", ns, i)] = map[string]any{"type": "structure", "traits": doc(fmt.Sprintf("Thing number %d, with <code>every</code> kind of member.", i)),
			"members": map[string]any{
				"id":      target(ns+"Id", map[string]any{"smithy.api#required": map[string]any{}}),
				"name":    target(ns+"Text", doc("The display name.")),
				"count":   target("smithy.api#Integer", map[string]any{"smithy.api#range": map[string]any{"min": 0, "max": 1000}}),
				"kind":    target(fmt.Sprintf("%sKind%d", ns, g), nil),
				"choice":  target(fmt.Sprintf("%sChoice%d", ns, g), nil),
				"choices": target(ns+list, nil),
				"tags":    target(ns+"TagMap", nil),
				"created": target("smithy.api#Timestamp", nil),
			}}
	}
	errs := []any{map[string]any{"target": ns + "ValidationException"}, map[string]any{"target": ns + "ResourceNotFoundException"}}
	for name, code := range map[string]int{"ValidationException": 400, "ResourceNotFoundException": 404} {
		shapes[ns+name] = map[string]any{"type": "structure", "members": map[string]any{"message": target("smithy.api#String", nil)},
			"traits": map[string]any{"smithy.api#error": "client", "smithy.api#httpError": code}}
	}
	var ops []any
	for o := 0; o*10 < n; o++ {
		name := fmt.Sprintf("Operation%d", o)
		in := map[string]any{"id": target(ns+"Id", map[string]any{"smithy.api#required": map[string]any{}, "smithy.api#httpLabel": map[string]any{}})}
		out := map[string]any{}
		for k := o * 10; k < min(n, o*10+10); k++ {
			in[fmt.Sprintf("thing%d", k)] = target(fmt.Sprintf("%sThing%d", ns, k), nil)
			out[fmt.Sprintf("thing%d", k)] = target(fmt.Sprintf("%sThing%d", ns, k), nil)
		}
		shapes[ns+name+"Input"] = map[string]any{"type": "structure", "members": in, "traits": map[string]any{"smithy.api#input": map[string]any{}}}
		shapes[ns+name+"Output"] = map[string]any{"type": "structure", "members": out, "traits": map[string]any{"smithy.api#output": map[string]any{}}}
		shapes[ns+name] = map[string]any{"type": "operation",
			"input": target(ns+name+"Input", nil), "output": target(ns+name+"Output", nil), "errors": errs,
			"traits": map[string]any{"smithy.api#http": map[string]any{"method": "POST", "uri": fmt.Sprintf("/things/{id}/op%d", o), "code": 200},
				"smithy.api#documentation": fmt.Sprintf("<p>Operation %d.</p>", o)}}
		ops = append(ops, map[string]any{"target": ns + name})
	}
	shapes[ns+"Synth"] = map[string]any{"type": "service", "version": "2024-01-01", "operations": ops, "traits": map[string]any{
		"aws.api#service": map[string]any{"sdkId": "Synth"}, "aws.auth#sigv4": map[string]any{"name": "synth"},
		"aws.protocols#restJson1": map[string]any{}, "smithy.api#title": "Synthetic service"}}
	data, err := json.Marshal(map[string]any{"smithy": "2.0", "shapes": shapes})
	if err != nil {
		panic(err) // only maps, strings and numbers: cannot fail
	}
	return Model{Name: fmt.Sprintf("synth%d.json", n), Data: data, Package: "synth"}
}
