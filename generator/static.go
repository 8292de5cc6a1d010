package generator

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"

	"github.com/smithygen/smithygen/templates"
)

var tmpl = template.Must(template.New("").ParseFS(templates.FS, "*.txt", "*.go.tmpl"))

func renderTemplate(name string, data any) (string, error) {
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// staticData is what a runtime template reads: the file header, the package
// name and which optional helpers the package calls.
type staticData struct {
	Header  string
	Package string
	runtimeUses
	Server serverRuntimeUses // the optional helpers of server_runtime.go and fake_runtime.go (emit_server_ir.go)
	Tests  protocolTestUses  // what protocol_runtime_test.go writes (emit_protocoltests.go)
}

// runtimeUses tells which optional runtime helpers the generated code of a
// package calls, so that templates write only those (wrapped in
// {{if .UsesX}}) and a package carries no dead code.
type runtimeUses struct {
	UsesString    bool // jsonReader.readString: strings, enums, floats (NaN, Infinity) and timestamps
	UsesInt       bool // readInt: integers and intEnums
	UsesFloat     bool // readFloat and package math: floats
	UsesBigInt    bool // readBigInt: bigInteger
	UsesBigFloat  bool // readBigFloat: bigDecimal
	UsesBig       bool // package math/big: UsesBigInt or UsesBigFloat
	UsesBlob      bool // readBlob and package encoding/base64: blobs
	UsesTimestamp bool // readTimestamp, parseTimestamp, packages time and smithytime: timestamps
	UsesEpoch     bool // writeEpochSeconds, formatEpochSeconds: timestamps written as epoch seconds
	// UsesSmithyJSON: package smithyjson, for writeDocument, writeEpochSeconds or writeFloat (UsesRaw, UsesEpoch or UsesFloat).
	UsesSmithyJSON bool
	UsesRaw        bool // readRaw, writeDocument and package encoding/json: documents and unknown union members
	UsesUnion      bool // enterUnion: unions
	// UsesJSONStructs: jsonDecoder, unmarshalStruct and the encoder helpers
	// (newJSONEncoder, encodedBytes, closeObject): the package has
	// structs (its operations' inputs and outputs at least).
	UsesJSONStructs bool
	// UsesLists: closeArray, for the list encoders.
	UsesLists bool
	// UsesWriteString: writeString, for strings, enums and timestamps
	// written as text.
	UsesWriteString bool
	// Fields holds the keys of the field readers struct decoders call (see
	// fieldReader): "string", "stringPtr", "int", "intPtr", ...
	Fields map[string]bool
	// UsesRedact: the package has types that redact (redact.go), printed by
	// the walker of redact_runtime.go.
	UsesRedact bool
	// UsesFakeTables: the fake stores records, so fake_runtime.go writes the
	// snapshot helpers of its tables.
	UsesFakeTables bool
}

// usesOf computes the runtimeUses of p from the kinds of its shapes. Every
// member of a struct is read by its full decoder, so every shape of the
// closure counts.
func usesOf(p *Package) runtimeUses {
	var u runtimeUses
	for _, s := range p.Shapes {
		switch s.Kind {
		case KindEnum:
			u.UsesString, u.UsesWriteString = true, true
		case KindIntEnum:
			u.UsesInt = true
		case KindUnion:
			u.UsesRaw = true
			u.UsesUnion = true
		case KindSimple:
			switch s.GoType.Kind {
			case GoString:
				u.UsesString, u.UsesWriteString = true, true
			case GoInt8, GoInt16, GoInt32, GoInt64:
				u.UsesInt = true
			case GoFloat32, GoFloat64:
				u.UsesFloat = true
			case GoBigInt:
				u.UsesBigInt = true
			case GoBigFloat:
				u.UsesBigFloat = true
			case GoBytes:
				u.UsesBlob = true
			case GoTime:
				u.UsesTimestamp = true
			case GoDocument:
				u.UsesRaw = true
			}
		}
	}
	for _, s := range p.Shapes {
		for _, m := range append(append([]*Member{}, s.Members...), s.Elem) {
			if m != nil && m.Target.GoType.Kind == GoTime && m.TimestampFmt == "epoch-seconds" {
				u.UsesEpoch = true
			}
			if m != nil && m.Target.GoType.Kind == GoTime && m.TimestampFmt != "epoch-seconds" {
				u.UsesWriteString = true
			}
		}
	}
	u.UsesJSONStructs = len(p.Operations) > 0
	for _, s := range p.Shapes {
		if s.Kind == KindList {
			u.UsesLists = true
		}
		if s.Kind != KindStruct {
			continue
		}
		u.UsesJSONStructs = true
		for _, m := range s.Members {
			if key := fieldReader(m); key != "" {
				if u.Fields == nil {
					u.Fields = map[string]bool{}
				}
				u.Fields[key] = true
			}
		}
	}
	u.UsesString = u.UsesString || u.UsesFloat || u.UsesTimestamp
	u.UsesBig = u.UsesBigInt || u.UsesBigFloat
	u.UsesSmithyJSON = u.UsesRaw || u.UsesEpoch || u.UsesFloat
	// The server IR exists once server.go is emitted, which the emitter
	// table does before it renders fake_runtime.go.
	if p.Server != nil && p.Server.Fake != nil {
		u.UsesFakeTables = len(p.Server.Fake.Resources) > 0
	}
	return u
}

// renderStatic renders a runtime file from templates/<file>.tmpl for package p and gofmts it.
// A template that renders to nothing but space produces no file (errNoFile).
func renderStatic(p *Package, file string) ([]byte, error) {
	data := staticData{Header: header(p), Package: p.Name, runtimeUses: usesOf(p), Tests: protocolTestUsesOf(p)}
	if p.Server != nil {
		// Built by the server emitter, which the emitter table runs before
		// it renders server_runtime.go and fake_runtime.go.
		data.Server = serverUsesOf(p)
	}
	if file == "redact_runtime.go" {
		data.UsesRedact = newRedactor(p).redactsAny() // a fixpoint over the shapes: only for the file that reads it
	}
	text, err := renderTemplate(file+".tmpl", data)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, errNoFile
	}
	out, err := gofmt([]byte(text))
	if err != nil {
		return nil, fmt.Errorf("template %s does not format: %w", file, err)
	}
	return out, nil
}
