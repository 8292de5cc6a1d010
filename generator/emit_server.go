package generator

import (
	"fmt"

	"github.com/dave/jennifer/jen"
	"github.com/smithygen/smithygen/model"
)

const smithyPtrPkg = "github.com/aws/smithy-go/ptr"

// emitServer writes server.go: the Handler interface, the route table, and
// the HTTP binding of every input, output and error. The generic machinery
// (routing, body checks, error replies) is the static server_runtime.go.
func (g *gen) emitServer(f *jen.File) error {
	sir, err := buildServerIR(g.pkg)
	if err != nil {
		return err
	}
	g.emitServiceConstants(f)
	g.emitHandler(f)
	g.emitUnimplementedHandler(f)
	emitRoutes(f, sir)
	bound := map[*Shape]bool{}
	encoded := map[*Shape]bool{}
	for _, op := range g.pkg.Operations {
		if !bound[op.Input] {
			bound[op.Input] = true
			emitBindHTTP(f, op)
		}
		if !encoded[op.Output] {
			encoded[op.Output] = true
			emitEncodeHTTP(f, op.Output, op.Server.OutPayload, op.Server.UnitOutput)
		}
	}
	for _, s := range g.pkg.Shapes {
		if s.IsError && !encoded[s] {
			encoded[s] = true
			emitEncodeHTTP(f, s, nil, false)
		}
	}
	for _, vm := range sir.Validations {
		emitValidationBuilder(f, vm)
	}
	return nil
}

// emitServiceConstants writes the service's identity:
//
//	const ( ServiceID = "QuickSight"; SigningName = "quicksight"; APIVersion = "2018-04-01" )
func (g *gen) emitServiceConstants(f *jen.File) {
	svc := g.pkg.Service
	f.Comment("Identity of the service, as AWS SDKs know it.")
	f.Const().Defs(
		jen.Comment("ServiceID is the service's sdkId."),
		jen.Id("ServiceID").Op("=").Lit(svc.SDKID),
		jen.Comment("SigningName is the service name in SigV4 credential scopes."),
		jen.Id("SigningName").Op("=").Lit(svc.SigningName),
		jen.Comment("APIVersion is the version of the model."),
		jen.Id("APIVersion").Op("=").Lit(svc.Version),
	)
	f.Line()
}

// emitHandler writes the Handler interface, one method per operation:
//
//	type Handler interface {
//		CreateActionConnector(ctx context.Context, in *CreateActionConnectorInput) (*CreateActionConnectorOutput, error)
//	}
func (g *gen) emitHandler(f *jen.File) {
	fileComment(f, "Handler implements the service: one method per operation. NewServer serves a\n"+
		"Handler over HTTP; Fake is an in-memory Handler. A method returns the\n"+
		"operation's output, or an error: this package's error types (for example\n"+
		"*"+firstErrorName(g.pkg)+") reach the client as themselves, with their HTTP status.")
	f.Type().Id("Handler").InterfaceFunc(func(grp *jen.Group) {
		for i, op := range g.pkg.Operations {
			if i > 0 {
				grp.Line()
			}
			doc := op.Doc
			if doc == "" {
				doc = op.Name + " is the " + op.Name + " operation."
			}
			grp.Add(docComment(doc))
			grp.Id(op.Name).Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("in").Op("*").Id(op.Input.Name)).
				Params(jen.Op("*").Id(op.Output.Name), jen.Error())
		}
	})
	f.Line()
}

func firstErrorName(p *Package) string {
	for _, s := range p.Shapes {
		if s.IsError {
			return s.Name
		}
	}
	return "SomeError"
}

// emitUnimplementedHandler writes a Handler whose every method fails with 501,
// to embed in a Handler that implements only some operations:
//
//	type UnimplementedHandler struct{}
//	func (UnimplementedHandler) Op(context.Context, *OpInput) (*OpOutput, error)
func (g *gen) emitUnimplementedHandler(f *jen.File) {
	fileComment(f, "UnimplementedHandler is a Handler whose every operation fails with 501\n"+
		"NotImplementedException. Embed it to implement only some operations.")
	f.Type().Id("UnimplementedHandler").Struct()
	f.Line()
	for _, op := range g.pkg.Operations {
		fileComment(f, op.Name+" fails with 501 NotImplementedException.")
		f.Func().Params(jen.Id("UnimplementedHandler")).Id(op.Name).
			Params(jen.Qual("context", "Context"), jen.Op("*").Id(op.Input.Name)).
			Params(jen.Op("*").Id(op.Output.Name), jen.Error()).Block(
			jen.Return(jen.Nil(), jen.Id("notImplemented").Call(jen.Lit(op.Name))),
		)
		f.Line()
	}
}

// emitRoutes writes the route table, most specific route first:
//
//	var routes = []route{{method: "GET", path: []routeSegment{{literal: "accounts"}, {kind: routeLabel}}, ...}}
func emitRoutes(f *jen.File, sir *ServerIR) {
	fileComment(f, "routes lists every operation's route, most specific first, so that the first\n"+
		"match is the one Smithy's specificity routing picks.")
	f.Var().Id("routes").Op("=").Index().Id("route").ValuesFunc(func(grp *jen.Group) {
		for _, rt := range sir.Routes {
			op := rt.Op
			so := op.Server
			kv := func(k string, v jen.Code) jen.Code { return jen.Line().Id(k).Op(":").Add(v) }
			fields := []jen.Code{
				jen.Line().Comment(rt.Method + " " + rt.Pattern).Line().Id("method").Op(":").Lit(rt.Method),
			}
			if len(rt.Segments) > 0 {
				fields = append(fields, kv("path", jen.Index().Id("routeSegment").ValuesFunc(func(segs *jen.Group) {
					for _, s := range rt.Segments {
						switch {
						case s.Label < 0:
							segs.Values(jen.Id("literal").Op(":").Lit(s.Literal))
						case s.Greedy:
							segs.Values(jen.Id("kind").Op(":").Id("routeGreedy"), jen.Id("label").Op(":").Lit(s.Label))
						default:
							segs.Values(jen.Id("kind").Op(":").Id("routeLabel"), jen.Id("label").Op(":").Lit(s.Label))
						}
					}
				})))
			}
			if len(rt.Query) > 0 {
				fields = append(fields, kv("query", jen.Index().Id("queryLiteral").ValuesFunc(func(qs *jen.Group) {
					for _, q := range rt.Query {
						qs.Values(jen.Lit(q.Key), jen.Lit(q.Value))
					}
				})))
			}
			fields = append(fields, kv("operation", jen.Lit(op.Name)), kv("code", jen.Lit(op.HTTP.Code)))
			if so.RequestType != "" {
				fields = append(fields, kv("requestType", jen.Lit(so.RequestType)))
			}
			if so.ResponseType != "" {
				fields = append(fields, kv("responseType", jen.Lit(so.ResponseType)))
			}
			if so.Validation != nil {
				fields = append(fields, kv("invalid", jen.Id(so.Validation.Func)))
			}
			fields = append(fields, kv("serve", serveFunc(op)))
			grp.Line().Values(append(fields, jen.Line())...)
		}
		grp.Line()
	})
	f.Line()
}

// serveFunc is the function literal that serves op, in its route (see
// server_runtime.go): prepare the input, call the handler with a recover
// deferred, reply.
func serveFunc(op *Operation) jen.Code {
	return jen.Func().Params(jen.Id("s").Op("*").Id("server"), jen.Id("w").Qual("net/http", "ResponseWriter"),
		jen.Id("r").Op("*").Qual("net/http", "Request"), jen.Id("rt").Op("*").Id("route"), jen.Id("labels").Index().String()).Block(
		jen.Id("in").Op(":=").New(jen.Id(op.Input.Name)),
		jen.If(jen.Op("!").Id("s").Dot("prepare").Call(jen.Id("w"), jen.Id("r"), jen.Id("rt"), jen.Id("labels"), jen.Id("in"))).Block(jen.Return()),
		jen.Defer().Id("s").Dot("recoverHandler").Call(jen.Id("w"), jen.Id("r"), jen.Id("rt")),
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("s").Dot("handler").Dot(op.Name).Call(jen.Id("r").Dot("Context").Call(), jen.Id("in")),
		jen.If(jen.Err().Op("==").Nil().Op("&&").Id("out").Op("==").Nil()).Block(jen.Id("out").Op("=").New(jen.Id(op.Output.Name))),
		jen.Id("s").Dot("reply").Call(jen.Id("w"), jen.Id("r"), jen.Id("rt"), jen.Id("out"), jen.Err()),
	)
}

// emitBindHTTP writes the request binding of an operation input:
//
//	func (v *OpInput) bindHTTP(r *http.Request, labels []string, body []byte, maxDepth int) error
//
// Labels arrive percent-decoded, in the order of the input's label members;
// maxDepth bounds the nesting of a JSON body.
func emitBindHTTP(f *jen.File, op *Operation) {
	in, so := op.Input, op.Server
	fileComment(f, fmt.Sprintf("bindHTTP reads a %s request into v.", op.Name))
	f.Func().Params(jen.Id("v").Op("*").Id(in.Name)).Id("bindHTTP").
		Params(jen.Id("r").Op("*").Qual("net/http", "Request"), jen.Id("labels").Index().String(), jen.Id("body").Index().Byte(), jen.Id("maxDepth").Int()).
		Error().BlockFunc(func(grp *jen.Group) {
		for i, m := range so.Labels {
			if stmts := bindScalar(m, jen.Id("labels").Index(jen.Lit(i)), "label"); len(stmts) == 1 {
				grp.Add(stmts[0])
			} else {
				grp.Block(stmts...)
			}
		}
		needQuery := false
		for _, m := range in.Members {
			if m.Location == InQuery || m.Location == InQueryParams {
				needQuery = true
			}
		}
		if needQuery {
			grp.Id("query").Op(":=").Id("r").Dot("URL").Dot("Query").Call()
		}
		for _, m := range in.Members {
			switch m.Location {
			case InQuery:
				bindQuery(grp, m)
			case InQueryParams:
				bindQueryParams(grp, m)
			case InHeader:
				bindHeader(grp, m)
			case InPrefixHeaders:
				grp.Id("v").Dot(m.GoName).Op("=").Id("prefixHeaders").Call(jen.Id("r").Dot("Header"), jen.Lit(m.LocationName))
			}
		}
		switch {
		case so.InPayload != nil:
			bindPayload(grp, so.InPayload)
		case so.RequestType == "application/json":
			method := "decodeJSON"
			if in.HasBindings {
				method = "decodeJSONBody"
			}
			grp.If(jen.Len(jen.Id("body")).Op(">").Lit(0)).Block(
				jen.Return(jen.Id("decodeJSONPayload").Call(jen.Id("body"), jen.Id("maxDepth"), jen.Id("v").Dot(method))),
			)
		}
		grp.Return(jen.Nil())
	})
	f.Line()
}

// bindScalar returns statements that parse the string src into member m,
// returning a bindError naming where it came from. Strings and enums are one
// assignment; other values declare x (and n, err), so a caller that binds
// several members puts each in a block of its own.
func bindScalar(m *Member, src jen.Code, location string) []jen.Code {
	field := jen.Id("v").Dot(m.GoName)
	base64Str := m.Target.MediaType != "" && location == "header"
	switch {
	case m.Target.Kind == KindEnum:
		return []jen.Code{field.Op("=").Id(m.Target.Name).Call(src)}
	case m.Target.Kind == KindSimple && m.GoType.Kind == GoString && !base64Str:
		if m.Pointer {
			return []jen.Code{field.Op("=").Qual(smithyPtrPkg, "String").Call(src)}
		}
		return []jen.Code{field.Op("=").Add(src)}
	}
	stmts := parseParam(m.Target, m.TimestampFmt, base64Str, src, location, m.LocationName, m.Sensitive)
	if m.Pointer {
		return append(stmts, field.Clone().Op("=").Op("&").Id("x"))
	}
	return append(stmts, field.Clone().Op("=").Id("x"))
}

// bindErr renders the bindError of a value that did not parse; the message of
// a sensitive member's leaves out the value.
//
//	&bindError{location: "header", name: "X-Count", err: err}
func bindErr(location, name string, sensitive bool) jen.Code {
	fields := []jen.Code{jen.Id("location").Op(":").Lit(location), jen.Id("name").Op(":").Lit(name), jen.Id("err").Op(":").Err()}
	if sensitive {
		fields = append(fields, jen.Id("sensitive").Op(":").True())
	}
	return jen.Op("&").Id("bindError").Values(fields...)
}

// parseParam returns statements that parse src into a new variable x of t's
// Go type; sensitive keeps the value out of the error.
func parseParam(t *Shape, tsFmt string, base64Str bool, src jen.Code, location, name string, sensitive bool) []jen.Code {
	fail := jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(bindErr(location, name, sensitive)))
	parsed := func(call jen.Code, conv func(jen.Code) jen.Code) []jen.Code {
		if conv == nil {
			return []jen.Code{jen.List(jen.Id("x"), jen.Err()).Op(":=").Add(call), fail}
		}
		return []jen.Code{jen.List(jen.Id("n"), jen.Err()).Op(":=").Add(call), fail, jen.Id("x").Op(":=").Add(conv(jen.Id("n")))}
	}
	switch t.Kind {
	case KindEnum:
		return []jen.Code{jen.Id("x").Op(":=").Id(t.Name).Call(src)}
	case KindIntEnum:
		return parsed(jen.Id("parseIntParam").Call(src, jen.Lit(32)), func(n jen.Code) jen.Code { return jen.Id(t.Name).Call(n) })
	}
	switch t.GoType.Kind {
	case GoString:
		if base64Str {
			return parsed(jen.Id("parseBlobParam").Call(src), func(n jen.Code) jen.Code { return jen.String().Call(n) })
		}
		return []jen.Code{jen.Id("x").Op(":=").Add(src)}
	case GoBool:
		return parsed(jen.Id("parseBoolParam").Call(src), nil)
	case GoInt8, GoInt16, GoInt32:
		bits := map[GoKind]int{GoInt8: 8, GoInt16: 16, GoInt32: 32}[t.GoType.Kind]
		gt := goType(t.GoType)
		return parsed(jen.Id("parseIntParam").Call(src, jen.Lit(bits)), func(n jen.Code) jen.Code { return gt.Clone().Call(n) })
	case GoInt64:
		return parsed(jen.Id("parseIntParam").Call(src, jen.Lit(64)), nil)
	case GoFloat32:
		return parsed(jen.Id("parseFloatParam").Call(src, jen.Lit(32)), func(n jen.Code) jen.Code { return jen.Float32().Call(n) })
	case GoFloat64:
		return parsed(jen.Id("parseFloatParam").Call(src, jen.Lit(64)), nil)
	case GoBigInt:
		return parsed(jen.Id("parseBigIntParam").Call(src), nil)
	case GoBigFloat:
		return parsed(jen.Id("parseBigFloatParam").Call(src), nil)
	case GoTime:
		return parsed(jen.Id("parseTimestamp").Call(src, jen.Lit(tsFmt), jen.True()), nil)
	case GoBytes:
		return parsed(jen.Id("parseBlobParam").Call(src), nil)
	}
	panic(fmt.Sprintf("generator: %s cannot be bound to a %s", t.ID, location))
}

// bindQuery binds a query parameter: the first value for a scalar, every value for a list.
func bindQuery(grp *jen.Group, m *Member) {
	vs := jen.Id("query").Index(jen.Lit(m.LocationName))
	if m.Target.Kind == KindList {
		grp.If(jen.Id("vs").Op(":=").Add(vs), jen.Len(jen.Id("vs")).Op(">").Lit(0)).Block(
			bindList(m, jen.Id("vs"), "query")...,
		)
		return
	}
	grp.If(jen.Id("vs").Op(":=").Add(vs), jen.Len(jen.Id("vs")).Op(">").Lit(0)).Block(
		bindScalar(m, jen.Id("vs").Index(jen.Lit(0)), "query")...,
	)
}

// listTimestampFormat is the format of the timestamps of a list bound to a
// header or query: the member's own @timestampFormat, else the location's default.
func listTimestampFormat(m *Member, location string) string {
	switch {
	case m.TimestampFmt != "":
		return m.TimestampFmt
	case location == "header":
		return "http-date"
	}
	return "date-time"
}

// bindList binds a list member from the string items in src.
func bindList(m *Member, src jen.Code, location string) []jen.Code {
	elem := m.Target.Elem
	item := parseParam(elem.Target, listTimestampFormat(m, location), elem.Target.MediaType != "" && location == "header", jen.Id("s"), location, m.LocationName,
		m.Sensitive || elem.Sensitive)
	var store jen.Code = jen.Id("list").Op("=").Append(jen.Id("list"), jen.Id("x"))
	if m.Target.GoType.ElemPointer {
		store = jen.Id("list").Op("=").Append(jen.Id("list"), jen.Op("&").Id("x"))
	}
	return []jen.Code{
		jen.Id("list").Op(":=").Make(goType(m.Target.GoType), jen.Lit(0), jen.Len(src)),
		jen.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Add(src)).Block(append(item, store)...),
		jen.Id("v").Dot(m.GoName).Op("=").Id("list"),
	}
}

// bindQueryParams binds an @httpQueryParams map: every query parameter.
func bindQueryParams(grp *jen.Group, m *Member) {
	val := m.Target.Elem
	var body []jen.Code
	if val.Target.Kind == KindList {
		item := parseParam(val.Target.Elem.Target, val.Target.Elem.TimestampFmt, false, jen.Id("s"), "query", "",
			m.Sensitive || val.Sensitive || val.Target.Elem.Sensitive)
		body = []jen.Code{
			jen.Id("list").Op(":=").Make(goType(val.Target.GoType), jen.Lit(0), jen.Len(jen.Id("vs"))),
			jen.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Id("vs")).Block(append(item, jen.Id("list").Op("=").Append(jen.Id("list"), jen.Id("x")))...),
			jen.Id("m").Index(jen.Id("k")).Op("=").Id("list"),
		}
	} else {
		body = parseParam(val.Target, val.TimestampFmt, false, jen.Id("vs").Index(jen.Lit(0)), "query", "", m.Sensitive || val.Sensitive)
		if m.Target.GoType.ElemPointer {
			body = append(body, jen.Id("m").Index(jen.Id("k")).Op("=").Op("&").Id("x"))
		} else {
			body = append(body, jen.Id("m").Index(jen.Id("k")).Op("=").Id("x"))
		}
	}
	grp.If(jen.Len(jen.Id("query")).Op(">").Lit(0)).Block(
		jen.Id("m").Op(":=").Make(goType(m.Target.GoType), jen.Len(jen.Id("query"))),
		jen.For(jen.List(jen.Id("k"), jen.Id("vs")).Op(":=").Range().Id("query")).Block(
			append([]jen.Code{jen.If(jen.Len(jen.Id("vs")).Op("==").Lit(0)).Block(jen.Continue())}, body...)...),
		jen.Id("v").Dot(m.GoName).Op("=").Id("m"),
	)
}

// bindHeader binds a header: its first value for a scalar, its comma-separated items for a list.
func bindHeader(grp *jen.Group, m *Member) {
	vs := jen.Id("r").Dot("Header").Dot("Values").Call(jen.Lit(m.LocationName))
	if m.Target.Kind == KindList {
		var split []jen.Code
		if m.Target.Elem.Target.Type == model.Timestamp && listTimestampFormat(m, "header") == "http-date" {
			split = []jen.Code{jen.Id("items").Op(":=").Id("splitHTTPDateList").Call(jen.Id("vs"))}
		} else {
			split = []jen.Code{
				jen.List(jen.Id("items"), jen.Err()).Op(":=").Id("splitHeaderList").Call(jen.Id("vs")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(bindErr("header", m.LocationName, m.Sensitive || m.Target.Elem.Sensitive))),
			}
		}
		grp.If(jen.Id("vs").Op(":=").Add(vs), jen.Len(jen.Id("vs")).Op(">").Lit(0)).Block(
			append(split, bindList(m, jen.Id("items"), "header")...)...,
		)
		return
	}
	grp.If(jen.Id("vs").Op(":=").Add(vs), jen.Len(jen.Id("vs")).Op(">").Lit(0)).Block(
		bindScalar(m, jen.Id("vs").Index(jen.Lit(0)), "header")...,
	)
}

// bindPayload binds the @httpPayload member from the whole body.
func bindPayload(grp *jen.Group, m *Member) {
	field := jen.Id("v").Dot(m.GoName)
	var body []jen.Code
	switch t := m.Target; {
	case t.Kind == KindStruct:
		body = []jen.Code{
			field.Clone().Op("=").New(jen.Id(t.Name)),
			jen.Return(jen.Id("decodeJSONPayload").Call(jen.Id("body"), jen.Id("maxDepth"), field.Clone().Dot("decodeJSON"))),
		}
	case t.Kind == KindUnion:
		body = []jen.Code{jen.Return(jen.Id("decodeJSONPayload").Call(jen.Id("body"), jen.Id("maxDepth"), jen.Func().Params(jen.Id("r").Op("*").Id("jsonReader")).Error().Block(
			jen.Return(jen.Id(t.DecodeFunc).Call(jen.Id("r"), jen.Op("&").Add(field.Clone()))),
		)))}
	case t.Kind == KindEnum:
		body = []jen.Code{field.Clone().Op("=").Id(t.Name).Call(jen.String().Call(jen.Id("body")))}
	case t.GoType.Kind == GoString:
		body = []jen.Code{jen.Id("s").Op(":=").String().Call(jen.Id("body")), field.Clone().Op("=").Op("&").Id("s")}
	case t.GoType.Kind == GoBytes:
		body = []jen.Code{field.Clone().Op("=").Id("body")}
	case t.GoType.Kind == GoDocument:
		// Any JSON value, checked with the reader (and its depth limit)
		// rather than json.Valid, and kept as it came.
		body = []jen.Code{
			jen.Id("jr").Op(":=").Id("newJSONReader").Call(jen.Id("body"), jen.True()),
			jen.Id("jr").Dot("maxDepth").Op("=").Id("maxDepth"),
			jen.If(jen.Err().Op(":=").Id("jr").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.If(jen.Err().Op(":=").Id("jr").Dot("end").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			field.Clone().Op("=").Qual("encoding/json", "RawMessage").Call(jen.Id("body")),
		}
	default:
		panic(fmt.Sprintf("generator: %s cannot be an HTTP payload", t.ID))
	}
	grp.If(jen.Len(jen.Id("body")).Op(">").Lit(0)).Block(body...)
}

// emitEncodeHTTP writes the reply encoding of an output or error:
//
//	func (v *OpOutput) encodeHTTP(h http.Header, status int) (int, []byte, error)
//
// It sets the header-bound members, takes the status from an
// @httpResponseCode member when set, and returns the body.
func emitEncodeHTTP(f *jen.File, s *Shape, payload *Member, unit bool) {
	what := "reply"
	if s.IsError {
		what = "error reply"
	}
	fileComment(f, fmt.Sprintf("encodeHTTP sets the headers of the %s %s and returns its status and body.", s.Name, what))
	f.Func().Params(jen.Id("v").Op("*").Id(s.Name)).Id("encodeHTTP").
		Params(jen.Id("h").Qual("net/http", "Header"), jen.Id("status").Int()).
		Params(jen.Int(), jen.Index().Byte(), jen.Error()).BlockFunc(func(grp *jen.Group) {
		for _, m := range s.Members {
			field := jen.Id("v").Dot(m.GoName)
			switch m.Location {
			case InHeader:
				var set jen.Code
				if m.Target.Kind == KindList {
					set = jen.Block(headerList(m, field)...)
				} else {
					set = jen.Id("h").Dot("Set").Call(jen.Lit(m.LocationName), headerValue(m, derefField(m, field)))
				}
				if cond := presentCond(m, field); cond != nil {
					grp.If(cond).Block(set)
				} else {
					grp.Add(set)
				}
			case InPrefixHeaders:
				grp.For(jen.List(jen.Id("k"), jen.Id("x")).Op(":=").Range().Add(field)).Block(
					jen.Id("h").Dot("Set").Call(jen.Lit(m.LocationName).Op("+").Id("k"), jen.Id("x")),
				)
			case InResponseCode:
				if m.Pointer {
					grp.If(field.Clone().Op("!=").Nil()).Block(jen.Id("status").Op("=").Int().Call(jen.Op("*").Add(field)))
				} else {
					grp.If(field.Clone().Op("!=").Lit(0)).Block(jen.Id("status").Op("=").Int().Call(field))
				}
			}
		}
		if unit {
			grp.Return(jen.Id("status"), jen.Nil(), jen.Nil())
			return
		}
		if payload != nil {
			encodePayload(grp, payload)
			return
		}
		method := "encodeJSON"
		if s.HasBindings {
			method = "encodeJSONBody"
		}
		grp.Id("e").Op(":=").Qual(smithyJSONPkg, "NewEncoder").Call()
		grp.If(jen.Err().Op(":=").Id("v").Dot(method).Call(jen.Id("e").Dot("Value")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Lit(0), jen.Nil(), jen.Err()))
		grp.Id("h").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json"))
		grp.Return(jen.Id("status"), jen.Id("encodedBytes").Call(jen.Id("e")), jen.Nil())
	})
	f.Line()
}

// encodePayload returns the @httpPayload member as the body.
func encodePayload(grp *jen.Group, m *Member) {
	field := jen.Id("v").Dot(m.GoName)
	switch t := m.Target; {
	case t.Kind == KindStruct || t.Kind == KindUnion:
		// An unset structure or union payload is an empty body.
		grp.If(field.Clone().Op("==").Nil()).Block(jen.Return(jen.Id("status"), jen.Nil(), jen.Nil()))
		grp.Id("h").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit(payloadContentType(m)))
		grp.Id("e").Op(":=").Qual(smithyJSONPkg, "NewEncoder").Call()
		var enc jen.Code = field.Clone().Dot("encodeJSON").Call(jen.Id("e").Dot("Value"))
		if t.Kind == KindUnion {
			enc = jen.Id(t.EncodeFunc).Call(field.Clone(), jen.Id("e").Dot("Value"))
		}
		grp.If(jen.Err().Op(":=").Add(enc), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Lit(0), jen.Nil(), jen.Err()))
		grp.Return(jen.Id("status"), jen.Id("encodedBytes").Call(jen.Id("e")), jen.Nil())
	case t.Kind == KindEnum:
		grp.Id("h").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit(payloadContentType(m)))
		grp.Return(jen.Id("status"), jen.Index().Byte().Call(field), jen.Nil())
	case t.GoType.Kind == GoString:
		grp.Id("h").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit(payloadContentType(m)))
		grp.If(field.Clone().Op("==").Nil()).Block(jen.Return(jen.Id("status"), jen.Nil(), jen.Nil()))
		grp.Return(jen.Id("status"), jen.Index().Byte().Call(jen.Op("*").Add(field)), jen.Nil())
	default: // blob, document
		grp.Id("h").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit(payloadContentType(m)))
		grp.Return(jen.Id("status"), jen.Index().Byte().Call(field), jen.Nil())
	}
}

// headerValue renders the header text of scalar value src of member m.
func headerValue(m *Member, src *jen.Statement) jen.Code {
	return formatParam(m.Target, m.TimestampFmt, m.Target.MediaType != "", src)
}

// headerList returns statements that set a list header: its items formatted, quoted when needed, comma-separated.
func headerList(m *Member, field *jen.Statement) []jen.Code {
	e := m.Target.Elem
	item := jen.Id("x")
	if e.Pointer {
		item = jen.Op("*").Id("x")
	}
	text := formatParam(e.Target, listTimestampFormat(m, "header"), e.Target.MediaType != "", item)
	if e.Target.Kind == KindEnum || e.Target.GoType.Kind == GoString {
		text = jen.Id("quoteHeaderValue").Call(text)
	}
	loop := []jen.Code{}
	if e.Pointer {
		loop = append(loop, jen.If(jen.Id("x").Op("==").Nil()).Block(jen.Continue()))
	}
	loop = append(loop, jen.Id("items").Op("=").Append(jen.Id("items"), text))
	return []jen.Code{
		jen.Id("items").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(field.Clone())),
		jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(field.Clone())).Block(loop...),
		jen.Id("h").Dot("Set").Call(jen.Lit(m.LocationName), jen.Qual("strings", "Join").Call(jen.Id("items"), jen.Lit(", "))),
	}
}

// formatParam renders scalar src of shape t as header, label or query text.
func formatParam(t *Shape, tsFmt string, base64Str bool, src jen.Code) jen.Code {
	switch t.Kind {
	case KindEnum:
		return jen.String().Call(src)
	case KindIntEnum:
		return jen.Qual("strconv", "FormatInt").Call(jen.Int64().Call(src), jen.Lit(10))
	}
	switch t.GoType.Kind {
	case GoString:
		if base64Str {
			return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(jen.Index().Byte().Call(src))
		}
		return src
	case GoBool:
		return jen.Qual("strconv", "FormatBool").Call(src)
	case GoInt8, GoInt16, GoInt32, GoInt64:
		return jen.Qual("strconv", "FormatInt").Call(jen.Int64().Call(src), jen.Lit(10))
	case GoFloat32:
		return jen.Id("formatFloatParam").Call(jen.Float64().Call(src), jen.Lit(32))
	case GoFloat64:
		return jen.Id("formatFloatParam").Call(src, jen.Lit(64))
	case GoBigInt:
		return jen.Add(src).Dot("String").Call()
	case GoBigFloat:
		return jen.Add(src).Dot("Text").Call(jen.LitRune('g'), jen.Lit(-1))
	case GoTime:
		return jen.Id("formatTimestampParam").Call(src, jen.Lit(tsFmt))
	case GoBytes:
		return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(src)
	}
	panic(fmt.Sprintf("generator: %s cannot be written to a header", t.ID))
}

// emitValidationBuilder writes the function that turns a validation failure
// into the operation's own validation error:
//
//	func newValidationException(v *validationFailure) error
func emitValidationBuilder(f *jen.File, vm *ValidationMapping) {
	s := vm.Shape
	fileComment(f, fmt.Sprintf("%s reports an input that failed validation as a *%s.", vm.Func, s.Name))
	set := func(m *Member, val jen.Code) jen.Code {
		if m.Pointer {
			return jen.Qual(smithyPtrPkg, "String").Call(val)
		}
		return val
	}
	f.Func().Id(vm.Func).Params(jen.Id("v").Op("*").Id("validationFailure")).Error().BlockFunc(func(grp *jen.Group) {
		grp.Id("e").Op(":=").Op("&").Id(s.Name).Values()
		if vm.Message != nil {
			grp.Id("e").Dot(vm.Message.GoName).Op("=").Add(set(vm.Message, jen.Id("v").Dot("message")))
		}
		if vm.Reason != nil {
			grp.Id("e").Dot(vm.Reason.GoName).Op("=").Id(vm.ReasonValue.Const)
		}
		if vm.RequestID != nil {
			grp.Id("e").Dot(vm.RequestID.GoName).Op("=").Add(set(vm.RequestID, jen.Id("v").Dot("requestID")))
		}
		if vm.FieldList != nil {
			elem := jen.Id(vm.FieldElem.Name).Values(jen.Dict{
				jen.Id(vm.FieldPath.GoName):    set(vm.FieldPath, jen.Id("fv").Dot("path")),
				jen.Id(vm.FieldMessage.GoName): set(vm.FieldMessage, jen.Id("fv").Dot("message")),
			})
			if vm.FieldList.Target.GoType.ElemPointer {
				elem = jen.Op("&").Add(elem)
			}
			grp.For(jen.List(jen.Id("_"), jen.Id("fv")).Op(":=").Range().Id("v").Dot("fields")).Block(
				jen.Id("e").Dot(vm.FieldList.GoName).Op("=").Append(jen.Id("e").Dot(vm.FieldList.GoName), elem),
			)
		}
		grp.Return(jen.Id("e"))
	})
	f.Line()
}
