package model

import (
	"encoding/json"
	"slices"
	"strconv"
)

// Trait is one trait application. Value is a node value as decoded from the
// model: nil, bool, json.Number, string, []any or map[string]any.
type Trait struct {
	ID    ShapeID
	Value any
	Pos   Pos
}

// Traits is the set of traits on a shape or member. The zero value is empty and ready to use.
type Traits struct {
	m map[ShapeID]*Trait
}

// IDs of the traits the generator reads through typed accessors.
var (
	TraitRequired          = Prelude("required")
	TraitDefault           = Prelude("default")
	TraitAddedDefault      = Prelude("addedDefault")
	TraitClientOptional    = Prelude("clientOptional")
	TraitLength            = Prelude("length")
	TraitRange             = Prelude("range")
	TraitPattern           = Prelude("pattern")
	TraitEnum              = Prelude("enum")
	TraitEnumValue         = Prelude("enumValue")
	TraitSensitive         = Prelude("sensitive")
	TraitDocumentation     = Prelude("documentation")
	TraitJSONName          = Prelude("jsonName")
	TraitTimestampFormat   = Prelude("timestampFormat")
	TraitHTTP              = Prelude("http")
	TraitHTTPLabel         = Prelude("httpLabel")
	TraitHTTPQuery         = Prelude("httpQuery")
	TraitHTTPQueryParams   = Prelude("httpQueryParams")
	TraitHTTPHeader        = Prelude("httpHeader")
	TraitHTTPPrefixHeaders = Prelude("httpPrefixHeaders")
	TraitHTTPPayload       = Prelude("httpPayload")
	TraitHTTPResponseCode  = Prelude("httpResponseCode")
	TraitError             = Prelude("error")
	TraitHTTPError         = Prelude("httpError")
	TraitIdempotencyToken  = Prelude("idempotencyToken")
	TraitIdempotent        = Prelude("idempotent")
	TraitReadonly          = Prelude("readonly")
	TraitDeprecated        = Prelude("deprecated")
	TraitSparse            = Prelude("sparse")
	TraitUniqueItems       = Prelude("uniqueItems")
	TraitMediaType         = Prelude("mediaType")
	TraitInput             = Prelude("input")
	TraitOutput            = Prelude("output")
	TraitPaginated         = Prelude("paginated")
	TraitStreaming         = Prelude("streaming")
	TraitMixin             = Prelude("mixin")
	TraitTitle             = Prelude("title")
	TraitBox               = Prelude("box")
	TraitUnitType          = Prelude("unitType")
	TraitTrait             = Prelude("trait")
	TraitEventPayload      = Prelude("eventPayload")
	TraitRequiresLength    = Prelude("requiresLength")
)

// Get returns the trait with the given ID.
func (t *Traits) Get(id ShapeID) (*Trait, bool) {
	tr, ok := t.m[id]
	return tr, ok
}

// Has reports whether the trait is present.
func (t *Traits) Has(id ShapeID) bool {
	_, ok := t.m[id]
	return ok
}

// Set adds or replaces a trait.
func (t *Traits) Set(tr *Trait) {
	if t.m == nil {
		t.m = make(map[ShapeID]*Trait)
	}
	t.m[tr.ID] = tr
}

// Delete removes a trait.
func (t *Traits) Delete(id ShapeID) { delete(t.m, id) }

// Len is the number of traits.
func (t *Traits) Len() int { return len(t.m) }

// All returns the traits sorted by ID.
func (t *Traits) All() []*Trait {
	out := make([]*Trait, 0, len(t.m))
	for _, tr := range t.m {
		out = append(out, tr)
	}
	slices.SortFunc(out, func(a, b *Trait) int { return a.ID.Compare(b.ID) })
	return out
}

// Clone returns an independent copy (trait values are shared, they are never mutated).
func (t *Traits) Clone() Traits {
	c := Traits{}
	for _, tr := range t.m {
		cp := *tr
		c.Set(&cp)
	}
	return c
}

func (t *Traits) str(id ShapeID) (string, bool) {
	tr, ok := t.m[id]
	if !ok {
		return "", false
	}
	s, _ := tr.Value.(string)
	return s, true
}

func (t *Traits) obj(id ShapeID) (map[string]any, bool) {
	tr, ok := t.m[id]
	if !ok {
		return nil, false
	}
	o, _ := tr.Value.(map[string]any)
	return o, true
}

// Required reports @required.
func (t *Traits) Required() bool { return t.Has(TraitRequired) }

// Default returns the @default value (nil value for an explicit null default).
func (t *Traits) Default() (any, bool) {
	tr, ok := t.m[TraitDefault]
	if !ok {
		return nil, false
	}
	return tr.Value, true
}

// ClientOptional reports @clientOptional.
func (t *Traits) ClientOptional() bool { return t.Has(TraitClientOptional) }

// Length is the @length constraint; nil bounds are open.
type Length struct{ Min, Max *int64 }

// Length returns @length, or nil.
func (t *Traits) Length() *Length {
	o, ok := t.obj(TraitLength)
	if !ok {
		return nil
	}
	l := &Length{}
	l.Min = intField(o, "min")
	l.Max = intField(o, "max")
	return l
}

// Range is the @range constraint; nil bounds are open. Bounds keep the model's text.
type Range struct{ Min, Max *json.Number }

// Range returns @range, or nil.
func (t *Traits) Range() *Range {
	o, ok := t.obj(TraitRange)
	if !ok {
		return nil
	}
	r := &Range{}
	if n, ok := o["min"].(json.Number); ok {
		r.Min = &n
	}
	if n, ok := o["max"].(json.Number); ok {
		r.Max = &n
	}
	return r
}

// Pattern returns @pattern.
func (t *Traits) Pattern() (string, bool) { return t.str(TraitPattern) }

// EnumDefinition is one entry of a Smithy 1.0 @enum trait.
type EnumDefinition struct {
	Value, Name, Documentation string
	Deprecated                 bool
	Tags                       []string
}

// EnumDefinitions returns the entries of a 1.0-style @enum trait, or nil.
func (t *Traits) EnumDefinitions() []EnumDefinition {
	tr, ok := t.m[TraitEnum]
	if !ok {
		return nil
	}
	list, _ := tr.Value.([]any)
	out := make([]EnumDefinition, 0, len(list))
	for _, e := range list {
		o, _ := e.(map[string]any)
		d := EnumDefinition{}
		d.Value, _ = o["value"].(string)
		d.Name, _ = o["name"].(string)
		d.Documentation, _ = o["documentation"].(string)
		d.Deprecated, _ = o["deprecated"].(bool)
		tags, _ := o["tags"].([]any)
		for _, tag := range tags {
			if str, ok := tag.(string); ok {
				d.Tags = append(d.Tags, str)
			}
		}
		out = append(out, d)
	}
	return out
}

// EnumValue returns @enumValue: a string for enum members, an int64 for intEnum members.
func (t *Traits) EnumValue() (any, bool) {
	tr, ok := t.m[TraitEnumValue]
	if !ok {
		return nil, false
	}
	if n, ok := tr.Value.(json.Number); ok {
		i, err := n.Int64()
		if err != nil {
			return nil, false
		}
		return i, true
	}
	return tr.Value, true
}

// Sensitive reports @sensitive.
func (t *Traits) Sensitive() bool { return t.Has(TraitSensitive) }

// Documentation returns @documentation, or "".
func (t *Traits) Documentation() string { s, _ := t.str(TraitDocumentation); return s }

// JSONName returns @jsonName, or "".
func (t *Traits) JSONName() string { s, _ := t.str(TraitJSONName); return s }

// TimestampFormat returns @timestampFormat ("date-time", "http-date", "epoch-seconds"), or "".
func (t *Traits) TimestampFormat() string { s, _ := t.str(TraitTimestampFormat); return s }

// HTTP is the @http trait of an operation.
type HTTP struct {
	Method string
	URI    string
	Code   int
}

// HTTP returns @http, or nil. Code defaults to 200.
func (t *Traits) HTTP() *HTTP {
	o, ok := t.obj(TraitHTTP)
	if !ok {
		return nil
	}
	h := &HTTP{Code: 200}
	h.Method, _ = o["method"].(string)
	h.URI, _ = o["uri"].(string)
	if c := intField(o, "code"); c != nil {
		h.Code = int(*c)
	}
	return h
}

// HTTPLabel reports @httpLabel.
func (t *Traits) HTTPLabel() bool { return t.Has(TraitHTTPLabel) }

// HTTPQuery returns the @httpQuery parameter name.
func (t *Traits) HTTPQuery() (string, bool) { return t.str(TraitHTTPQuery) }

// HTTPQueryParams reports @httpQueryParams.
func (t *Traits) HTTPQueryParams() bool { return t.Has(TraitHTTPQueryParams) }

// HTTPHeader returns the @httpHeader field name.
func (t *Traits) HTTPHeader() (string, bool) { return t.str(TraitHTTPHeader) }

// HTTPPrefixHeaders returns the @httpPrefixHeaders prefix (possibly "").
func (t *Traits) HTTPPrefixHeaders() (string, bool) { return t.str(TraitHTTPPrefixHeaders) }

// HTTPPayload reports @httpPayload.
func (t *Traits) HTTPPayload() bool { return t.Has(TraitHTTPPayload) }

// HTTPResponseCode reports @httpResponseCode.
func (t *Traits) HTTPResponseCode() bool { return t.Has(TraitHTTPResponseCode) }

// ErrorKind returns "client" or "server" for @error shapes, or "".
func (t *Traits) ErrorKind() string { s, _ := t.str(TraitError); return s }

// HTTPError returns @httpError, or 0.
func (t *Traits) HTTPError() int {
	tr, ok := t.m[TraitHTTPError]
	if !ok {
		return 0
	}
	if n, ok := tr.Value.(json.Number); ok {
		i, _ := strconv.Atoi(n.String())
		return i
	}
	return 0
}

// IdempotencyToken reports @idempotencyToken.
func (t *Traits) IdempotencyToken() bool { return t.Has(TraitIdempotencyToken) }

// Idempotent reports @idempotent.
func (t *Traits) Idempotent() bool { return t.Has(TraitIdempotent) }

// Readonly reports @readonly.
func (t *Traits) Readonly() bool { return t.Has(TraitReadonly) }

// Deprecated is the @deprecated trait.
type Deprecated struct{ Message, Since string }

// Deprecated returns @deprecated, or nil.
func (t *Traits) Deprecated() *Deprecated {
	if !t.Has(TraitDeprecated) {
		return nil
	}
	o, _ := t.obj(TraitDeprecated)
	d := &Deprecated{}
	d.Message, _ = o["message"].(string)
	d.Since, _ = o["since"].(string)
	return d
}

// Sparse reports @sparse.
func (t *Traits) Sparse() bool { return t.Has(TraitSparse) }

// UniqueItems reports @uniqueItems.
func (t *Traits) UniqueItems() bool { return t.Has(TraitUniqueItems) }

// MediaType returns @mediaType, or "".
func (t *Traits) MediaType() string { s, _ := t.str(TraitMediaType); return s }

// Input reports @input.
func (t *Traits) Input() bool { return t.Has(TraitInput) }

// Output reports @output.
func (t *Traits) Output() bool { return t.Has(TraitOutput) }

// Paginated is the @paginated trait (members may be empty when inherited from the service).
type Paginated struct{ InputToken, OutputToken, Items, PageSize string }

// Paginated returns @paginated, or nil.
func (t *Traits) Paginated() *Paginated {
	o, ok := t.obj(TraitPaginated)
	if !ok {
		return nil
	}
	p := &Paginated{}
	p.InputToken, _ = o["inputToken"].(string)
	p.OutputToken, _ = o["outputToken"].(string)
	p.Items, _ = o["items"].(string)
	p.PageSize, _ = o["pageSize"].(string)
	return p
}

// Streaming reports @streaming.
func (t *Traits) Streaming() bool { return t.Has(TraitStreaming) }

// Mixin reports @mixin.
func (t *Traits) Mixin() bool { return t.Has(TraitMixin) }

// Title returns @title, or "".
func (t *Traits) Title() string { s, _ := t.str(TraitTitle); return s }

func intField(o map[string]any, key string) *int64 {
	n, ok := o[key].(json.Number)
	if !ok {
		return nil
	}
	i, err := n.Int64()
	if err != nil {
		f, ferr := n.Float64()
		if ferr != nil {
			return nil
		}
		i = int64(f)
	}
	return &i
}
