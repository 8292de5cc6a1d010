package generator

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// emitJSON writes json.go: restJson1 body codecs for every struct, union, list and map.
func (g *gen) emitJSON(f *jen.File) error {
	if err := g.checkDefaults(); err != nil {
		return err
	}
	for _, s := range g.allStructs() {
		enc, dec := g.bodyCodecs(s)
		emitStructJSON(f, s, enc, dec)
	}
	for _, s := range g.pkg.Shapes {
		switch s.Kind {
		case KindUnion:
			emitUnionJSON(f, s)
		case KindList:
			emitListJSON(f, s)
		case KindMap:
			emitMapJSON(f, s)
		}
	}
	if g.hasUnions() {
		emitUnknownUnionMemberJSON(f)
	}
	return nil
}

// allStructs returns every struct of the package: the shape list plus Unit inputs/outputs.
func (g *gen) allStructs() []*Shape { return structsOf(g.pkg) }

// structsOf returns every struct of p: the shape list plus Unit inputs/outputs.
func structsOf(p *Package) []*Shape {
	var out []*Shape
	for _, s := range p.Shapes {
		if s.Kind == KindStruct {
			out = append(out, s)
		}
	}
	for _, op := range p.Operations {
		for _, s := range []*Shape{op.Input, op.Output} {
			if p.Shape(s.ID) == nil {
				out = append(out, s)
			}
		}
	}
	return out
}

// bodyCodecs reports which body-only codecs (the members left in the JSON
// body when others are bound to the URI, headers or status) the server
// artifact calls for struct s: it decodes the body of an input that has body
// members and no @httpPayload member, and encodes the body of an output
// without an @httpPayload member and of every error. Without the server, or
// for a struct without bindings, there are none: nothing would call them.
func (g *gen) bodyCodecs(s *Shape) (enc, dec bool) {
	if !s.HasBindings || !g.cfg.enabled(ArtifactServer) {
		return false, false
	}
	hasPayload := slices.ContainsFunc(s.Members, func(m *Member) bool { return m.Location == InPayload })
	dec = s.IsInput && !hasPayload && requestContentType(s, nil) == "application/json"
	enc = (s.IsOutput && !hasPayload) || s.IsError
	return enc, dec
}

func (g *gen) hasUnions() bool {
	for _, s := range g.pkg.Shapes {
		if s.Kind == KindUnion {
			return true
		}
	}
	return false
}

var (
	errReturn = jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
)

func ifErrReturn() *jen.Statement { return errReturn.Clone() }

// emitStructJSON writes a struct's codecs:
//
//	func (v *X) encodeJSON(value smithyjson.Value) error  // every member
//	func (v *X) decodeJSON(r *jsonReader) error
//	func (v *X) encodeJSONBody(...) / decodeJSONBody(...)  // body members only, when the server calls them (bodyCodecs)
//	func (v X) MarshalJSON() ([]byte, error)
//	func (v *X) UnmarshalJSON(data []byte) error
func emitStructJSON(f *jen.File, s *Shape, bodyEnc, bodyDec bool) {
	emitStructEncoder(f, s, "encodeJSON", false)
	emitStructDecoder(f, s, "decodeJSON", false)
	if bodyEnc {
		emitStructEncoder(f, s, "encodeJSONBody", true)
	}
	if bodyDec {
		emitStructDecoder(f, s, "decodeJSONBody", true)
	}
	fileComment(f, fmt.Sprintf("MarshalJSON encodes %s as a restJson1 body: every member by its JSON name.", s.Name))
	f.Func().Params(jen.Id("v").Id(s.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id("e").Op(":=").Id("newJSONEncoder").Call(),
		jen.If(jen.Err().Op(":=").Id("v").Dot("encodeJSON").Call(jen.Id("e").Dot("Value")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("encodedBytes").Call(jen.Id("e")), jen.Nil()),
	)
	f.Line()
	fileComment(f, fmt.Sprintf("UnmarshalJSON decodes %s from a restJson1 body. Unknown members are ignored;\n"+
		"unknown union members are kept as *UnknownUnionMember.", s.Name))
	f.Func().Params(jen.Id("v").Op("*").Id(s.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Op("*").Id("v").Op("=").Id(s.Name).Values(),
		jen.Return(jen.Id("unmarshalStruct").Call(jen.Id("data"), jen.Id("v"))),
	)
	f.Line()
}

func emitStructEncoder(f *jen.File, s *Shape, name string, bodyOnly bool) {
	f.Func().Params(jen.Id("v").Op("*").Id(s.Name)).Id(name).Params(jen.Id("value").Qual(smithyJSONPkg, "Value")).Error().BlockFunc(func(grp *jen.Group) {
		grp.Id("obj").Op(":=").Id("value").Dot("Object").Call()
		for _, m := range s.Members {
			if bodyOnly && !inResponseBody(m) {
				continue
			}
			dst := jen.Id("obj").Dot("Key").Call(jen.Lit(m.JSONName))
			field := jen.Id("v").Dot(m.GoName)
			write := writeValue(m.Target, m.TimestampFmt, derefField(m, field), dst)
			if cond := presentCond(m, field); cond != nil {
				grp.If(cond).Block(write...)
			} else {
				grp.Add(write...)
			}
		}
		// Closed on success only: after an error the encoder's bytes are dropped.
		grp.Id("closeObject").Call(jen.Id("obj"))
		grp.Return(jen.Nil())
	})
	f.Line()
}

// inResponseBody reports whether m is written to the JSON body of a reply:
// every member but those bound to headers, the status code or the payload.
// Label and query bindings mean nothing in a response (the member is a body
// member there), for a shape that is both an input and an output too.
func inResponseBody(m *Member) bool {
	switch m.Location {
	case InHeader, InPrefixHeaders, InPayload, InResponseCode:
		return false
	}
	return true
}

// presentCond is the condition under which a member is written, or nil for always.
func presentCond(m *Member, field *jen.Statement) *jen.Statement {
	switch {
	case m.Pointer:
		return field.Clone().Op("!=").Nil()
	case m.Target.Kind == KindEnum:
		return field.Clone().Op("!=").Lit("")
	}
	switch m.GoType.Kind {
	case GoBytes, GoDocument, GoSlice, GoMap, GoBigInt, GoBigFloat:
		return field.Clone().Op("!=").Nil()
	case GoNamed:
		if m.Target.Kind == KindUnion {
			return field.Clone().Op("!=").Nil()
		}
	}
	return nil
}

// derefField turns a field into the expression writeValue wants: the value
// itself for scalars; for structs the pointer or the addressable value, whose
// encodeJSON method Go calls through its address.
func derefField(m *Member, field *jen.Statement) *jen.Statement {
	if m.Pointer && !m.GoType.Struct {
		return jen.Op("*").Add(field)
	}
	return field
}

// writeValue returns statements that encode src into the smithyjson.Value dst.
// For structs src is a pointer; for everything else it is the value.
func writeValue(t *Shape, tsFormat string, src, dst *jen.Statement) []jen.Code {
	call := func(method string, arg jen.Code) []jen.Code {
		if method == "String" {
			// Out of line: smithyjson's String is copied into each call site otherwise.
			return []jen.Code{jen.Id("writeString").Call(dst.Clone(), arg)}
		}
		return []jen.Code{dst.Clone().Dot(method).Call(arg)}
	}
	checked := func(fn jen.Code) []jen.Code {
		return []jen.Code{jen.If(jen.Err().Op(":=").Add(fn), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))}
	}
	switch t.Kind {
	case KindUnit:
		return []jen.Code{dst.Clone().Dot("Object").Call().Dot("Close").Call()}
	case KindStruct:
		return checked(src.Clone().Dot("encodeJSON").Call(dst))
	case KindUnion, KindList, KindMap:
		return checked(jen.Id(t.EncodeFunc).Call(src, dst))
	case KindEnum:
		return call("String", jen.String().Call(src))
	case KindIntEnum:
		return call("Integer", jen.Int32().Call(src))
	}
	switch t.GoType.Kind {
	case GoString:
		return call("String", src)
	case GoBool:
		return call("Boolean", src)
	case GoInt8:
		return call("Byte", src)
	case GoInt16:
		return call("Short", src)
	case GoInt32:
		return call("Integer", src)
	case GoInt64:
		return call("Long", src)
	case GoFloat32:
		return []jen.Code{jen.Id("writeFloat").Call(dst, jen.Float64().Call(src), jen.Lit(32))}
	case GoFloat64:
		return []jen.Code{jen.Id("writeFloat").Call(dst, src, jen.Lit(64))}
	case GoBigInt:
		return call("BigInteger", src)
	case GoBigFloat:
		return call("BigDecimal", src)
	case GoBytes:
		return call("Base64EncodeBytes", src)
	case GoDocument:
		return checked(jen.Id("writeDocument").Call(dst, src))
	case GoTime:
		switch tsFormat {
		case "date-time":
			return call("String", jen.Qual(smithyTimePkg, "FormatDateTime").Call(src))
		case "http-date":
			return call("String", jen.Qual(smithyTimePkg, "FormatHTTPDate").Call(src))
		default:
			return []jen.Code{jen.Id("writeEpochSeconds").Call(dst, src)}
		}
	}
	panic(fmt.Sprintf("generator: no JSON encoding for %s", t.ID))
}

// emitStructDecoder writes a struct's decoder. The member a key names is
// found by binary search in the struct's sorted key table (one table a
// struct, shared by decodeJSON and decodeJSONBody; a switch on the key
// strings takes the compiler much more memory in a big package). Most members
// are read with one call to a runtime field reader (readStringField,
// readIntPtrField, ...), the others with readInto's statements; an error of
// either ends the loop:
//
//	var keysX = [...]string{"Config", "Name"}
//
//	func (v *X) decodeJSON(r *jsonReader) error {
//		ok, err := r.enterObject()
//		if err != nil || !ok { return err }
//		v.Count = 10 // @default
//		for {
//			key, more, err := r.nextKey()
//			if err != nil || !more { return err }
//			if r.null() { continue }
//			switch fieldIndex(keysX[:], key) {
//			case 1:
//				err = readStringPtrField(r, &v.Name, "Name")
//			case 0:
//				v.Config = new(Config)
//				err = r.wrap(v.Config.decodeJSON(r), "Config")
//			default:
//				err = r.skip()
//			}
//			if err != nil { return err }
//		}
//	}
func emitStructDecoder(f *jen.File, s *Shape, name string, bodyOnly bool) {
	keys := make([]string, 0, len(s.Members))
	for _, m := range s.Members {
		keys = append(keys, m.JSONName)
	}
	slices.Sort(keys)
	table := "keys" + s.Name
	if !bodyOnly && len(keys) > 0 {
		fileComment(f, fmt.Sprintf("%s are the JSON keys of %s's members, sorted (see fieldIndex).", table, s.Name))
		f.Var().Id(table).Op("=").Index(jen.Op("...")).String().ValuesFunc(func(g *jen.Group) {
			for _, k := range keys {
				g.Lit(k)
			}
		})
		f.Line()
	}
	f.Func().Params(jen.Id("v").Op("*").Id(s.Name)).Id(name).Params(jen.Id("r").Op("*").Id("jsonReader")).Error().BlockFunc(func(grp *jen.Group) {
		grp.List(jen.Id("ok"), jen.Err()).Op(":=").Id("r").Dot("enterObject").Call()
		grp.If(jen.Err().Op("!=").Nil().Op("||").Op("!").Id("ok")).Block(jen.Return(jen.Err()))
		// Members with a @default hold it unless the body sets them.
		for _, m := range s.Members {
			if !m.HasDefault || (bodyOnly && m.Location != InBody) {
				continue
			}
			v, err := defaultValue(m)
			if err != nil {
				continue // reported by checkDefaults before anything is emitted
			}
			grp.Id("v").Dot(m.GoName).Op("=").Add(v)
		}
		var cases []jen.Code
		for _, m := range s.Members {
			if bodyOnly && m.Location != InBody {
				continue
			}
			i, _ := slices.BinarySearch(keys, m.JSONName)
			cases = append(cases, jen.Case(jen.Lit(i)).Block(readMember(m)...)) // each reads and names the key: no comment
		}
		grp.For().BlockFunc(func(loop *jen.Group) {
			key := jen.Id("key")
			if len(cases) == 0 {
				key = jen.Id("_")
			}
			loop.List(key, jen.Id("more"), jen.Err()).Op(":=").Id("r").Dot("nextKey").Call()
			loop.If(jen.Err().Op("!=").Nil().Op("||").Op("!").Id("more")).Block(jen.Return(jen.Err()))
			loop.If(jen.Id("r").Dot("null").Call()).Block(jen.Continue())
			if len(cases) == 0 {
				loop.Err().Op("=").Id("r").Dot("skip").Call() // no members: every key is unknown
			} else {
				loop.Switch(jen.Id("fieldIndex").Call(jen.Id(table).Index(jen.Op(":")), jen.Id("key"))).Block(
					append(cases, jen.Default().Block(jen.Err().Op("=").Id("r").Dot("skip").Call()))...)
			}
			loop.Add(ifErrReturn())
		})
	})
	f.Line()
}

// fieldReader tells which runtime field reader reads struct member m in one
// call: its key in runtimeUses.Fields ("string", "intPtr", ...), or "" when
// the decoder reads m with readInto's statements (blobs, documents, big
// numbers, structs, unions, lists and maps).
func fieldReader(m *Member) string {
	t := m.Target
	kind := t.GoType.Kind
	switch t.Kind {
	case KindEnum:
		kind = GoString
	case KindIntEnum:
		kind = GoInt32
	case KindSimple:
	default:
		return ""
	}
	key := ""
	switch kind {
	case GoString:
		key = "string"
	case GoBool:
		key = "bool"
	case GoInt8, GoInt16, GoInt32, GoInt64:
		key = "int"
	case GoFloat32, GoFloat64:
		key = "float"
	case GoTime:
		key = "time"
	default:
		return ""
	}
	if m.Pointer {
		key += "Ptr"
	}
	return key
}

// fieldReaderFuncs names the field reader of each key of fieldReader.
var fieldReaderFuncs = map[string]string{
	"string": "readStringField", "stringPtr": "readStringPtrField", "bool": "readBoolField", "boolPtr": "readBoolPtrField",
	"int": "readIntField", "intPtr": "readIntPtrField", "float": "readFloatField", "floatPtr": "readFloatPtrField",
	"time": "readTimeField", "timePtr": "readTimePtrField",
}

// intBits is the size of a Go integer or float kind.
var intBits = map[GoKind]int{GoInt8: 8, GoInt16: 16, GoInt32: 32, GoInt64: 64, GoFloat32: 32, GoFloat64: 64}

// readMember returns the statements of a struct decoder's case for member m:
// they set err, and never return.
func readMember(m *Member) []jen.Code {
	field := jen.Id("v").Dot(m.GoName)
	name := jen.Lit(m.JSONName)
	setErr := func(call jen.Code) jen.Code { return jen.Err().Op("=").Add(call) }
	wrapped := func(call jen.Code) jen.Code { return setErr(jen.Id("r").Dot("wrap").Call(call, name)) }
	if key := fieldReader(m); key != "" {
		args := []jen.Code{jen.Id("r"), jen.Op("&").Add(field)}
		switch strings.TrimSuffix(key, "Ptr") {
		case "int", "float":
			bits := 32 // intEnums
			if m.Target.Kind != KindIntEnum {
				bits = intBits[m.Target.GoType.Kind]
			}
			args = append(args, jen.Lit(bits))
		case "time":
			args = append(args, jen.Lit(m.TimestampFmt))
		}
		return []jen.Code{setErr(jen.Id(fieldReaderFuncs[key]).Call(append(args, name)...))}
	}
	switch t := m.Target; t.Kind {
	case KindUnit:
		return []jen.Code{wrapped(jen.Id("r").Dot("skip").Call())}
	case KindStruct:
		if m.Pointer {
			return []jen.Code{field.Clone().Op("=").New(jen.Id(t.Name)), wrapped(field.Clone().Dot("decodeJSON").Call(jen.Id("r")))}
		}
		return []jen.Code{wrapped(field.Clone().Dot("decodeJSON").Call(jen.Id("r")))}
	case KindUnion, KindList, KindMap:
		return []jen.Code{wrapped(jen.Id(t.DecodeFunc).Call(jen.Id("r"), jen.Op("&").Add(field)))}
	}
	// Blobs, documents, big numbers: read inline; an error returns from the case.
	return readInto(m.Target, m.TimestampFmt, field, m.Pointer, name)
}

// readInto returns statements that read a value of shape t into dst (an
// addressable expression of the field's type: *T when pointer). seg is the
// path segment added to errors.
func readInto(t *Shape, tsFormat string, dst *jen.Statement, pointer bool, seg jen.Code) []jen.Code {
	wrapErr := jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("r").Dot("wrap").Call(jen.Err(), seg)))
	checked := func(call jen.Code) []jen.Code {
		return []jen.Code{jen.If(jen.Err().Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("r").Dot("wrap").Call(jen.Err(), seg)))}
	}
	switch t.Kind {
	case KindUnit:
		return []jen.Code{jen.If(jen.Err().Op(":=").Id("r").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("r").Dot("wrap").Call(jen.Err(), seg)))}
	case KindStruct:
		if pointer {
			return append([]jen.Code{dst.Clone().Op("=").New(jen.Id(t.Name))}, checked(dst.Clone().Dot("decodeJSON").Call(jen.Id("r")))...)
		}
		return checked(dst.Clone().Dot("decodeJSON").Call(jen.Id("r")))
	case KindUnion, KindList, KindMap:
		return checked(jen.Id(t.DecodeFunc).Call(jen.Id("r"), jen.Op("&").Add(dst)))
	}
	// Scalars: read into x, then convert and store.
	var read *jen.Statement
	conv := func(x jen.Code) jen.Code { return x }
	ptrFn := ""
	switch t.Kind {
	case KindEnum:
		read = jen.Id("r").Dot("readString").Call()
		conv = func(x jen.Code) jen.Code { return jen.Id(t.Name).Call(x) }
	case KindIntEnum:
		read = jen.Id("r").Dot("readInt").Call(jen.Lit(32))
		conv = func(x jen.Code) jen.Code { return jen.Id(t.Name).Call(x) }
	default:
		switch t.GoType.Kind {
		case GoString:
			read, ptrFn = jen.Id("r").Dot("readString").Call(), "String"
		case GoBool:
			read, ptrFn = jen.Id("r").Dot("readBool").Call(), "Bool"
		case GoInt8, GoInt16, GoInt32, GoInt64:
			bits := map[GoKind]int{GoInt8: 8, GoInt16: 16, GoInt32: 32, GoInt64: 64}[t.GoType.Kind]
			read = jen.Id("r").Dot("readInt").Call(jen.Lit(bits))
			ptrFn = map[GoKind]string{GoInt8: "Int8", GoInt16: "Int16", GoInt32: "Int32", GoInt64: "Int64"}[t.GoType.Kind]
			if bits != 64 {
				gt := goType(t.GoType)
				conv = func(x jen.Code) jen.Code { return gt.Clone().Call(x) }
			}
		case GoFloat32:
			read, ptrFn = jen.Id("r").Dot("readFloat").Call(jen.Lit(32)), "Float32"
			conv = func(x jen.Code) jen.Code { return jen.Float32().Call(x) }
		case GoFloat64:
			read, ptrFn = jen.Id("r").Dot("readFloat").Call(jen.Lit(64)), "Float64"
		case GoBigInt:
			read = jen.Id("r").Dot("readBigInt").Call()
		case GoBigFloat:
			read = jen.Id("r").Dot("readBigFloat").Call()
		case GoBytes:
			read = jen.Id("r").Dot("readBlob").Call()
		case GoDocument:
			read = jen.Id("r").Dot("readRaw").Call()
		case GoTime:
			read, ptrFn = jen.Id("r").Dot("readTimestamp").Call(jen.Lit(tsFormat)), "Time"
		default:
			panic(fmt.Sprintf("generator: no JSON decoding for %s", t.ID))
		}
	}
	store := conv(jen.Id("x"))
	if pointer {
		if ptrFn != "" {
			store = jen.Qual("github.com/aws/smithy-go/ptr", ptrFn).Call(conv(jen.Id("x")))
		} else {
			return []jen.Code{
				jen.List(jen.Id("x"), jen.Err()).Op(":=").Add(read),
				wrapErr,
				jen.Id("y").Op(":=").Add(conv(jen.Id("x"))),
				dst.Clone().Op("=").Op("&").Id("y"),
			}
		}
	}
	return []jen.Code{
		jen.List(jen.Id("x"), jen.Err()).Op(":=").Add(read),
		wrapErr,
		dst.Clone().Op("=").Add(store),
	}
}

// emitUnionJSON writes a union's codecs:
//
//	func encodeU(v U, value smithyjson.Value) error
//	func decodeU(r *jsonReader, v *U) error  // exactly one member; unknown ones kept (rejected in strict mode)
//	func UnmarshalU(data []byte) (U, error)
//	func (v *UMemberA) MarshalJSON() ([]byte, error), UnmarshalJSON(data []byte) error
func emitUnionJSON(f *jen.File, s *Shape) {
	f.Func().Id(s.EncodeFunc).Params(jen.Id("v").Id(s.Name), jen.Id("value").Qual(smithyJSONPkg, "Value")).Error().BlockFunc(func(grp *jen.Group) {
		grp.Id("obj").Op(":=").Id("value").Dot("Object").Call()
		grp.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type())).BlockFunc(func(sw *jen.Group) {
			for _, m := range s.Members {
				src := jen.Id("uv").Dot("Value")
				sw.Case(jen.Op("*").Id(m.Variant)).Block(writeValue(m.Target, m.TimestampFmt, src, jen.Id("obj").Dot("Key").Call(jen.Lit(m.JSONName)))...)
			}
			sw.Case(jen.Op("*").Id(s.Unknown)).Block(
				jen.If(jen.Err().Op(":=").Id("uv").Dot("encodeInto").Call(jen.Id("obj")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			)
			sw.Default().Block(jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("union "+s.Name+": unexpected member type %T"), jen.Id("v"))))
		})
		grp.Id("closeObject").Call(jen.Id("obj"))
		grp.Return(jen.Nil())
	})
	f.Line()

	f.Func().Id(s.DecodeFunc).Params(jen.Id("r").Op("*").Id("jsonReader"), jen.Id("v").Op("*").Id(s.Name)).Error().BlockFunc(func(grp *jen.Group) {
		grp.List(jen.Id("ok"), jen.Err()).Op(":=").Id("r").Dot("enterUnion").Call(jen.Lit(s.Name))
		grp.If(jen.Err().Op("!=").Nil().Op("||").Op("!").Id("ok")).Block(jen.Return(jen.Err()))
		grp.Var().Id("out").Id(s.Name)
		grp.Var().Id("keys").Index().String()
		grp.For().BlockFunc(func(loop *jen.Group) {
			loop.List(jen.Id("key"), jen.Id("more"), jen.Err()).Op(":=").Id("r").Dot("nextKey").Call()
			loop.Add(ifErrReturn())
			loop.If(jen.Op("!").Id("more")).Block(jen.Break())
			loop.Comment("The key aliases the reader's buffer: copy it before reading the value.")
			loop.Id("name").Op(":=").String().Call(jen.Id("key"))
			loop.If(jen.Id("name").Op("==").Lit("__type")).Block(
				jen.If(jen.Err().Op(":=").Id("r").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Continue(),
			)
			loop.If(jen.Id("r").Dot("null").Call()).Block(jen.Continue())
			loop.If(jen.Id("name").Op("==").Lit("")).Block(
				jen.Return(jen.Id("r").Dot("errorf").Call(jen.Lit("union " + s.Name + ": empty member name"))))
			loop.Id("keys").Op("=").Append(jen.Id("keys"), jen.Id("name"))
			loop.Switch(jen.Id("name")).BlockFunc(func(sw *jen.Group) {
				for _, m := range s.Members {
					// Read into val: readInto's scalar reads use x for the raw value.
					body := []jen.Code{jen.Var().Id("val").Add(goType(m.GoType))}
					body = append(body, readInto(m.Target, m.TimestampFmt, jen.Id("val"), false, jen.Lit(m.JSONName))...)
					body = append(body, jen.Id("out").Op("=").Op("&").Id(m.Variant).Values(jen.Id("Value").Op(":").Id("val")))
					sw.Case(jen.Lit(m.JSONName)).Block(jen.Block(body...))
				}
				sw.Default().Block(
					jen.If(jen.Id("r").Dot("strict")).Block(
						jen.Return(jen.Id("r").Dot("errorf").Call(jen.Lit("union "+s.Name+": unknown member %q"), jen.Id("name")))),
					jen.List(jen.Id("raw"), jen.Err()).Op(":=").Id("r").Dot("readRaw").Call(),
					ifErrReturn(),
					jen.Id("out").Op("=").Op("&").Id(s.Unknown).Values(jen.Id("Tag").Op(":").Id("name"), jen.Id("Value").Op(":").Id("raw")),
				)
			})
		})
		grp.If(jen.Len(jen.Id("keys")).Op("!=").Lit(1)).Block(
			jen.Return(jen.Id("unionCountError").Call(jen.Id("r"), jen.Lit(s.Name), jen.Id("keys"))),
		)
		grp.Op("*").Id("v").Op("=").Id("out")
		grp.Return(jen.Nil())
	})
	f.Line()

	fileComment(f, fmt.Sprintf("%s decodes a %s from JSON: an object with exactly one member.\n"+
		"A member this package does not know is returned as *%s.", s.UnmarshalFunc, s.Name, s.Unknown))
	f.Func().Id(s.UnmarshalFunc).Params(jen.Id("data").Index().Byte()).Params(jen.Id(s.Name), jen.Error()).Block(
		jen.Var().Id("v").Id(s.Name),
		jen.Id("r").Op(":=").Id("newJSONReader").Call(jen.Id("data"), jen.False()),
		jen.If(jen.Id("r").Dot("null").Call()).Block(jen.Return(jen.Nil(), jen.Id("r").Dot("end").Call())),
		jen.If(jen.Err().Op(":=").Id(s.DecodeFunc).Call(jen.Id("r"), jen.Op("&").Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("v"), jen.Id("r").Dot("end").Call()),
	)
	f.Line()
	for _, m := range s.Members {
		fileComment(f, fmt.Sprintf("MarshalJSON encodes the %s member as a %s object.", m.Name, s.Name))
		f.Func().Params(jen.Id("v").Id(m.Variant)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
			jen.Id("e").Op(":=").Id("newJSONEncoder").Call(),
			jen.If(jen.Err().Op(":=").Id(s.EncodeFunc).Call(jen.Op("&").Id("v"), jen.Id("e").Dot("Value")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Err())),
			jen.Return(jen.Id("encodedBytes").Call(jen.Id("e")), jen.Nil()),
		)
		f.Line()
		fileComment(f, fmt.Sprintf("UnmarshalJSON decodes a %s object whose one member is %s.", s.Name, m.Name))
		f.Func().Params(jen.Id("v").Op("*").Id(m.Variant)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
			jen.List(jen.Id("u"), jen.Err()).Op(":=").Id(s.UnmarshalFunc).Call(jen.Id("data")),
			ifErrReturn(),
			jen.If(jen.Id("u").Op("==").Nil()).Block(jen.Comment("null: nothing to do, as encoding/json expects"), jen.Return(jen.Nil())),
			jen.List(jen.Id("m"), jen.Id("ok")).Op(":=").Id("u").Assert(jen.Op("*").Id(m.Variant)),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Qual("fmt", "Errorf").Call(
				jen.Lit(fmt.Sprintf("union %s: want member %s, found %%s", s.Name, m.JSONName)), jen.Id("unionTag").Call(jen.Id("u"))))),
			jen.Op("*").Id("v").Op("=").Op("*").Id("m"),
			jen.Return(jen.Nil()),
		)
		f.Line()
	}
}

// emitUnknownUnionMemberJSON writes the helpers shared by every union.
func emitUnknownUnionMemberJSON(f *jen.File) {
	fileComment(f, "MarshalJSON writes the member back as it was read: {\"Tag\": Value}.")
	f.Func().Params(jen.Id("v").Id("UnknownUnionMember")).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id("e").Op(":=").Id("newJSONEncoder").Call(),
		jen.Id("obj").Op(":=").Id("e").Dot("Object").Call(),
		jen.If(jen.Err().Op(":=").Id("v").Dot("encodeInto").Call(jen.Id("obj")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("obj").Dot("Close").Call(),
		jen.Return(jen.Id("encodedBytes").Call(jen.Id("e")), jen.Nil()),
	)
	f.Line()
	f.Func().Params(jen.Id("v").Op("*").Id("UnknownUnionMember")).Id("encodeInto").Params(jen.Id("obj").Op("*").Qual(smithyJSONPkg, "Object")).Error().Block(
		jen.If(jen.Id("v").Dot("Tag").Op("==").Lit("")).Block(jen.Return(jen.Qual("errors", "New").Call(jen.Lit("unknown union member without a tag")))),
		jen.Return(jen.Id("writeDocument").Call(jen.Id("obj").Dot("Key").Call(jen.Id("v").Dot("Tag")), jen.Id("v").Dot("Value"))),
	)
	f.Line()
	fileComment(f, "unionTag names the member a union value holds, for error messages.")
	f.Func().Id("unionTag").Params(jen.Id("u").Any()).String().Block(
		jen.If(jen.List(jen.Id("m"), jen.Id("ok")).Op(":=").Id("u").Assert(jen.Op("*").Id("UnknownUnionMember")), jen.Id("ok")).Block(
			jen.Return(jen.Qual("strconv", "Quote").Call(jen.Id("m").Dot("Tag")))),
		jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%T"), jen.Id("u"))),
	)
	f.Line()
	fileComment(f, "unionCountError reports a union object with other than exactly one member.")
	f.Func().Id("unionCountError").Params(jen.Id("r").Op("*").Id("jsonReader"), jen.Id("union").String(), jen.Id("keys").Index().String()).Error().Block(
		jen.If(jen.Len(jen.Id("keys")).Op("==").Lit(0)).Block(
			jen.Return(jen.Id("r").Dot("errorf").Call(jen.Lit("union %s has no member set; exactly one is required"), jen.Id("union")))),
		jen.Return(jen.Id("r").Dot("errorf").Call(jen.Lit("union %s has %d members set (%s); exactly one is allowed"),
			jen.Id("union"), jen.Len(jen.Id("keys")), jen.Qual("strings", "Join").Call(jen.Id("keys"), jen.Lit(", ")))),
	)
	f.Line()
}

// emitListJSON writes a list's codecs:
//
//	func encodeL(v []T, value smithyjson.Value) error
//	func decodeL(r *jsonReader, v *[]T) error  // nulls kept in sparse lists, rejected (strict) or skipped otherwise
func emitListJSON(f *jen.File, s *Shape) {
	e := s.Elem
	f.Func().Id(s.EncodeFunc).Params(jen.Id("v").Add(goType(s.GoType)), jen.Id("value").Qual(smithyJSONPkg, "Value")).Error().BlockFunc(func(grp *jen.Group) {
		grp.Id("arr").Op(":=").Id("value").Dot("Array").Call()
		grp.For(jen.Id("i").Op(":=").Range().Id("v")).BlockFunc(func(loop *jen.Group) {
			item := jen.Id("v").Index(jen.Id("i"))
			if nullElem(s) {
				loop.If(item.Clone().Op("==").Nil()).Block(jen.Id("arr").Dot("Value").Call().Dot("Null").Call(), jen.Continue())
			}
			loop.Add(writeValue(e.Target, e.TimestampFmt, derefField(e, item), jen.Id("arr").Dot("Value").Call())...)
		})
		grp.Id("closeArray").Call(jen.Id("arr"))
		grp.Return(jen.Nil())
	})
	f.Line()
	f.Func().Id(s.DecodeFunc).Params(jen.Id("r").Op("*").Id("jsonReader"), jen.Id("v").Op("*").Add(goType(s.GoType))).Error().BlockFunc(func(grp *jen.Group) {
		grp.List(jen.Id("ok"), jen.Err()).Op(":=").Id("r").Dot("enterArray").Call()
		grp.If(jen.Err().Op("!=").Nil().Op("||").Op("!").Id("ok")).Block(jen.Return(jen.Err()))
		grp.Id("list").Op(":=").Add(goType(s.GoType)).Values()
		grp.For(jen.Id("i").Op(":=").Lit(0).Op(";").Op(";").Id("i").Op("++")).BlockFunc(func(loop *jen.Group) {
			loop.List(jen.Id("more"), jen.Err()).Op(":=").Id("r").Dot("nextItem").Call()
			loop.Add(ifErrReturn())
			loop.If(jen.Op("!").Id("more")).Block(jen.Break())
			loop.Add(nullItem(s, jen.Id("list").Op("=").Append(jen.Id("list"), jen.Nil()), jen.Lit("null item in a list that does not allow nulls")))
			body := readItem(s, jen.Lit("[").Op("+").Qual("strconv", "Itoa").Call(jen.Id("i")).Op("+").Lit("]"))
			body = append(body, jen.Id("list").Op("=").Append(jen.Id("list"), jen.Id("item")))
			loop.Block(body...)
		})
		grp.Op("*").Id("v").Op("=").Id("list")
		grp.Return(jen.Nil())
	})
	f.Line()
}

// nullElem reports whether a nil list item or map value of s is written as
// null: in a @sparse collection, for every element type that can be nil.
func nullElem(s *Shape) bool {
	if !s.Sparse {
		return false
	}
	e := s.Elem
	switch e.GoType.Kind {
	case GoSlice, GoMap, GoBytes, GoDocument, GoBigInt, GoBigFloat:
		return true
	case GoNamed:
		return e.Pointer || e.Target.Kind == KindUnion
	}
	return e.Pointer
}

// readItem declares item, a list item or map value of s, and reads it; seg is
// its path segment in errors. A sparse item that is a struct is allocated
// where it is declared (item := new(T)), not declared and then assigned.
func readItem(s *Shape, seg jen.Code) []jen.Code {
	e := s.Elem
	if e.Pointer && e.Target.Kind == KindStruct {
		return append([]jen.Code{jen.Id("item").Op(":=").New(jen.Id(e.Target.Name))},
			readInto(e.Target, e.TimestampFmt, jen.Id("item"), false, seg)...)
	}
	return append([]jen.Code{jen.Var().Id("item").Add(elemType(s.GoType))},
		readInto(e.Target, e.TimestampFmt, jen.Id("item"), e.Pointer, seg)...)
}

// nullItem handles a null list item or map value: kept (sparse), an error (strict) or skipped.
func nullItem(s *Shape, keep jen.Code, msg jen.Code) jen.Code {
	if s.Sparse {
		return jen.If(jen.Id("r").Dot("null").Call()).Block(keep, jen.Continue())
	}
	return jen.If(jen.Id("r").Dot("null").Call()).Block(
		jen.If(jen.Id("r").Dot("strict")).Block(jen.Return(jen.Id("r").Dot("errorf").Call(msg))),
		jen.Continue(),
	)
}

// emitMapJSON writes a map's codecs (keys written sorted, for stable output):
//
//	func encodeM(v map[string]T, value smithyjson.Value) error
//	func decodeM(r *jsonReader, v *map[string]T) error
func emitMapJSON(f *jen.File, s *Shape) {
	e := s.Elem
	f.Func().Id(s.EncodeFunc).Params(jen.Id("v").Add(goType(s.GoType)), jen.Id("value").Qual(smithyJSONPkg, "Value")).Error().BlockFunc(func(grp *jen.Group) {
		grp.Id("obj").Op(":=").Id("value").Dot("Object").Call()
		grp.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(jen.Id("v")))).BlockFunc(func(loop *jen.Group) {
			item := jen.Id("v").Index(jen.Id("k"))
			if nullElem(s) {
				loop.If(item.Clone().Op("==").Nil()).Block(jen.Id("obj").Dot("Key").Call(jen.Id("k")).Dot("Null").Call(), jen.Continue())
			}
			src := derefField(e, item)
			if e.GoType.Struct && !e.Pointer {
				loop.Id("item").Op(":=").Add(item)
				src = jen.Id("item")
			}
			loop.Add(writeValue(e.Target, e.TimestampFmt, src, jen.Id("obj").Dot("Key").Call(jen.Id("k")))...)
		})
		grp.Id("closeObject").Call(jen.Id("obj"))
		grp.Return(jen.Nil())
	})
	f.Line()
	f.Func().Id(s.DecodeFunc).Params(jen.Id("r").Op("*").Id("jsonReader"), jen.Id("v").Op("*").Add(goType(s.GoType))).Error().BlockFunc(func(grp *jen.Group) {
		grp.List(jen.Id("ok"), jen.Err()).Op(":=").Id("r").Dot("enterObject").Call()
		grp.If(jen.Err().Op("!=").Nil().Op("||").Op("!").Id("ok")).Block(jen.Return(jen.Err()))
		grp.Id("m").Op(":=").Add(goType(s.GoType)).Values()
		grp.For().BlockFunc(func(loop *jen.Group) {
			loop.List(jen.Id("key"), jen.Id("more"), jen.Err()).Op(":=").Id("r").Dot("nextKey").Call()
			loop.Add(ifErrReturn())
			loop.If(jen.Op("!").Id("more")).Block(jen.Break())
			loop.Id("k").Op(":=").String().Call(jen.Id("key"))
			loop.Add(nullItem(s, jen.Id("m").Index(jen.Id("k")).Op("=").Nil(), jen.Lit("null value in a map that does not allow nulls")))
			body := readItem(s, jen.Lit("[").Op("+").Id("k").Op("+").Lit("]"))
			body = append(body, jen.Id("m").Index(jen.Id("k")).Op("=").Id("item"))
			loop.Block(body...)
		})
		grp.Op("*").Id("v").Op("=").Id("m")
		grp.Return(jen.Nil())
	})
	f.Line()
}

// checkDefaults fails on a @default the decoders cannot write as a Go value
// (a default of the wrong type for its member), naming every such member.
func (g *gen) checkDefaults() error {
	var errs model.ErrorList
	for _, s := range g.allStructs() {
		for _, m := range s.Members {
			if !m.HasDefault {
				continue
			}
			if _, err := defaultValue(m); err != nil {
				errs = append(errs, model.Errorf(g.pkg.PosOf(m.ID), m.ID, "@default %s cannot be used: %v", defaultString(m.Default), err))
			}
		}
	}
	return errs.Err()
}

// defaultValue renders the @default of a struct member as a Go expression of
// the field's type: the value itself, or a pointer to it for the optional
// members of @input structures.
func defaultValue(m *Member) (jen.Code, error) {
	node, err := defaultNode(m)
	if err != nil {
		return nil, err
	}
	switch m.GoType.Kind {
	case GoBigInt, GoBigFloat:
		text := fmt.Sprint(node)
		if m.GoType.Kind == GoBigInt {
			if _, ok := new(big.Int).SetString(text, 10); !ok {
				return nil, fmt.Errorf("%q is not an integer", text)
			}
			// func() *big.Int { n, _ := new(big.Int).SetString("1", 10); return n }()
			return jen.Func().Params().Op("*").Qual("math/big", "Int").Block(
				jen.List(jen.Id("n"), jen.Id("_")).Op(":=").New(jen.Qual("math/big", "Int")).Dot("SetString").Call(jen.Lit(text), jen.Lit(10)),
				jen.Return(jen.Id("n"))).Call(), nil
		}
		if _, ok := new(big.Float).SetString(text); !ok {
			return nil, fmt.Errorf("%q is not a number", text)
		}
		return jen.Func().Params().Op("*").Qual("math/big", "Float").Block(
			jen.List(jen.Id("n"), jen.Id("_"), jen.Id("_")).Op(":=").Qual("math/big", "ParseFloat").Call(jen.Lit(text), jen.Lit(10), jen.Lit(256), jen.Qual("math/big", "ToNearestEven")),
			jen.Return(jen.Id("n"))).Call(), nil
	}
	v, err := goValue(m.Target, node)
	if err != nil {
		return nil, err
	}
	if !m.Pointer || m.GoType.Struct {
		return memberValue(m, node)
	}
	// func() *T { d := T(...); return &d }()
	return jen.Func().Params().Op("*").Add(goType(m.GoType)).Block(
		jen.Id("d").Op(":=").Add(goType(m.GoType)).Call(v),
		jen.Return(jen.Op("&").Id("d"))).Call(), nil
}
