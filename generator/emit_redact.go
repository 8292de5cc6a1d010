package generator

import (
	"fmt"

	"github.com/dave/jennifer/jen"
)

// redactedText stands in for every sensitive value that String, GoString and
// Format print. aws-sdk-go-v2 words its log redaction "*** Sensitive
// Information Redacted ***"; smithygen uses its own wording, the same in
// every generated package.
const redactedText = "*** Sensitive Data Redacted ***"

// redactor decides which generated types redact and writes their methods. A
// type redacts when it holds sensitive data (@sensitive on a member or on a
// shape) anywhere inside it; so does UnknownUnionMember, whose raw JSON may
// hold anything. The structs and unions such a type holds are printed by the
// same printer, for one layout throughout. It records which runtime helpers
// the methods call, so emitRedactRuntime writes only those.
type redactor struct {
	pkg      *Package
	contains map[*Shape]bool // the shape holds sensitive data, itself or anywhere inside
	printed  map[*Shape]bool // a struct or union printed member by member inside a redacting type
	uses     redactUses
}

// redactUses records the runtime helpers the emitted methods call.
type redactUses struct {
	format   bool // formatRedacted (Format of every type but errors)
	structs  bool // open, close, sep, field
	value    bool // value
	secret   bool // secret
	null     bool // null
	ref      bool // ref
	union    bool // union
	list     bool // redactList
	mapValue bool // redactMap
}

func newRedactor(p *Package) *redactor {
	r := &redactor{pkg: p, contains: map[*Shape]bool{}, printed: map[*Shape]bool{}}
	// A fixpoint, because shapes can be recursive: a shape holds sensitive
	// data if it is sensitive or one of its members is, or targets a shape
	// that holds some.
	for changed := true; changed; {
		changed = false
		for _, s := range p.Shapes {
			if !r.contains[s] && r.holds(s) {
				r.contains[s] = true
				changed = true
			}
		}
	}
	for _, s := range p.Shapes {
		switch {
		case s.Kind == KindStruct && r.contains[s] && !s.Sensitive:
			r.reach(s)
		case s.Kind == KindUnion && r.contains[s]:
			r.reach(s)
		}
	}
	return r
}

// reach marks the structs and unions that printing s prints member by
// member: s itself, and what its members hold, except behind sensitive
// members (printed as redactedText).
func (r *redactor) reach(s *Shape) {
	switch s.Kind {
	case KindStruct, KindUnion:
		if r.printed[s] {
			return
		}
		r.printed[s] = true
		if s.Sensitive {
			return
		}
		for _, m := range s.Members {
			if !m.Sensitive {
				r.reach(m.Target)
			}
		}
	case KindList, KindMap:
		if !opaque(s) {
			r.reach(s.Elem.Target)
		}
	}
}

func (r *redactor) holds(s *Shape) bool {
	if s.Sensitive {
		return true
	}
	for _, m := range append(append([]*Member{}, s.Members...), s.Elem, s.Key) {
		if m != nil && (m.Sensitive || r.contains[m.Target]) {
			return true
		}
	}
	return false
}

// opaque reports whether a list or map holds sensitive values that are not
// inside a generated type (sensitive items, keys, or such in nested lists and
// maps): it is printed redacted as a whole.
func opaque(s *Shape) bool {
	if s.Kind != KindList && s.Kind != KindMap {
		return false
	}
	if s.Elem.Sensitive || (s.Key != nil && s.Key.Sensitive) {
		return true
	}
	return opaque(s.Elem.Target)
}

// emitRedact writes redact.go: String, GoString and Format for every type
// that holds sensitive data, printing it with each sensitive value replaced by
// redactedText, and the runtime they share. fmt's %v, %+v, %s and every other
// verb print through Format, so values and pointers alike are redacted:
//
//	func (v X) String() string                   // fmt's %+v layout: {Name:a Secret:*** Sensitive Data Redacted ***}
//	func (v X) GoString() string                 // fmt's %#v layout: pkg.X{Name:"a", Secret:"*** Sensitive Data Redacted ***"}
//	func (v X) Format(f fmt.State, verb rune)    // %#v as GoString, any other verb as String
//	func (v *X) printRedacted(p *redactPrinter)  // the one printer behind all three
//
// Nothing is written for a package without sensitive data or unions.
func (g *gen) emitRedact(f *jen.File) error {
	r := newRedactor(g.pkg)
	var body []jen.Code
	for _, s := range g.pkg.Shapes {
		switch s.Kind {
		case KindStruct:
			if r.contains[s] || r.printed[s] {
				body = append(body, r.structMethods(s)...)
			}
		case KindUnion:
			if r.printed[s] {
				for _, m := range s.Members {
					body = append(body, r.variantMethods(s, m)...)
				}
			}
		case KindEnum, KindIntEnum:
			if s.Sensitive {
				body = append(body, r.enumMethods(s)...)
			}
		}
	}
	if g.hasUnions() {
		body = append(body, r.unknownMethods()...)
	}
	if len(body) == 0 {
		return errNoFile
	}
	for _, c := range body { // one declaration (or comment) a line
		f.Add(c)
	}
	r.emitRedactRuntime(f)
	return nil
}

// goName is how fmt's %#v names a generated type: pkg.Name.
func (r *redactor) goName(name string) string { return r.pkg.Name + "." + name }

// publicMethods writes String, GoString and Format of type name, all three
// printing through its printRedacted. Errors print Error() for every verb but
// %#v, as fmt does for any error, unless their message itself is sensitive.
//
//	func (v X) String() string { return redactString(&v, false) }
//	func (v X) GoString() string { return redactString(&v, true) }
//	func (v X) LogValue() slog.Value { return slog.StringValue(v.String()) }
//	func (v X) Format(f fmt.State, verb rune) { formatRedacted(f, verb, &v) }
func (r *redactor) publicMethods(name string, errShape *Shape) []jen.Code {
	recv := func() *jen.Statement { return jen.Id("v").Id(name) }
	out := []jen.Code{
		docComment("String returns v in the layout of fmt's %+v, with sensitive data redacted."),
		jen.Func().Params(recv()).Id("String").Params().String().Block(
			jen.Return(jen.Id("redactString").Call(jen.Op("&").Id("v"), jen.False()))),
		jen.Line(),
		docComment("GoString returns v in the layout of fmt's %#v, with sensitive data redacted."),
		jen.Func().Params(recv()).Id("GoString").Params().String().Block(
			jen.Return(jen.Id("redactString").Call(jen.Op("&").Id("v"), jen.True()))),
		jen.Line(),
		docComment("LogValue makes log/slog print v as String does, with sensitive data redacted,\nwhatever the handler (the JSON handler would otherwise use MarshalJSON)."),
		jen.Func().Params(recv()).Id("LogValue").Params().Qual("log/slog", "Value").Block(
			jen.Return(jen.Qual("log/slog", "StringValue").Call(jen.Id("v").Dot("String").Call()))),
		jen.Line(),
	}
	params := jen.Params(jen.Id("f").Qual("fmt", "State"), jen.Id("verb").Rune())
	if errShape == nil {
		r.uses.format = true
		out = append(out,
			docComment("Format makes every fmt verb print v with sensitive data redacted: %#v as GoString,\nany other verb as String."),
			jen.Func().Params(recv()).Id("Format").Add(params).Block(
				jen.Id("formatRedacted").Call(jen.Id("f"), jen.Id("verb"), jen.Op("&").Id("v"))),
			jen.Line(),
		)
		return out
	}
	text := jen.Id("v").Dot("Error").Call()
	doc := "Format makes fmt print the error with sensitive data redacted: %#v as GoString,\nany other verb as Error()."
	if msg := messageMember(errShape); msg != nil && msg.Sensitive {
		text = jen.Id("v").Dot("ErrorCode").Call().Op("+").Lit(": ").Op("+").Id("redactedText")
		doc = "Format makes fmt print the error with sensitive data redacted: %#v as GoString,\nany other verb as its code and a redacted message."
	}
	out = append(out,
		docComment(doc),
		jen.Func().Params(recv()).Id("Format").Add(params).Block(
			jen.If(jen.Id("verb").Op("==").LitRune('v').Op("&&").Id("f").Dot("Flag").Call(jen.LitRune('#'))).Block(
				jen.Qual("io", "WriteString").Call(jen.Id("f"), jen.Id("redactString").Call(jen.Op("&").Id("v"), jen.True())),
				jen.Return(),
			),
			jen.Qual("fmt", "Fprintf").Call(jen.Id("f"), jen.Qual("fmt", "FormatString").Call(jen.Id("f"), jen.Id("verb")), text),
		),
		jen.Line(),
	)
	return out
}

// printMethod writes the printRedacted method of type name.
func printMethod(name, doc string, body ...jen.Code) []jen.Code {
	return []jen.Code{
		docComment(doc),
		jen.Func().Params(jen.Id("v").Op("*").Id(name)).Id("printRedacted").Params(jen.Id("p").Op("*").Id("redactPrinter")).Block(body...),
		jen.Line(),
	}
}

// p is the printer inside printRedacted and the item functions.
func p() *jen.Statement { return jen.Id("p") }

// structMethods writes the methods of a struct that holds sensitive data. A
// struct that is sensitive as a whole prints as redactedText; any other prints
// every member, in model order:
//
//	func (v *X) printRedacted(p *redactPrinter) {
//		if !p.open("pkg.X", "{") { return }
//		p.field("Name"); p.value(v.Name)
//		p.field("Secret"); p.secret()
//		p.close('}')
//	}
func (r *redactor) structMethods(s *Shape) []jen.Code {
	var errShape *Shape
	if s.IsError {
		errShape = s
	}
	var out []jen.Code
	doc := "printRedacted prints v member by member, each sensitive value as redactedText."
	if r.contains[s] {
		out = r.publicMethods(s.Name, errShape)
	} else {
		doc = "printRedacted prints v member by member for the String of a type that holds it.\nv holds no sensitive data."
	}
	if s.Sensitive {
		r.uses.secret = true
		return append(out, printMethod(s.Name, "printRedacted prints v, sensitive as a whole, as redactedText.", p().Dot("secret").Call())...)
	}
	r.uses.structs = true
	body := []jen.Code{jen.If(jen.Op("!").Add(p()).Dot("open").Call(jen.Lit(r.goName(s.Name)), jen.Lit("{"))).Block(jen.Return())}
	for _, m := range s.Members {
		body = append(body, p().Dot("field").Call(jen.Lit(m.GoName)))
		body = append(body, r.print(printed{expr: jen.Id("v").Dot(m.GoName), t: m.Target, gt: m.GoType, pointer: m.Pointer, sensitive: m.Sensitive}, 0)...)
	}
	body = append(body, p().Dot("close").Call(jen.LitRune('}')))
	return append(out, printMethod(s.Name, doc, body...)...)
}

// variantMethods writes printRedacted for a variant of a union printed inside
// a redacting type, and String, GoString and Format when its value holds
// sensitive data (or is sensitive, or belongs to a sensitive union):
//
//	func (v *UMemberA) printRedacted(p *redactPrinter) {
//		if v == nil { p.null(); return }
//		if !p.open("pkg.UMemberA", "{") { return }
//		p.field("Value"); ...
//		p.close('}')
//	}
func (r *redactor) variantMethods(u *Shape, m *Member) []jen.Code {
	r.uses.structs, r.uses.null = true, true
	var out []jen.Code
	if u.Sensitive || m.Sensitive || r.contains[m.Target] {
		out = r.publicMethods(m.Variant, nil)
	}
	body := []jen.Code{
		jen.If(jen.Id("v").Op("==").Nil()).Block(p().Dot("null").Call(), jen.Return()),
		jen.If(jen.Op("!").Add(p()).Dot("open").Call(jen.Lit(r.goName(m.Variant)), jen.Lit("{"))).Block(jen.Return()),
		p().Dot("field").Call(jen.Lit("Value")),
	}
	body = append(body, r.print(printed{expr: jen.Id("v").Dot("Value"), t: m.Target, gt: m.GoType, sensitive: m.Sensitive || u.Sensitive}, 0)...)
	body = append(body, p().Dot("close").Call(jen.LitRune('}')))
	return append(out, printMethod(m.Variant, "printRedacted prints the variant with its value's sensitive data redacted.", body...)...)
}

// enumMethods writes the methods of a sensitive enum: every value prints as
// redactedText.
func (r *redactor) enumMethods(s *Shape) []jen.Code {
	r.uses.secret = true
	out := r.publicMethods(s.Name, nil)
	return append(out, printMethod(s.Name, "printRedacted prints every value of the sensitive enum as redactedText.", p().Dot("secret").Call())...)
}

// unknownMethods writes the methods of UnknownUnionMember: its Tag is
// printed, its raw JSON Value never (it may hold sensitive data this package
// cannot see).
func (r *redactor) unknownMethods() []jen.Code {
	r.uses.structs, r.uses.null, r.uses.value, r.uses.secret = true, true, true, true
	out := r.publicMethods("UnknownUnionMember", nil)
	body := []jen.Code{
		jen.If(jen.Id("v").Op("==").Nil()).Block(p().Dot("null").Call(), jen.Return()),
		jen.If(jen.Op("!").Add(p()).Dot("open").Call(jen.Lit(r.goName("UnknownUnionMember")), jen.Lit("{"))).Block(jen.Return()),
		p().Dot("field").Call(jen.Lit("Tag")),
		p().Dot("value").Call(jen.Id("v").Dot("Tag")),
		p().Dot("field").Call(jen.Lit("Value")),
		jen.If(jen.Id("v").Dot("Value").Op("==").Nil()).Block(p().Dot("null").Call()).Else().Block(p().Dot("secret").Call()),
		p().Dot("close").Call(jen.LitRune('}')),
	}
	return append(out, printMethod("UnknownUnionMember", "printRedacted prints the member's tag; its raw JSON value, which may hold\nsensitive data, is redacted.", body...)...)
}

// printed is a value to print: an expression of Go type gt (*gt when
// pointer), a value of shape t.
type printed struct {
	expr      *jen.Statement
	t         *Shape
	gt        GoType
	pointer   bool
	sensitive bool
}

// holdsTypes reports whether the items of a list or map are structs or
// unions (or lists and maps of them), printed item by item.
func holdsTypes(s *Shape) bool {
	switch e := s.Elem.Target; e.Kind {
	case KindStruct, KindUnion:
		return true
	case KindList, KindMap:
		return holdsTypes(e)
	}
	return false
}

// nilable reports whether the value can be nil: it is then printed as nil,
// even when sensitive (absence gives nothing away).
func (v printed) nilable() bool {
	switch v.gt.Kind {
	case GoBytes, GoDocument, GoSlice, GoMap, GoBigInt, GoBigFloat:
		return true
	}
	return v.pointer || v.t.Kind == KindUnion
}

// print returns statements that print v into p. depth numbers the item
// variables of nested lists and maps.
func (r *redactor) print(v printed, depth int) []jen.Code {
	isNil := func() *jen.Statement { return v.expr.Clone().Op("==").Nil() }
	orNil := func(then ...jen.Code) []jen.Code {
		r.uses.null = true
		return []jen.Code{jen.If(isNil()).Block(p().Dot("null").Call()).Else().Block(then...)}
	}
	switch {
	case v.sensitive || opaque(v.t):
		r.uses.secret = true
		if v.nilable() {
			return orNil(p().Dot("secret").Call())
		}
		return []jen.Code{p().Dot("secret").Call()}
	case v.t.Kind == KindUnion:
		r.uses.union = true
		return []jen.Code{p().Dot("union").Call(v.expr)}
	case v.t.Kind == KindStruct:
		// Printed member by member: r.reach marked it.
		call := v.expr.Clone().Dot("printRedacted").Call(p())
		if v.pointer {
			r.uses.ref = true
			return orNil(p().Dot("ref").Call(), call)
		}
		return []jen.Code{call}
	case (v.t.Kind == KindList || v.t.Kind == KindMap) && holdsTypes(v.t):
		e := v.t.Elem
		x := jen.Id(fmt.Sprintf("x%d", depth))
		item := printed{expr: x, t: e.Target, gt: *v.gt.Elem, pointer: e.Pointer, sensitive: e.Sensitive}
		fn := "redactList"
		if v.t.Kind == KindMap {
			fn = "redactMap"
			r.uses.mapValue = true
		} else {
			r.uses.list = true
		}
		return []jen.Code{jen.Id(fn).Call(p(), jen.Lit(r.typeString(v.gt)), v.expr,
			jen.Func().Params(x.Clone().Add(elemType(v.gt))).Block(r.print(item, depth+1)...))}
	}
	r.uses.value = true
	if v.pointer {
		r.uses.ref = true
		return orNil(p().Dot("ref").Call(), p().Dot("value").Call(jen.Op("*").Add(v.expr)))
	}
	return []jen.Code{p().Dot("value").Call(v.expr)}
}

// typeString is how fmt's %#v names Go type t.
func (r *redactor) typeString(t GoType) string {
	switch t.Kind {
	case GoNamed:
		return r.goName(t.Name)
	case GoSlice, GoMap:
		elem := r.typeString(*t.Elem)
		if t.ElemPointer {
			elem = "*" + elem
		}
		if t.Kind == GoMap {
			return "map[string]" + elem
		}
		return "[]" + elem
	case GoBytes:
		return "[]uint8"
	case GoDocument:
		return "json.RawMessage"
	case GoTime:
		return "time.Time"
	case GoBigInt:
		return "*big.Int"
	case GoBigFloat:
		return "*big.Float"
	}
	return map[GoKind]string{GoString: "string", GoBool: "bool", GoInt8: "int8", GoInt16: "int16", GoInt32: "int32",
		GoInt64: "int64", GoFloat32: "float32", GoFloat64: "float64"}[t.Kind]
}

// emitRedactRuntime writes the printer behind every printRedacted method,
// with only the helpers the methods call:
//
//	const redactedText = "*** Sensitive Data Redacted ***"
//	type redactPrinter struct{ ... }            // fmt's %+v layout, or %#v's when sharp
//	type redactable interface{ printRedacted(p *redactPrinter) }
//	func redactString(v redactable, sharp bool) string
//	func formatRedacted(f fmt.State, verb rune, v redactable)
//	func (p *redactPrinter) open, close, sep, field, value, secret, null, ref, union
//	func redactList[T any](...), redactMap[T any](...)
func (r *redactor) emitRedactRuntime(f *jen.File) {
	u := r.uses
	buf := func() *jen.Statement { return p().Dot("buf") }
	write := func(s jen.Code) *jen.Statement { return buf().Dot("WriteString").Call(s) }
	writeByte := func(c rune) *jen.Statement { return buf().Dot("WriteByte").Call(jen.LitRune(c)) }
	sharp := func() *jen.Statement { return p().Dot("sharp") }
	// The printer's methods are called from every printRedacted, once for
	// each member: kept out of line, each call site stays one call, which
	// keeps a package generated from a big model quick to compile.
	const outOfLine = "\n\n//go:noinline"
	method := func(doc, name string, params []jen.Code, body ...jen.Code) {
		f.Add(docComment(doc + outOfLine))
		f.Func().Params(jen.Id("p").Op("*").Id("redactPrinter")).Id(name).Params(params...).Block(body...)
		f.Line()
	}
	boolMethod := func(doc, name string, params []jen.Code, body ...jen.Code) {
		f.Add(docComment(doc + outOfLine))
		f.Func().Params(jen.Id("p").Op("*").Id("redactPrinter")).Id(name).Params(params...).Bool().Block(body...)
		f.Line()
	}

	f.Add(docComment("redactedText stands in for every sensitive value String, GoString and Format print."))
	f.Const().Id("redactedText").Op("=").Lit(redactedText)
	f.Line()
	if u.structs || u.list || u.mapValue {
		f.Add(docComment("redactMaxDepth bounds how deep printing goes, so that a value that contains\nitself still prints."))
		f.Const().Id("redactMaxDepth").Op("=").Lit(64)
		f.Line()
	}
	f.Add(docComment("redactPrinter prints a value with its sensitive data redacted: in the layout\nof fmt's %+v, or of its %#v (Go syntax) when sharp."))
	f.Type().Id("redactPrinter").StructFunc(func(g *jen.Group) {
		g.Id("buf").Qual("strings", "Builder")
		g.Id("sharp").Bool()
		if u.structs || u.list || u.mapValue {
			g.Id("fresh").Bool().Comment("at the start of a struct, list or map: no separator before the next item")
			g.Id("depth").Int().Comment("structs, lists and maps open")
		}
	})
	f.Line()
	f.Add(docComment("redactable is a generated type that prints itself with its sensitive data redacted."))
	f.Type().Id("redactable").Interface(jen.Id("printRedacted").Params(jen.Id("p").Op("*").Id("redactPrinter")))
	f.Line()
	f.Add(docComment("redactString returns v printed by a redactPrinter: String, or GoString when sharp." + outOfLine))
	f.Func().Id("redactString").Params(jen.Id("v").Id("redactable"), jen.Id("sharp").Bool()).String().Block(
		jen.Id("p").Op(":=").Op("&").Id("redactPrinter").Values(jen.Id("sharp").Op(":").Id("sharp")),
		jen.Id("v").Dot("printRedacted").Call(jen.Id("p")),
		jen.Return(buf().Dot("String").Call()),
	)
	f.Line()
	if u.format {
		f.Add(docComment("formatRedacted implements fmt.Formatter for v: %#v prints its GoString, any\nother verb its String, formatted as that verb formats a string."))
		f.Func().Id("formatRedacted").Params(jen.Id("f").Qual("fmt", "State"), jen.Id("verb").Rune(), jen.Id("v").Id("redactable")).Block(
			jen.If(jen.Id("verb").Op("==").LitRune('v').Op("&&").Id("f").Dot("Flag").Call(jen.LitRune('#'))).Block(
				jen.Qual("io", "WriteString").Call(jen.Id("f"), jen.Id("redactString").Call(jen.Id("v"), jen.True())),
				jen.Return(),
			),
			jen.Qual("fmt", "Fprintf").Call(jen.Id("f"), jen.Qual("fmt", "FormatString").Call(jen.Id("f"), jen.Id("verb")),
				jen.Id("redactString").Call(jen.Id("v"), jen.False())),
		)
		f.Line()
	}
	if u.structs || u.list || u.mapValue {
		boolMethod("open starts a struct, list or map: goType and { in Go syntax, else plain (\"{\",\n\"[\" or \"map[\"). Past redactMaxDepth it prints ... instead and returns false.",
			"open", []jen.Code{jen.List(jen.Id("goType"), jen.Id("plain")).String()},
			jen.If(p().Dot("depth").Op(">=").Id("redactMaxDepth")).Block(write(jen.Lit("...")), jen.Return(jen.False())),
			p().Dot("depth").Op("++"),
			p().Dot("fresh").Op("=").True(),
			jen.If(sharp()).Block(write(jen.Id("goType")), writeByte('{')).Else().Block(write(jen.Id("plain"))),
			jen.Return(jen.True()),
		)
		method("close ends what open started: with } in Go syntax, else with end.",
			"close", []jen.Code{jen.Id("end").Byte()},
			p().Dot("depth").Op("--"),
			p().Dot("fresh").Op("=").False(),
			jen.If(sharp()).Block(jen.Id("end").Op("=").LitRune('}')),
			buf().Dot("WriteByte").Call(jen.Id("end")),
		)
		method("sep separates the items of a struct, list or map.", "sep", nil,
			jen.If(jen.Op("!").Add(p()).Dot("fresh")).Block(
				jen.If(sharp()).Block(write(jen.Lit(", "))).Else().Block(writeByte(' ')),
			),
			p().Dot("fresh").Op("=").False(),
		)
	}
	if u.structs {
		method("field starts a struct field: Name:.", "field", []jen.Code{jen.Id("name").String()},
			p().Dot("sep").Call(), write(jen.Id("name")), writeByte(':'))
	}
	if u.value || u.union {
		method("value prints a value that holds no sensitive data as fmt does.", "value", []jen.Code{jen.Id("v").Any()},
			jen.If(sharp()).Block(
				jen.Qual("fmt", "Fprintf").Call(jen.Op("&").Add(buf()), jen.Lit("%#v"), jen.Id("v")),
			).Else().Block(
				jen.Qual("fmt", "Fprintf").Call(jen.Op("&").Add(buf()), jen.Lit("%+v"), jen.Id("v")),
			),
		)
	}
	if u.secret {
		method("secret prints redactedText in place of a sensitive value.", "secret", nil,
			jen.If(sharp()).Block(write(jen.Qual("strconv", "Quote").Call(jen.Id("redactedText")))).Else().Block(write(jen.Id("redactedText"))))
	}
	if u.null || u.union {
		method("null prints a nil value.", "null", nil,
			jen.If(sharp()).Block(write(jen.Lit("nil"))).Else().Block(write(jen.Lit("<nil>"))))
	}
	if u.ref || u.union {
		method("ref prints the & before a pointed-to value, in Go syntax.", "ref", nil,
			jen.If(sharp()).Block(writeByte('&')))
	}
	if u.union {
		method("union prints a union value: every variant prints itself.",
			"union", []jen.Code{jen.Id("v").Any()},
			jen.Switch(jen.Id("x").Op(":=").Id("v").Assert(jen.Type())).Block(
				jen.Case(jen.Nil()).Block(p().Dot("null").Call()),
				jen.Case(jen.Id("redactable")).Block(p().Dot("ref").Call(), jen.Id("x").Dot("printRedacted").Call(p())),
				jen.Default().Block(p().Dot("value").Call(jen.Id("v"))),
			),
		)
	}
	nilContainer := jen.If(jen.Id("v").Op("==").Nil().Op("&&").Add(sharp())).Block(
		write(jen.Id("goType").Op("+").Lit("(nil)")), jen.Return())
	if u.list {
		f.Add(docComment("redactList prints a list whose items hold sensitive data, item by item."))
		f.Func().Id("redactList").Types(jen.Id("T").Any()).Params(jen.Id("p").Op("*").Id("redactPrinter"), jen.Id("goType").String(),
			jen.Id("v").Index().Id("T"), jen.Id("item").Func().Params(jen.Id("T"))).Block(
			nilContainer.Clone(),
			jen.If(jen.Op("!").Add(p()).Dot("open").Call(jen.Id("goType"), jen.Lit("["))).Block(jen.Return()),
			jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Id("v")).Block(
				p().Dot("sep").Call(), jen.Id("item").Call(jen.Id("x"))),
			p().Dot("close").Call(jen.LitRune(']')),
		)
		f.Line()
	}
	if u.mapValue {
		f.Add(docComment("redactMap prints a map whose values hold sensitive data, in key order."))
		f.Func().Id("redactMap").Types(jen.Id("T").Any()).Params(jen.Id("p").Op("*").Id("redactPrinter"), jen.Id("goType").String(),
			jen.Id("v").Map(jen.String()).Id("T"), jen.Id("item").Func().Params(jen.Id("T"))).Block(
			nilContainer.Clone(),
			jen.If(jen.Op("!").Add(p()).Dot("open").Call(jen.Id("goType"), jen.Lit("map["))).Block(jen.Return()),
			jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(jen.Id("v")))).Block(
				p().Dot("sep").Call(),
				jen.If(sharp()).Block(write(jen.Qual("strconv", "Quote").Call(jen.Id("k")))).Else().Block(write(jen.Id("k"))),
				writeByte(':'),
				jen.Id("item").Call(jen.Id("v").Index(jen.Id("k"))),
			),
			p().Dot("close").Call(jen.LitRune(']')),
		)
		f.Line()
	}
}
