package botocore

import (
	"encoding/json"
	"slices"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/jsonnode"
)

// operation converts the botocore operation name, defined by n, adds it to
// the builder and returns its ID.
func (l *loader) operation(name string, n *jsonnode.Node) (model.ShapeID, bool) {
	id := model.ShapeID{Namespace: l.ns, Name: name}
	if !model.ValidIdentifier(name) {
		l.errorf(n, model.ShapeID{}, "invalid operation name %q: not a Smithy identifier", name)
		return model.ShapeID{}, false
	}
	if n.Kind != jsonnode.Object {
		l.errorf(n, id, "an operation must be a JSON object, found %s", n.Kind)
		return model.ShapeID{}, false
	}
	if nm := l.get(n, "name", jsonnode.String, id); nm != nil && nm.Str != name {
		l.errorf(nm, id, "operation name %q differs from its key %q", nm.Str, name)
	}
	op := &model.Shape{ID: id, Type: model.Operation, Pos: l.doc.Pos(n), Input: model.UnitID, Output: model.UnitID}
	if in := l.ref(n, "input", id); !in.IsZero() {
		op.Input = in
		l.use(in.Name).input++
	}
	if out := l.ref(n, "output", id); !out.IsZero() {
		op.Output = out
		l.use(out.Name).output++
	}
	for _, e := range l.objects(n, "errors", id) {
		// An error listed twice (as QuickSight's CreateTemplateAlias lists
		// ConflictException) is listed once.
		if t := l.target(e, id); !t.IsZero() && !slices.Contains(op.Errors, t) {
			op.Errors = append(op.Errors, t)
			l.use(t.Name).other++
		}
	}
	if l.proto.rest {
		l.httpTrait(op, n)
	}
	if f := l.flag(n, "idempotent", id); f != nil {
		op.Traits.Set(l.trait(model.TraitIdempotent, annotation(), f))
	}
	if f := l.flag(n, "readonly", id); f != nil {
		op.Traits.Set(l.trait(model.TraitReadonly, annotation(), f))
	}
	l.docAndDeprecated(&op.Traits, n, id)
	l.operationAuth(op, n)
	if e := l.get(n, "endpoint", jsonnode.Object, id); e != nil {
		if p := l.require(e, "hostPrefix", jsonnode.String, id); p != nil {
			op.Traits.Set(l.trait(traitEndpoint, map[string]any{"hostPrefix": p.Str}, e))
		}
	}
	if f := l.flag(n, "httpChecksumRequired", id); f != nil {
		op.Traits.Set(l.trait(traitHTTPChecksumReq, annotation(), f))
	}
	for _, c := range []struct {
		key   string
		trait model.ShapeID
	}{
		{"httpChecksum", traitHTTPChecksum},
		{"requestcompression", traitRequestCompression},
		{"staticContextParams", traitStaticContextParams},
	} {
		if v := l.get(n, c.key, jsonnode.Object, id); v != nil {
			op.Traits.Set(l.trait(c.trait, v.Value(), v))
		}
	}
	if d := l.get(n, "endpointdiscovery", jsonnode.Object, id); d != nil {
		op.Traits.Set(l.trait(traitDiscoveredEndpoint, map[string]any{"required": l.flag(d, "required", id) != nil}, d))
	}
	l.b.Add(op)
	return id, true
}

// httpTrait adds @http from "http", which REST protocols require.
func (l *loader) httpTrait(op *model.Shape, n *jsonnode.Node) {
	id := op.ID
	if n.Get("http") == nil {
		l.errorf(n, id, "operation has no \"http\" binding: the %s protocol requires one", l.proto.name)
		return
	}
	h := l.get(n, "http", jsonnode.Object, id)
	if h == nil {
		return
	}
	method := l.require(h, "method", jsonnode.String, id)
	uri := l.require(h, "requestUri", jsonnode.String, id)
	_, code := l.integer(h, "responseCode", id)
	if method == nil || uri == nil {
		return
	}
	// The code is always written, 200 when absent, as AWS's Smithy models do.
	v := map[string]any{"method": method.Str, "uri": uri.Str, "code": json.Number("200")}
	if code != nil {
		v["code"] = json.Number(code.Str)
	}
	op.Traits.Set(l.trait(model.TraitHTTP, v, h))
}

// operationAuth adds the auth traits of "authtype", "unsignedPayload" and "auth".
func (l *loader) operationAuth(op *model.Shape, n *jsonnode.Node) {
	id := op.ID
	if a := l.get(n, "authtype", jsonnode.String, id); a != nil {
		switch a.Str {
		case "none":
			op.Traits.Set(l.trait(traitOptionalAuth, annotation(), a))
		case "v4-unsigned-body":
			op.Traits.Set(l.trait(traitUnsignedPayload, annotation(), a))
		}
	}
	if f := l.flag(n, "unsignedPayload", id); f != nil {
		op.Traits.Set(l.trait(traitUnsignedPayload, annotation(), f))
	}
	if n.Get("auth") == nil {
		return
	}
	list := []any{}
	for _, s := range l.strings(n, "auth", id) {
		if s.Str == "smithy.api#noAuth" {
			continue
		}
		if _, err := model.ParseShapeID(s.Str); err != nil {
			l.errorf(s, id, "auth scheme %q is not a shape ID", s.Str)
			continue
		}
		list = append(list, s.Str)
	}
	op.Traits.Set(l.trait(traitAuth, list, n.Get("auth")))
}

// objects returns the object items of the array obj[key], reporting others.
func (l *loader) objects(obj *jsonnode.Node, key string, id model.ShapeID) []*jsonnode.Node {
	n := l.get(obj, key, jsonnode.Array, id)
	if n == nil {
		return nil
	}
	out := make([]*jsonnode.Node, 0, len(n.Items))
	for _, it := range n.Items {
		if it.Kind != jsonnode.Object {
			l.errorf(it, id, "field %q must hold JSON objects, found %s", key, it.Kind)
			continue
		}
		out = append(out, it)
	}
	return out
}
