package generator

import (
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
// same printer (templates/redact_runtime.go.tmpl), which walks them by
// reflection: a member it prints as redactedText carries the struct tag
// `smithy:"sensitive"` (see sensitiveTag), and a type sensitive as a whole
// prints itself.
type redactor struct {
	pkg      *Package
	contains map[*Shape]bool // the shape holds sensitive data, itself or anywhere inside
}

func newRedactor(p *Package) *redactor {
	r := &redactor{pkg: p, contains: map[*Shape]bool{}}
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
	return r
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

// emitRedact writes redact.go: String, GoString, LogValue and Format for
// every type that holds sensitive data, printing it with each sensitive value
// replaced by redactedText. fmt's %v, %+v, %s and every other verb print
// through Format, so values and pointers alike are redacted:
//
//	func (v X) String() string                   // fmt's %+v layout: {Name:a Secret:*** Sensitive Data Redacted ***}
//	func (v X) GoString() string                 // fmt's %#v layout: pkg.X{Name:"a", Secret:"*** Sensitive Data Redacted ***"}
//	func (v X) LogValue() slog.Value             // as String, for log/slog
//	func (v X) Format(f fmt.State, verb rune)    // %#v as GoString, any other verb as String
//
// All print through the walker of redact_runtime.go. Nothing is written for a
// package without sensitive data or unions.
func (g *gen) emitRedact(f *jen.File) error {
	r := newRedactor(g.pkg)
	if !r.redactsAny() {
		return errNoFile
	}
	var body []jen.Code
	for _, s := range g.pkg.Shapes {
		switch s.Kind {
		case KindStruct:
			if r.contains[s] {
				body = append(body, r.structMethods(s)...)
			}
		case KindUnion:
			for _, m := range s.Members {
				body = append(body, r.variantMethods(s, m)...)
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
	for _, c := range body { // one declaration (or comment) a line
		f.Add(c)
	}
	return nil
}

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

// structMethods writes the methods of a struct that holds sensitive data; a
// struct that is sensitive as a whole also prints itself, as redactedText:
//
//	func (v X) String() string { return redactString(&v, false) }
//	...
//	func (v *X) printRedacted(p *redactPrinter) { p.secret() } // sensitive as a whole
//
// Any other struct is printed member by member by the runtime's walker.
func (r *redactor) structMethods(s *Shape) []jen.Code {
	var errShape *Shape
	if s.IsError {
		errShape = s
	}
	out := r.publicMethods(s.Name, errShape)
	if s.Sensitive {
		out = append(out, printMethod(s.Name, "printRedacted prints v, sensitive as a whole, as redactedText.", p().Dot("secret").Call())...)
	}
	return out
}

// variantMethods writes String, GoString, LogValue and Format of a union
// variant whose value holds sensitive data (or is sensitive, or belongs to a
// sensitive union).
func (r *redactor) variantMethods(u *Shape, m *Member) []jen.Code {
	if u.Sensitive || m.Sensitive || r.contains[m.Target] {
		return r.publicMethods(m.Variant, nil)
	}
	return nil
}

// enumMethods writes the methods of a sensitive enum: every value prints as
// redactedText.
func (r *redactor) enumMethods(s *Shape) []jen.Code {
	out := r.publicMethods(s.Name, nil)
	return append(out, printMethod(s.Name, "printRedacted prints every value of the sensitive enum as redactedText.", p().Dot("secret").Call())...)
}

// unknownMethods writes the methods of UnknownUnionMember: its Tag is
// printed, its raw JSON Value never (it may hold sensitive data this package
// cannot see: the field carries the sensitive tag).
func (r *redactor) unknownMethods() []jen.Code {
	return r.publicMethods("UnknownUnionMember", nil)
}

// sensitiveTag is the struct tag of a member the redaction walker prints as
// redactedText: a sensitive value, or a list or map of sensitive values.
var sensitiveTag = map[string]string{"smithy": "sensitive"}

// redactedMember reports whether member m (a struct member, or the value of
// a variant of union u when u is not nil) prints as redactedText.
func redactedMember(u *Shape, m *Member) bool {
	return m.Sensitive || opaque(m.Target) || (u != nil && u.Sensitive)
}

// redactsAny reports whether the package has a type that redacts (a struct
// that holds sensitive data, a sensitive enum, or a union: UnknownUnionMember
// always redacts), and so redact.go and the walker of redact_runtime.go.
func (r *redactor) redactsAny() bool {
	for _, s := range r.pkg.Shapes {
		switch {
		case s.Kind == KindUnion, s.Kind == KindStruct && r.contains[s],
			(s.Kind == KindEnum || s.Kind == KindIntEnum) && s.Sensitive:
			return true
		}
	}
	return false
}
