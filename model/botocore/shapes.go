package botocore

import (
	"encoding/json"
	"strconv"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/jsonnode"
)

// numberTypes maps the botocore number types to Smithy's.
var numberTypes = map[string]model.ShapeType{
	"byte": model.Byte, "short": model.Short, "integer": model.Integer, "long": model.Long,
	"float": model.Float, "double": model.Double,
}

// zeroValue is the @default a non-boxed shape of botocore type typ gets, or nil.
func zeroValue(typ string) any {
	if typ == "boolean" {
		return false
	}
	if _, ok := numberTypes[typ]; ok {
		return json.Number("0")
	}
	return nil
}

// timestampFormats maps botocore timestamp formats to @timestampFormat values.
var timestampFormats = map[string]string{
	"iso8601":       "date-time",
	"unixTimestamp": "epoch-seconds",
	"rfc822":        "http-date",
}

// shape converts the botocore shape name, defined by n, and adds it to the builder.
func (l *loader) shape(name string, n *jsonnode.Node) {
	id := l.shapeID(name)
	if !model.ValidIdentifier(name) {
		l.errorf(n, model.ShapeID{}, "invalid shape name %q: not a Smithy identifier", name)
		return
	}
	if n.Kind != jsonnode.Object {
		l.errorf(n, id, "a shape must be a JSON object, found %s", n.Kind)
		return
	}
	t := l.require(n, "type", jsonnode.String, id)
	if t == nil {
		return
	}
	s := &model.Shape{ID: id, Pos: l.doc.Pos(n)}
	switch t.Str {
	case "structure":
		l.structure(s, n)
	case "string":
		if values := l.get(n, "enum", jsonnode.Array, id); values != nil && len(values.Items) > 0 {
			// @length and @pattern are not kept on enums: model's trait
			// placement table does not yet accept them there.
			l.enum(s, values)
			break
		}
		s.Type = model.String
		l.length(s, n)
		if p := l.get(n, "pattern", jsonnode.String, id); p != nil {
			s.Traits.Set(l.trait(model.TraitPattern, p.Str, p))
		}
		if j := l.flag(n, "jsonvalue", id); j != nil {
			s.Traits.Set(l.trait(model.TraitMediaType, "application/json", j))
		}
	case "blob":
		s.Type = model.Blob
		l.length(s, n)
		if f := l.flag(n, "streaming", id); f != nil {
			s.Traits.Set(l.trait(model.TraitStreaming, annotation(), f))
		}
		if f := l.flag(n, "requiresLength", id); f != nil {
			s.Traits.Set(l.trait(model.TraitRequiresLength, annotation(), f))
		}
	case "boolean", "byte", "short", "integer", "long", "float", "double":
		s.Type = model.Boolean
		if nt, ok := numberTypes[t.Str]; ok {
			s.Type = nt
			l.rangeTrait(s, n)
		}
		if l.flag(n, "box", id) == nil {
			s.Traits.Set(l.trait(model.TraitDefault, zeroValue(t.Str), n))
		}
	case "timestamp":
		s.Type = model.Timestamp
		l.timestampFormat(&s.Traits, n, id)
	case "list":
		s.Type = model.List
		if mem := l.require(n, "member", jsonnode.Object, id); mem != nil {
			if m := l.member(s, "member", mem, false); m != nil {
				s.Members = append(s.Members, m)
			}
		}
		l.length(s, n)
	case "map":
		s.Type = model.Map
		for _, k := range []string{"key", "value"} {
			if mem := l.require(n, k, jsonnode.Object, id); mem != nil {
				if m := l.member(s, k, mem, false); m != nil {
					s.Members = append(s.Members, m)
				}
			}
		}
		l.length(s, n)
	default:
		l.errorf(t, id, "unknown shape type %q: want structure, string, blob, boolean, byte, short, integer, long, float, double, timestamp, list or map", t.Str)
		return
	}
	l.docAndDeprecated(&s.Traits, n, id)
	if f := l.flag(n, "sensitive", id); f != nil {
		s.Traits.Set(l.trait(model.TraitSensitive, annotation(), f))
	}
	l.b.Add(s)
}

// structure fills in a structure, union, event stream or document.
func (l *loader) structure(s *model.Shape, n *jsonnode.Node) {
	id := s.ID
	switch {
	case l.flag(n, "document", id) != nil:
		s.Type = model.Document
		return
	case l.flag(n, "eventstream", id) != nil:
		s.Type = model.Union
		s.Traits.Set(l.trait(model.TraitStreaming, annotation(), n.Get("eventstream")))
	case l.flag(n, "union", id) != nil:
		s.Type = model.Union
	default:
		s.Type = model.Structure
	}
	if members := l.get(n, "members", jsonnode.Object, id); members != nil {
		for _, f := range members.Fields {
			if m := l.member(s, f.Key, f.Value, s.Type == model.Structure); m != nil {
				s.Members = append(s.Members, m)
			}
		}
	}
	if s.Type != model.Structure {
		return
	}
	for _, r := range l.strings(n, "required", id) {
		m := s.Member(r.Str)
		if m == nil {
			l.errorf(r, id, "required member %q is not a member of the structure", r.Str)
			continue
		}
		m.Traits.Set(l.trait(model.TraitRequired, annotation(), r))
	}
	if p := l.get(n, "payload", jsonnode.String, id); p != nil {
		if m := s.Member(p.Str); m != nil {
			m.Traits.Set(l.trait(model.TraitHTTPPayload, annotation(), p))
		} else {
			l.errorf(p, id, "payload member %q is not a member of the structure", p.Str)
		}
	}
	l.errorTraits(s, n)
	if r := l.get(n, "retryable", jsonnode.Object, id); r != nil {
		v := annotation()
		if l.flag(r, "throttling", id) != nil {
			v["throttling"] = true
		}
		s.Traits.Set(l.trait(traitRetryable, v, r))
	}
}

// errorTraits adds @error and @httpError to an exception structure.
func (l *loader) errorTraits(s *model.Shape, n *jsonnode.Node) {
	id := s.ID
	exception := l.flag(n, "exception", id)
	fault := l.flag(n, "fault", id)
	details := l.get(n, "error", jsonnode.Object, id)
	if exception == nil && fault == nil && details == nil {
		return
	}
	at := exception
	if at == nil {
		at = n
	}
	var status int64
	var sender bool
	if details != nil {
		if code, c := l.integer(details, "httpStatusCode", id); c != nil {
			status = code
			s.Traits.Set(l.trait(model.TraitHTTPError, json.Number(c.Str), c))
		}
		sender = l.flag(details, "senderFault", id) != nil
	}
	kind := "client"
	if fault != nil || (!sender && status >= 500) {
		kind = "server"
	}
	s.Traits.Set(l.trait(model.TraitError, kind, at))
}

// member converts the member name of parent. inStructure says whether the
// HTTP bindings, @required and nullability of structure members apply.
func (l *loader) member(parent *model.Shape, name string, n *jsonnode.Node, inStructure bool) *model.Member {
	id := parent.ID.WithMember(name)
	if !model.ValidIdentifier(name) {
		l.errorf(n, parent.ID, "invalid member name %q: not a Smithy identifier", name)
		return nil
	}
	if n.Kind != jsonnode.Object {
		l.errorf(n, id, "a member must be a JSON object, found %s", n.Kind)
		return nil
	}
	target := l.target(n, id)
	if target.IsZero() {
		return nil
	}
	l.use(target.Name).other++
	m := &model.Member{ID: id, Target: target, Pos: l.doc.Pos(n)}
	l.docAndDeprecated(&m.Traits, n, id)
	l.timestampFormat(&m.Traits, n, id)
	if f := l.flag(n, "jsonvalue", id); f != nil {
		m.Traits.Set(l.trait(model.TraitMediaType, "application/json", f))
	}
	if f := l.flag(n, "eventpayload", id); f != nil {
		m.Traits.Set(l.trait(model.TraitEventPayload, annotation(), f))
	}
	if f := l.flag(n, "eventheader", id); f != nil {
		m.Traits.Set(l.trait(traitEventHeader, annotation(), f))
	}
	if parent.Type == model.Structure || parent.Type == model.Union {
		l.location(m, n, inStructure)
	}
	if !inStructure {
		return m
	}
	if f := l.flag(n, "idempotencyToken", id); f != nil {
		m.Traits.Set(l.trait(model.TraitIdempotencyToken, annotation(), f))
	}
	if f := l.flag(n, "hostLabel", id); f != nil {
		m.Traits.Set(l.trait(traitHostLabel, annotation(), f))
	}
	if c := l.get(n, "contextParam", jsonnode.Object, id); c != nil {
		m.Traits.Set(l.trait(traitContextParam, c.Value(), c))
	}
	if info, ok := l.info[target.Name]; ok && info.hasDefault() {
		if box := l.flag(n, "box", id); box != nil {
			m.Traits.Set(l.trait(model.TraitDefault, nil, box))
		} else {
			m.Traits.Set(l.trait(model.TraitDefault, zeroValue(info.typ), n))
		}
	}
	return m
}

// location adds the HTTP binding of a structure member, or the JSON or XML
// name of a body member of a structure or union.
func (l *loader) location(m *model.Member, n *jsonnode.Node, inStructure bool) {
	id := m.ID
	name := id.Member
	locNode := l.get(n, "locationName", jsonnode.String, id)
	locName := name
	if locNode != nil {
		locName = locNode.Str
	}
	loc := l.get(n, "location", jsonnode.String, id)
	if loc == nil || !inStructure {
		if locNode != nil && locName != name {
			trait := model.TraitJSONName
			if l.proto.xml {
				trait = traitXMLName
			}
			m.Traits.Set(l.trait(trait, locName, locNode))
		}
		return
	}
	switch loc.Str {
	case "uri":
		if locName != name {
			l.errorf(locNode, id, "uri label %q differs from the member name: Smithy binds a label to the member of the same name", locName)
			return
		}
		m.Traits.Set(l.trait(model.TraitHTTPLabel, annotation(), loc))
	case "querystring":
		if l.info[m.Target.Name].typ == "map" {
			m.Traits.Set(l.trait(model.TraitHTTPQueryParams, annotation(), loc))
		} else {
			m.Traits.Set(l.trait(model.TraitHTTPQuery, locName, loc))
		}
	case "header":
		m.Traits.Set(l.trait(model.TraitHTTPHeader, locName, loc))
	case "headers":
		prefix := ""
		if locNode != nil {
			prefix = locNode.Str
		}
		m.Traits.Set(l.trait(model.TraitHTTPPrefixHeaders, prefix, loc))
	case "statusCode":
		m.Traits.Set(l.trait(model.TraitHTTPResponseCode, annotation(), loc))
	default:
		l.errorf(loc, id, "unknown member location %q: want uri, querystring, header, headers or statusCode", loc.Str)
	}
}

// enum turns a string shape with an "enum" list into an enum shape.
func (l *loader) enum(s *model.Shape, values *jsonnode.Node) {
	s.Type = model.Enum
	var vals []string
	var nodes []*jsonnode.Node
	seen := map[string]bool{}
	for _, it := range values.Items {
		switch {
		case it.Kind != jsonnode.String:
			l.errorf(it, s.ID, "field %q must hold JSON strings, found %s", "enum", it.Kind)
			continue
		case it.Str == "":
			l.errorf(it, s.ID, "enum value must be a non-empty string")
			continue
		case seen[it.Str]:
			l.errorf(it, s.ID, "duplicate enum value %q", it.Str)
			continue
		}
		seen[it.Str] = true
		vals = append(vals, it.Str)
		nodes = append(nodes, it)
	}
	for i, name := range enumMemberNames(vals) {
		m := &model.Member{ID: s.ID.WithMember(name), Target: model.UnitID, Pos: l.doc.Pos(nodes[i])}
		m.Traits.Set(l.trait(model.TraitEnumValue, vals[i], nodes[i]))
		s.Members = append(s.Members, m)
	}
}

// length adds @length from min and max.
func (l *loader) length(s *model.Shape, n *jsonnode.Node) {
	v := map[string]any{}
	var at *jsonnode.Node
	for _, k := range []string{"min", "max"} {
		if i, b := l.integer(n, k, s.ID); b != nil {
			if i < 0 {
				l.errorf(b, s.ID, "field %q must not be negative, found %s", k, b.Str)
				continue
			}
			v[k] = json.Number(b.Str)
			if at == nil {
				at = b
			}
		}
	}
	if at != nil {
		s.Traits.Set(l.trait(model.TraitLength, v, at))
	}
}

// rangeTrait adds @range from min and max, keeping the numbers' text.
func (l *loader) rangeTrait(s *model.Shape, n *jsonnode.Node) {
	v := map[string]any{}
	var at *jsonnode.Node
	for _, k := range []string{"min", "max"} {
		if b := l.get(n, k, jsonnode.Number, s.ID); b != nil {
			v[k] = json.Number(b.Str)
			if at == nil {
				at = b
			}
		}
	}
	if at != nil {
		s.Traits.Set(l.trait(model.TraitRange, v, at))
	}
}

// integer returns the integer obj[key] and its node, or a nil node.
func (l *loader) integer(obj *jsonnode.Node, key string, id model.ShapeID) (int64, *jsonnode.Node) {
	n := l.get(obj, key, jsonnode.Number, id)
	if n == nil {
		return 0, nil
	}
	i, err := strconv.ParseInt(n.Str, 10, 64)
	if err != nil {
		l.errorf(n, id, "field %q must be an integer, found %s", key, n.Str)
		return 0, nil
	}
	return i, n
}

// timestampFormat adds @timestampFormat from "timestampFormat".
func (l *loader) timestampFormat(traits *model.Traits, n *jsonnode.Node, id model.ShapeID) {
	f := l.get(n, "timestampFormat", jsonnode.String, id)
	if f == nil {
		return
	}
	v, ok := timestampFormats[f.Str]
	if !ok {
		l.errorf(f, id, "unknown timestampFormat %q: want iso8601, unixTimestamp or rfc822", f.Str)
		return
	}
	traits.Set(l.trait(model.TraitTimestampFormat, v, f))
}

// docAndDeprecated adds @documentation and @deprecated, shared by shapes,
// members and operations.
func (l *loader) docAndDeprecated(traits *model.Traits, n *jsonnode.Node, id model.ShapeID) {
	if d := l.get(n, "documentation", jsonnode.String, id); d != nil {
		traits.Set(l.trait(model.TraitDocumentation, d.Str, d))
	}
	msg := l.str(n, "deprecatedMessage", id)
	since := l.str(n, "deprecatedSince", id)
	if f := l.flag(n, "deprecated", id); f != nil {
		v := map[string]any{}
		if msg != "" {
			v["message"] = msg
		}
		if since != "" {
			v["since"] = since
		}
		traits.Set(l.trait(model.TraitDeprecated, v, f))
	}
}
