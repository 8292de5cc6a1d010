package generator

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
)

// emitDoc writes doc.go: the package comment.
//
//	// Package quicksight holds the types, JSON codecs, validators and fake server of ...
//	package quicksight
func (g *gen) emitDoc(f *jen.File) error {
	text, err := renderTemplate("package_doc.txt", struct {
		*Package
		HasServer bool
	}{g.pkg, g.cfg.enabled(ArtifactServer)})
	if err != nil {
		return err
	}
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		f.PackageComment(line)
	}
	return nil
}

// emitTypes writes types.go: every structure (except errors) and union.
func (g *gen) emitTypes(f *jen.File) error {
	unions := 0
	for _, s := range g.pkg.Shapes {
		switch {
		case s.Kind == KindStruct && !s.IsError:
			emitStruct(f, s)
		case s.Kind == KindUnion:
			emitUnion(f, s)
			unions++
		}
	}
	for _, op := range g.pkg.Operations {
		for _, s := range []*Shape{op.Input, op.Output} {
			if g.pkg.Shape(s.ID) == nil { // a Unit input/output: not in the shape list
				emitStruct(f, s)
			}
		}
	}
	if unions > 0 {
		g.emitUnknownUnionMember(f)
	}
	return nil
}

// emitStruct writes a structure:
//
//	// Doc.
//	type X struct {
//		// Member doc.
//		//
//		// This member is required.
//		Name *string
//	}
func emitStruct(f *jen.File, s *Shape) {
	f.Add(docComment(typeDoc(s)))
	f.Type().Id(s.Name).StructFunc(func(grp *jen.Group) {
		for i, m := range s.Members {
			if i > 0 {
				grp.Line()
			}
			grp.Add(docComment(memberDoc(m)))
			field := grp.Id(m.GoName).Add(fieldType(m))
			if redactedMember(nil, m) {
				field.Tag(sensitiveTag)
			}
		}
	})
	f.Line()
}

func typeDoc(s *Shape) string {
	doc := s.Doc
	intro := ""
	switch {
	case s.IsInput:
		intro = fmt.Sprintf("%s is the input of an operation.", s.Name)
		if doc == "" {
			doc = intro
		}
	case s.IsOutput:
		intro = fmt.Sprintf("%s is the output of an operation.", s.Name)
		if doc == "" {
			doc = intro
		}
	}
	if doc == "" {
		return ""
	}
	if s.Sensitive {
		doc += "\n\nValues of this type are sensitive: String and Format redact them."
	}
	return doc
}

func memberDoc(m *Member) string {
	var parts []string
	if m.Doc != "" {
		parts = append(parts, m.Doc)
	}
	if m.Required {
		parts = append(parts, "This member is required.")
	}
	if m.HasDefault {
		parts = append(parts, "Default: "+defaultString(m.Default)+".")
	}
	if m.Sensitive {
		parts = append(parts, "This member is sensitive.")
	}
	if m.Deprecated {
		parts = append(parts, "Deprecated: this member is deprecated in the model.")
	}
	return strings.Join(parts, "\n\n")
}

// emitUnion writes a union as a sealed interface with one variant per member:
//
//	type U interface{ isU() }
//	type UMemberA struct{ Value T }
//	func (*UMemberA) isU() {}
func emitUnion(f *jen.File, s *Shape) {
	var doc strings.Builder
	if s.Doc != "" {
		doc.WriteString(s.Doc + "\n\n")
	}
	fmt.Fprintf(&doc, "%s is a union: a value is exactly one of\n", s.Name)
	for _, m := range s.Members {
		fmt.Fprintf(&doc, "  - *%s\n", m.Variant)
	}
	fmt.Fprintf(&doc, "  - *%s, a member this package does not know (kept to be written back unchanged)", s.Unknown)
	fileComment(f, doc.String())
	marker := "is" + s.Name
	f.Type().Id(s.Name).Interface(jen.Id(marker).Params())
	f.Line()
	for _, m := range s.Members {
		vdoc := fmt.Sprintf("%s is the %s member of %s.", m.Variant, m.Name, s.Name)
		if m.Doc != "" {
			vdoc += "\n\n" + m.Doc
		}
		if m.Sensitive {
			vdoc += "\n\nThis member is sensitive."
		}
		fileComment(f, vdoc)
		value := jen.Id("Value").Add(goType(m.GoType))
		if redactedMember(s, m) {
			value.Tag(sensitiveTag)
		}
		f.Type().Id(m.Variant).Struct(value)
		f.Line()
		f.Func().Params(jen.Op("*").Id(m.Variant)).Id(marker).Params().Block()
		f.Line()
	}
}

// emitUnknownUnionMember writes the variant every union has for members this
// package does not know:
//
//	type UnknownUnionMember struct{ Tag string; Value json.RawMessage }
func (g *gen) emitUnknownUnionMember(f *jen.File) {
	fileComment(f, "UnknownUnionMember is a union member that this package does not know, read from JSON.\n"+
		"Tag is the member name and Value its raw JSON, so the member is written back unchanged.")
	f.Type().Id("UnknownUnionMember").Struct(
		jen.Id("Tag").String(),
		jen.Id("Value").Qual("encoding/json", "RawMessage").Tag(sensitiveTag),
	)
	f.Line()
	for _, s := range g.pkg.Shapes {
		if s.Kind == KindUnion {
			f.Func().Params(jen.Op("*").Id("UnknownUnionMember")).Id("is" + s.Name).Params().Block()
		}
	}
}

// emitEnums writes enums.go:
//
//	type E string
//	const ( EA E = "A" )
//	func (E) Values() []E
func (g *gen) emitEnums(f *jen.File) error {
	for _, s := range g.pkg.Shapes {
		if s.Kind != KindEnum && s.Kind != KindIntEnum {
			continue
		}
		doc := s.Doc
		if doc == "" {
			doc = s.Name + " is an enum of the model."
		}
		fileComment(f, doc)
		base := jen.String()
		if s.Kind == KindIntEnum {
			base = jen.Int32()
		}
		f.Type().Id(s.Name).Add(base)
		f.Line()
		if len(s.Values) > 0 {
			fileComment(f, fmt.Sprintf("Values of %s.", s.Name))
			f.Const().DefsFunc(func(grp *jen.Group) {
				for _, v := range s.Values {
					if v.Doc != "" {
						grp.Comment(v.Doc)
					}
					if s.Kind == KindIntEnum {
						grp.Id(v.Const).Id(s.Name).Op("=").Lit(int(v.Int))
					} else {
						grp.Id(v.Const).Id(s.Name).Op("=").Lit(v.String)
					}
				}
			})
			f.Line()
		}
		fileComment(f, fmt.Sprintf("Values returns every value of %s the model defines, in model order.\n"+
			"A value received on the wire may be another one.", s.Name))
		f.Func().Params(jen.Id(s.Name)).Id("Values").Params().Index().Id(s.Name).Block(
			jen.Return(jen.Index().Id(s.Name).ValuesFunc(func(grp *jen.Group) {
				for _, v := range s.Values {
					grp.Id(v.Const)
				}
			})),
		)
		f.Line()
	}
	return nil
}

// emitErrors writes errors.go: error structures implementing error and smithy.APIError.
//
//	type E struct{ Message *string; ... }
//	func (e *E) Error() string
//	func (e *E) ErrorCode() string
//	func (e *E) ErrorMessage() string
//	func (e *E) ErrorFault() smithy.ErrorFault
//	func (e *E) HTTPStatusCode() int
func (g *gen) emitErrors(f *jen.File) error {
	for _, s := range g.pkg.Shapes {
		if !s.IsError {
			continue
		}
		emitStruct(f, s)
		recv := jen.Id("e").Op("*").Id(s.Name)
		fileComment(f, "Error renders the error code and message.")
		f.Func().Params(recv.Clone()).Id("Error").Params().String().Block(
			jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%s: %s"), jen.Id("e").Dot("ErrorCode").Call(), jen.Id("e").Dot("ErrorMessage").Call())),
		)
		fileComment(f, "ErrorCode returns the error's code, its shape name.")
		f.Func().Params(recv.Clone()).Id("ErrorCode").Params().String().Block(jen.Return(jen.Lit(s.ID.Name)))
		fileComment(f, "ErrorMessage returns the error's message, or \"\".")
		msg := messageMember(s)
		f.Func().Params(recv.Clone()).Id("ErrorMessage").Params().String().BlockFunc(func(grp *jen.Group) {
			switch {
			case msg == nil:
				grp.Return(jen.Lit(""))
			case msg.Pointer:
				grp.If(jen.Id("e").Dot(msg.GoName).Op("==").Nil()).Block(jen.Return(jen.Lit("")))
				grp.Return(jen.Op("*").Id("e").Dot(msg.GoName))
			default:
				grp.Return(jen.Id("e").Dot(msg.GoName))
			}
		})
		fault := "FaultClient"
		if s.ErrorFault == "server" {
			fault = "FaultServer"
		}
		fileComment(f, "ErrorFault tells whether the client or the server is at fault.")
		f.Func().Params(recv.Clone()).Id("ErrorFault").Params().Qual(smithyPkg, "ErrorFault").Block(jen.Return(jen.Qual(smithyPkg, fault)))
		fileComment(f, "HTTPStatusCode is the HTTP status the error is sent with.")
		f.Func().Params(recv.Clone()).Id("HTTPStatusCode").Params().Int().Block(jen.Return(jen.Lit(s.HTTPStatus)))
		f.Line()
	}
	return nil
}

// messageMember returns the string member named "message" in any case, or nil.
func messageMember(s *Shape) *Member {
	for _, m := range s.Members {
		if strings.EqualFold(m.Name, "message") && m.GoType.Kind == GoString {
			return m
		}
	}
	return nil
}
