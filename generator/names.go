package generator

import (
	"go/token"
	"slices"
	"strings"
	"unicode"

	"github.com/smithygen/smithygen/model"
)

// ReservedNames are the exported package-level identifiers that emitters write
// besides shape types. A shape whose Go name would collide with one is renamed.
var ReservedNames = []string{
	"UnknownUnionMember", "Handler", "NewServer", "ServerOption", "Fake", "NewFake", "FakeOption",
	"ValidationMode", "ValidateAll", "ValidateRequired", "ValidateOff", "WithValidation", "WithLogger",
	"WithFakeClock", "WithAccountID", "WithRegion", "ServiceID", "SigningName", "APIVersion",
	"UnimplementedHandler", "Rule", "WithRules", "WithMaxBodyBytes", "WithCredentials", "WithMaxDepth", "WithAuthenticator",
	"WithState", "Snapshot", "Restore", "OperationNames", "MatchOperation",
}

// reservedMethods are the methods generated on structs (and error structs); a
// member whose field name would collide with one gets a trailing underscore.
var reservedMethods = []string{"Validate", "MarshalJSON", "UnmarshalJSON", "String", "GoString", "Format", "LogValue",
	"Error", "ErrorCode", "ErrorMessage", "ErrorFault", "HTTPStatusCode"}

// names decides every Go identifier of the package, once, in shape-ID order.
// First come keeps the name; a later colliding shape gets a suffix ("_" then
// its kind) and, if that still collides, the build fails naming both shapes.
func (b *irBuilder) names(ops []*model.Shape) {
	p := b.pkg
	taken := map[string]model.ShapeID{}
	b.taken = taken
	for _, r := range ReservedNames {
		taken[r] = model.ShapeID{}
	}
	// An operation's input and output are named <Op>Input and <Op>Output, as in
	// aws-sdk-go-v2; a structure that serves several operations (or is also
	// used as a member) keeps its own name, as no one operation owns it.
	want := map[*Shape]string{}
	uses := map[*Shape]int{}
	for _, op := range ops {
		for _, id := range []model.ShapeID{op.Input, op.Output} {
			if s := p.byID[id]; s != nil {
				uses[s]++
			}
		}
	}
	for _, s := range p.Shapes {
		for _, m := range b.m.Shape(s.ID).Members {
			if t := p.byID[m.Target]; t != nil {
				uses[t]++
			}
		}
	}
	for _, op := range ops {
		name := exported(b.nameOf(op.ID))
		if in := p.byID[op.Input]; in != nil && uses[in] == 1 {
			want[in] = name + "Input"
		}
		if out := p.byID[op.Output]; out != nil && uses[out] == 1 {
			want[out] = name + "Output"
		}
	}
	// Operation inputs and outputs claim their names first, as aws-sdk-go-v2 does.
	claim := func(s *Shape, name string) {
		candidates := []string{name, name + kindSuffix(s), name + "_"}
		for _, c := range candidates {
			if _, used := taken[c]; !used {
				taken[c] = s.ID
				s.Name = c
				return
			}
		}
		other := taken[name]
		if other.IsZero() {
			b.errorf(b.posOf(s.ID), s.ID, "Go name %s is reserved by the generator; rename the shape with the service's rename property", name)
			return
		}
		b.errorf(b.posOf(s.ID), s.ID, "Go name %s collides with %s; rename one of them with the service's rename property", name, other)
	}
	for _, s := range p.Shapes {
		if n, ok := want[s]; ok {
			claim(s, n)
		}
	}
	// An operation whose input or output is smithy.api#Unit gets an empty
	// struct of its own, named like any other input or output.
	b.unitNames = map[model.ShapeID]*Shape{}
	for _, op := range ops {
		name := exported(b.nameOf(op.ID))
		for _, io := range []struct {
			id    model.ShapeID
			input bool
		}{{op.Input, true}, {op.Output, false}} {
			if p.byID[io.id] != nil {
				continue
			}
			u := b.unitShape(op.ID, io.input)
			claim(u, name+map[bool]string{true: "Input", false: "Output"}[io.input])
			u.GoType = GoType{Kind: GoNamed, Name: u.Name, Struct: true}
			b.unitNames[u.ID] = u
		}
	}
	for _, s := range p.Shapes {
		if _, ok := want[s]; ok || s.Kind == KindSimple {
			continue
		}
		claim(s, exported(b.nameOf(s.ID)))
	}
	// Unions also own an exported UnmarshalX function.
	for _, s := range p.Shapes {
		if s.Kind == KindUnion {
			if other, used := taken["Unmarshal"+s.Name]; used {
				b.errorf(b.posOf(s.ID), s.ID, "Go name Unmarshal%s of the union's decoder collides with %s; rename one of them", s.Name, other)
			}
			taken["Unmarshal"+s.Name] = s.ID
		}
	}
	for _, s := range p.Shapes {
		switch s.Kind {
		case KindStruct, KindUnion, KindEnum, KindIntEnum:
			s.GoType = GoType{Kind: GoNamed, Name: s.Name, Struct: s.Kind == KindStruct, Enum: s.Kind == KindEnum || s.Kind == KindIntEnum}
		case KindSimple:
			s.GoType = simpleGoType(s.Type)
		}
		if s.Kind != KindSimple {
			s.EncodeFunc = "encode" + s.Name
			s.DecodeFunc = "decode" + s.Name
			s.ValidateFunc = "validate" + s.Name
		}
		if s.Kind == KindUnion {
			s.Unknown = "UnknownUnionMember"
			s.UnmarshalFunc = "Unmarshal" + s.Name
		}
	}
	// Lists and maps take their element's Go type, so resolve them in dependency order.
	var goType func(s *Shape, depth int) GoType
	goType = func(s *Shape, depth int) GoType {
		if s.Kind != KindList && s.Kind != KindMap {
			return s.GoType
		}
		if s.GoType.Elem != nil || depth > 64 {
			return s.GoType
		}
		ms := b.m.Shape(s.ID)
		var elem *Shape
		if s.Kind == KindList {
			elem = p.byID[ms.Members[0].Target]
		} else {
			elem = p.byID[ms.Member("value").Target]
		}
		et := goType(elem, depth+1)
		kind := GoSlice
		if s.Kind == KindMap {
			kind = GoMap
		}
		s.GoType = GoType{Kind: kind, Elem: &et, ElemPointer: s.Sparse && pointerable(et)}
		return s.GoType
	}
	for _, s := range p.Shapes {
		goType(s, 0)
	}
	// Enum constants.
	for _, s := range p.Shapes {
		switch s.Kind {
		case KindEnum:
			b.enumValues(s)
		case KindIntEnum:
			b.intEnumValues(s)
		}
	}
	// Fields and union variants are decided in fill (they depend on member lists);
	// their collisions are resolved in fieldNames.
}

func kindSuffix(s *Shape) string {
	switch s.Kind {
	case KindStruct:
		return "Struct"
	case KindUnion:
		return "Union"
	case KindEnum, KindIntEnum:
		return "Enum"
	case KindList:
		return "List"
	case KindMap:
		return "Map"
	}
	return "Shape"
}

func simpleGoType(t model.ShapeType) GoType {
	switch t {
	case model.Boolean:
		return GoType{Kind: GoBool}
	case model.Byte:
		return GoType{Kind: GoInt8}
	case model.Short:
		return GoType{Kind: GoInt16}
	case model.Integer:
		return GoType{Kind: GoInt32}
	case model.Long:
		return GoType{Kind: GoInt64}
	case model.Float:
		return GoType{Kind: GoFloat32}
	case model.Double:
		return GoType{Kind: GoFloat64}
	case model.BigInteger:
		return GoType{Kind: GoBigInt}
	case model.BigDecimal:
		return GoType{Kind: GoBigFloat}
	case model.Timestamp:
		return GoType{Kind: GoTime}
	case model.Blob:
		return GoType{Kind: GoBytes}
	case model.Document:
		return GoType{Kind: GoDocument}
	}
	return GoType{Kind: GoString}
}

func (b *irBuilder) enumValues(s *Shape) {
	ms := b.m.Shape(s.ID)
	add := func(name, value, doc string, internal bool) {
		c := b.claimConst(s, s.Name+titleCase(value))
		s.Values = append(s.Values, &EnumValue{Name: name, Const: c, String: value, Doc: godoc(doc), Internal: internal})
	}
	if ms.Type == model.String {
		for _, d := range ms.Traits.EnumDefinitions() {
			add(d.Name, d.Value, d.Documentation, slices.Contains(d.Tags, "internal"))
		}
		return
	}
	for _, m := range ms.Members {
		v, _ := m.Traits.EnumValue()
		str, _ := v.(string)
		add(m.ID.Member, str, m.Traits.Documentation(), m.Traits.Has(model.Prelude("internal")))
	}
}

func (b *irBuilder) intEnumValues(s *Shape) {
	ms := b.m.Shape(s.ID)
	for _, m := range ms.Members {
		v, _ := m.Traits.EnumValue()
		i, _ := v.(int64)
		c := b.claimConst(s, s.Name+titleCase(m.ID.Member))
		s.Values = append(s.Values, &EnumValue{Name: m.ID.Member, Const: c, Int: i, Doc: godoc(m.Traits.Documentation()),
			Internal: m.Traits.Has(model.Prelude("internal"))})
	}
}

// claimConst claims a package-level constant name for a value of enum s: a
// name already taken (by a type, another constant, ...) gets a trailing "_".
func (b *irBuilder) claimConst(s *Shape, c string) string {
	for {
		if _, used := b.taken[c]; !used {
			b.taken[c] = s.ID
			return c
		}
		c += "_"
	}
}

// posOf is the source position of a shape, for errors.
func (b *irBuilder) posOf(id model.ShapeID) model.Pos {
	if s := b.m.Shape(id); s != nil {
		return s.Pos
	}
	return model.Pos{}
}

// fieldNames decides struct field names and union variant type names of s.
// Struct fields must not collide with the methods generated on structs;
// union variants hold only Value, so their names need only be unique types.
func (b *irBuilder) fieldNames(s *Shape) {
	used := map[string]bool{}
	if s.Kind == KindStruct {
		for _, r := range reservedMethods {
			used[r] = true
		}
	}
	for _, m := range s.Members {
		name := exported(m.Name)
		for used[name] {
			name += "_"
		}
		used[name] = true
		m.GoName = name
		if s.Kind == KindUnion {
			v := s.Name + "Member" + name
			for {
				if _, taken := b.taken[v]; !taken {
					break
				}
				v += "_"
			}
			b.taken[v] = s.ID
			m.Variant = v
			m.GoName = "Value"
		}
	}
}

// exported turns a Smithy identifier into an exported Go identifier: the first
// letter upper-cased, leading underscores dropped.
func exported(s string) string {
	s = strings.TrimLeft(s, "_")
	if s == "" {
		return "X"
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	out := string(r)
	if !token.IsIdentifier(out) {
		var b strings.Builder
		for _, c := range out {
			if c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c) {
				b.WriteRune(c)
			}
		}
		out = b.String()
		if out == "" || unicode.IsDigit([]rune(out)[0]) {
			out = "X" + out
		}
	}
	return out
}

// titleCase turns an enum value into the tail of a constant name the way
// aws-sdk-go-v2 does: split on anything not a letter or digit, and on
// lower-to-upper case changes; each word gets an upper-case first letter and,
// if it was all upper-case, lower-case rest. "OAUTH2_CLIENT_CREDENTIALS" →
// "Oauth2ClientCredentials", "PendingConnect" → "PendingConnect", "us-east-1"
// → "UsEast1".
func titleCase(v string) string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range v {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		cur = append(cur, r)
	}
	flush()
	var b strings.Builder
	for _, w := range words {
		rs := []rune(w)
		allUpper := true
		for _, r := range rs {
			if unicode.IsLower(r) {
				allUpper = false
				break
			}
		}
		b.WriteRune(unicode.ToUpper(rs[0]))
		for _, r := range rs[1:] {
			if allUpper {
				r = unicode.ToLower(r)
			}
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "Empty"
	}
	return b.String()
}

func packageName(sdkID string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(sdkID) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9' && b.Len() > 0) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func validPackageName(s string) bool {
	return s != "" && token.IsIdentifier(s) && !token.IsKeyword(s) && s != "_" &&
		!slices.ContainsFunc([]rune(s), unicode.IsUpper)
}
