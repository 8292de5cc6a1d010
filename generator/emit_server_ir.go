package generator

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates"
)

// ServerIR is what the server and fake emitters know about a package beyond
// its types: the routing table and the helpers they write, each with its name
// decided here, once.
type ServerIR struct {
	Routes      []*Route             // every operation's route, most specific first
	Validations []*ValidationMapping // one per validation error shape used, sorted by shape ID
	Fake        *FakeIR
	names       *nameSet
}

// OperationServer is the wire-level view of one operation.
type OperationServer struct {
	Route        *Route
	Labels       []*Member          // input members bound to labels, in model order: label i of a route is Labels[i]
	Validation   *ValidationMapping // the operation's own validation error; nil: a generic 400 ValidationException
	InPayload    *Member            // input member bound with @httpPayload, or nil
	OutPayload   *Member            // output member bound with @httpPayload, or nil
	RequestType  string             // Content-Type a request body must have; "" when the input has no body, "*" for any
	ResponseType string             // Content-Type of a successful reply body; "" when the output is Unit
	UnitOutput   bool               // the model says the output is smithy.api#Unit: the reply has no body
	Fake         *FakeOperation     // what the in-memory fake does
}

// Route is an operation's HTTP method and parsed URI pattern.
type Route struct {
	Method   string
	Pattern  string // the @http uri, for documentation
	Segments []RouteSegment
	Query    []QueryLiteral
	Op       *Operation
}

// RouteSegment is one path segment of a pattern: a literal or a label.
type RouteSegment struct {
	Literal string
	Label   int // index into OperationServer.Labels; -1 for literals
	Greedy  bool
}

// QueryLiteral is a literal query part of a pattern: "?key" or "?key=value".
type QueryLiteral struct {
	Key, Value string
}

// ValidationMapping tells how a validation failure fills an error shape: the
// summary goes to Message, Reason gets ReasonValue, and each failing field
// becomes an element of FieldList with FieldPath and FieldMessage set.
type ValidationMapping struct {
	Shape        *Shape
	Func         string // name of the builder: func(*validationFailure) error
	Message      *Member
	Reason       *Member
	ReasonValue  *EnumValue
	FieldList    *Member
	FieldElem    *Shape
	FieldPath    *Member
	FieldMessage *Member
	RequestID    *Member
}

// validationErrorNames are the names of error shapes that report invalid
// input, most preferred first.
var validationErrorNames = []string{"ValidationException", "InvalidParameterValueException",
	"InvalidParameterException", "InvalidRequestException", "InvalidInputException", "BadRequestException"}

// runtimeNames are the package-level identifiers of the static runtime files
// (templates/*.go.tmpl); a helper name decided here never takes one of them.
var runtimeNames = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	entries, _ := fs.Glob(templates.FS, "*.go.tmpl")
	for _, e := range entries {
		// Every optional section on, so that every name a template can write is seen.
		all := runtimeUses{UsesString: true, UsesInt: true, UsesFloat: true, UsesBigInt: true, UsesBigFloat: true,
			UsesBig: true, UsesBlob: true, UsesTimestamp: true, UsesEpoch: true, UsesSmithyJSON: true, UsesRaw: true,
			UsesUnion: true, UsesFakeTables: true, UsesJSONStructs: true, UsesLists: true, UsesWriteString: true, Fields: map[string]bool{}}
		for k := range fieldReaderFuncs {
			all.Fields[k] = true
		}
		server := serverRuntimeUses{PrefixHeaders: true, SplitHeaderList: true, SplitHTTPDateList: true, QuoteHeaderValue: true,
			ParseBool: true, ParseInt: true, ParseFloat: true, ParseBigInt: true, ParseBigFloat: true, ParseBlob: true, ParseBig: true,
			FormatFloat: true, FormatTimestamp: true, Math: true, FakeNewID: true, FakeNotFound: true, FakeConflict: true, FakeDropTokens: true}
		text, err := renderTemplate(e, staticData{Header: "x", Package: "x", runtimeUses: all, Server: server})
		if err != nil {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), e, text, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					names[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						names[s.Name.Name] = true
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names[n.Name] = true
						}
					}
				}
			}
		}
	}
	return names
})

// nameSet hands out unexported package-level names that collide with nothing
// else in the package: the first claim of a name keeps it, later ones get "_".
type nameSet struct{ taken map[string]bool }

func newNameSet(p *Package) *nameSet {
	n := &nameSet{taken: maps.Clone(runtimeNames())}
	// Generated helpers of other emitters and the fields of Fake.
	for _, r := range []string{"routes", "cfg", "mu", "serverOnce", "server", "tokens"} {
		n.taken[r] = true
	}
	for _, s := range p.Shapes {
		for _, f := range []string{s.EncodeFunc, s.DecodeFunc, s.ValidateFunc, s.UnmarshalFunc} {
			if f != "" {
				n.taken[f] = true
			}
		}
		if s.Kind == KindUnion {
			n.taken["is"+s.Name] = true
		}
	}
	for _, op := range p.Operations {
		for _, s := range []*Shape{op.Input, op.Output} {
			n.taken[s.EncodeFunc] = true
			n.taken[s.DecodeFunc] = true
		}
	}
	return n
}

func (n *nameSet) claim(want string) string {
	for n.taken[want] {
		want += "_"
	}
	n.taken[want] = true
	return want
}

// buildServerIR decides routes, content types, validation error mappings and
// the fake's lifecycle for every operation of p. It runs once per package;
// the server emitters call it before they write.
func buildServerIR(p *Package) (*ServerIR, error) {
	if p.Server != nil {
		return p.Server, nil
	}
	sir := &ServerIR{names: newNameSet(p)}
	var errs model.ErrorList
	byShape := map[*Shape]*ValidationMapping{}
	for _, op := range p.Operations {
		so := &OperationServer{UnitOutput: p.Shape(op.Output.ID) == nil}
		op.Server = so
		for _, m := range op.Input.Members {
			switch m.Location {
			case InLabel:
				so.Labels = append(so.Labels, m)
			case InPayload:
				so.InPayload = m
			}
		}
		for _, m := range op.Output.Members {
			if m.Location == InPayload {
				so.OutPayload = m
			}
		}
		so.RequestType = requestContentType(op.Input, so.InPayload)
		if len(op.Input.Members) == 0 && p.Shape(op.Input.ID) != nil {
			// A modeled input with no members: its body is an empty JSON object.
			so.RequestType = "application/json"
		}
		if !so.UnitOutput {
			so.ResponseType = payloadContentType(so.OutPayload)
			if so.OutPayload != nil && anyMediaType(so.OutPayload) {
				so.ResponseType = "" // any Accept will do
			}
		}
		rt, err := parseRoute(op, so.Labels)
		if err != nil {
			errs = append(errs, model.Errorf(op.HTTPPos, op.ID, "%v", err))
			continue
		}
		so.Route = rt
		sir.Routes = append(sir.Routes, rt)
		if vs := validationErrorShape(op); vs != nil {
			vm, ok := byShape[vs]
			if !ok {
				vm = validationMapping(vs)
				byShape[vs] = vm
				sir.Validations = append(sir.Validations, vm)
			}
			so.Validation = vm
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(sir.Routes, compareRoutes)
	slices.SortFunc(sir.Validations, func(a, b *ValidationMapping) int { return a.Shape.ID.Compare(b.Shape.ID) })
	for _, vm := range sir.Validations {
		vm.Func = sir.names.claim("new" + vm.Shape.Name)
	}
	fake, err := buildFakeIR(p, sir.names)
	if err != nil {
		return nil, err
	}
	sir.Fake = fake
	p.Server = sir
	return sir, nil
}

// requestContentType is the Content-Type a request body of input in must carry.
func requestContentType(in *Shape, payload *Member) string {
	for _, m := range in.Members {
		if m.Location == InHeader && strings.EqualFold(m.LocationName, "Content-Type") {
			return "*"
		}
	}
	if payload != nil {
		if anyMediaType(payload) {
			return "*"
		}
		return payloadContentType(payload)
	}
	for _, m := range in.Members {
		if m.Location == InBody {
			return "application/json"
		}
	}
	return ""
}

// anyMediaType reports whether a payload takes any Content-Type (and any
// Accept): a blob without @mediaType.
func anyMediaType(payload *Member) bool {
	return payload.Target.Type == model.Blob && payload.Target.MediaType == ""
}

// payloadContentType is the Content-Type of a body: the payload member's
// media type, or the one its shape implies; JSON without a payload member.
func payloadContentType(payload *Member) string {
	if payload == nil {
		return "application/json"
	}
	if mt := payload.Target.MediaType; mt != "" {
		return mt
	}
	switch payload.Target.Type {
	case model.Blob:
		return "application/octet-stream"
	case model.String, model.Enum:
		return "text/plain"
	}
	return "application/json"
}

// parseRoute parses the operation's @http uri into segments and query literals.
func parseRoute(op *Operation, labels []*Member) (*Route, error) {
	uri := op.HTTP.URI
	rt := &Route{Method: strings.ToUpper(op.HTTP.Method), Pattern: uri, Op: op}
	if rt.Method == "" || !strings.HasPrefix(uri, "/") {
		return nil, fmt.Errorf("@http needs a method and a uri starting with \"/\" (found %q %q)", op.HTTP.Method, uri)
	}
	path, query, _ := strings.Cut(uri, "?")
	for _, seg := range strings.Split(strings.Trim(path, "/"), "/") {
		if seg == "" {
			continue
		}
		if !strings.ContainsAny(seg, "{}") {
			rt.Segments = append(rt.Segments, RouteSegment{Literal: seg, Label: -1})
			continue
		}
		if !strings.HasPrefix(seg, "{") || !strings.HasSuffix(seg, "}") || strings.Count(seg, "{") != 1 || strings.Count(seg, "}") != 1 {
			return nil, fmt.Errorf("uri %q: a label must span a whole path segment", uri)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(seg, "{"), "}")
		greedy := strings.HasSuffix(name, "+")
		name = strings.TrimSuffix(name, "+")
		i := slices.IndexFunc(labels, func(m *Member) bool { return m.LocationName == name })
		if i < 0 {
			return nil, fmt.Errorf("uri %q: label {%s} has no input member with @httpLabel", uri, name)
		}
		rt.Segments = append(rt.Segments, RouteSegment{Label: i, Greedy: greedy})
	}
	for i, m := range labels {
		if !slices.ContainsFunc(rt.Segments, func(s RouteSegment) bool { return s.Label == i }) {
			return nil, fmt.Errorf("uri %q: member %s has @httpLabel but the uri has no {%s}", uri, m.Name, m.LocationName)
		}
	}
	if query != "" {
		for _, part := range strings.Split(query, "&") {
			if part == "" {
				continue
			}
			k, v, _ := strings.Cut(part, "=")
			rt.Query = append(rt.Query, QueryLiteral{Key: k, Value: v})
		}
	}
	return rt, nil
}

// compareRoutes orders routes most specific first (the Smithy specificity
// routing rules): position by position a literal beats a label and a label
// beats a greedy label; then more segments win, then more query literals.
// Ties keep operation order, so the order is total and deterministic.
func compareRoutes(a, b *Route) int {
	rank := func(s RouteSegment) int {
		switch {
		case s.Label < 0:
			return 0
		case !s.Greedy:
			return 1
		}
		return 2
	}
	for i := 0; i < min(len(a.Segments), len(b.Segments)); i++ {
		if c := cmp.Compare(rank(a.Segments[i]), rank(b.Segments[i])); c != 0 {
			return c
		}
		if c := strings.Compare(a.Segments[i].Literal, b.Segments[i].Literal); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(len(b.Segments), len(a.Segments)); c != 0 {
		return c
	}
	if c := cmp.Compare(len(b.Query), len(a.Query)); c != 0 {
		return c
	}
	return strings.Compare(a.Op.Name, b.Op.Name)
}

// validationErrorShape returns the operation error that reports invalid
// input: the first of validationErrorNames, else an error with a list of
// field/message structures, else nil.
func validationErrorShape(op *Operation) *Shape {
	for _, name := range validationErrorNames {
		for _, e := range op.Errors {
			if e.ID.Name == name {
				return e
			}
		}
	}
	for _, e := range op.Errors {
		if vm := validationMapping(e); vm.FieldList != nil {
			return e
		}
	}
	return nil
}

// validationMapping finds, by name, the members of an error shape that a
// validation failure fills.
func validationMapping(s *Shape) *ValidationMapping {
	vm := &ValidationMapping{Shape: s, Message: messageMember(s)}
	for _, m := range s.Members {
		lower := strings.ToLower(m.Name)
		switch {
		case m.Location != InBody:
		case m.Target.Kind == KindEnum && strings.Contains(lower, "reason") && vm.Reason == nil:
			vm.Reason, vm.ReasonValue = m, closestValue(m.Target, "FIELD_VALIDATION_FAILED", "FIELD", "VALIDATION", "INVALID", "OTHER")
			if vm.ReasonValue == nil {
				vm.Reason = nil
			}
		case lower == "requestid" && m.GoType.Kind == GoString:
			vm.RequestID = m
		case m.Target.Kind == KindList && m.Target.Elem.Target.Kind == KindStruct && vm.FieldList == nil:
			elem := m.Target.Elem.Target
			path := memberNamed(elem, "path", "name", "field", "fieldname", "fieldpath", "parametername", "parameter")
			msg := messageMember(elem)
			if path != nil && msg != nil && path.GoType.Kind == GoString {
				vm.FieldList, vm.FieldElem, vm.FieldPath, vm.FieldMessage = m, elem, path, msg
			}
		}
	}
	return vm
}

// memberNamed returns the first string member whose name, case-insensitively, is one of names (in order of names).
func memberNamed(s *Shape, names ...string) *Member {
	for _, n := range names {
		for _, m := range s.Members {
			if strings.EqualFold(m.Name, n) && m.GoType.Kind == GoString && m.Target.Kind == KindSimple {
				return m
			}
		}
	}
	return nil
}

// closestValue returns the enum value equal to the first want, else the
// first value containing a later want, else nil.
func closestValue(s *Shape, want ...string) *EnumValue {
	for i, w := range want {
		for _, v := range s.Values {
			u := strings.ToUpper(v.String)
			if (i == 0 && u == w) || (i > 0 && strings.Contains(u, w)) {
				return v
			}
		}
	}
	return nil
}

// serverRuntimeUses tells which optional helpers of server_runtime.go and
// fake_runtime.go the package's server.go and fake.go call, so that the
// templates write only those ({{if .Server.X}}). It follows the choices of
// the emitters: bindScalar, bindList and bindQueryParams parse, emitEncodeHTTP
// formats, emitFakeOperation falls back to generic errors.
type serverRuntimeUses struct {
	PrefixHeaders     bool // prefixHeaders: an input @httpPrefixHeaders member
	SplitHeaderList   bool // splitHeaderList: an input list header of other than http-date timestamps
	SplitHTTPDateList bool // splitHTTPDateList: an input list header of http-date timestamps
	QuoteHeaderValue  bool // quoteHeaderValue: an output list header of strings or enums
	ParseBool         bool // parseBoolParam
	ParseInt          bool // parseIntParam: integers and intEnums
	ParseFloat        bool // parseFloatParam and package math
	ParseBigInt       bool // parseBigIntParam
	ParseBigFloat     bool // parseBigFloatParam
	ParseBlob         bool // parseBlobParam and package encoding/base64: blobs, base64 media-type header strings
	ParseBig          bool // package math/big: ParseBigInt or ParseBigFloat
	FormatFloat       bool // formatFloatParam: output float headers (and package math)
	FormatTimestamp   bool // formatTimestampParam, packages time and smithytime: output timestamp headers
	Math              bool // package math: ParseFloat or FormatFloat
	FakeNewID         bool // fakeNewID: a create that makes up the ID
	FakeNotFound      bool // fakeNotFound: a missing record whose operation has no not-found error
	FakeConflict      bool // fakeConflict: a duplicate whose create has no conflict error
	FakeDropTokens    bool // fakeDropTokens: a delete of records that creates with idempotency tokens make
}

// serverUsesOf computes the serverRuntimeUses of p, whose server IR is built.
func serverUsesOf(p *Package) serverRuntimeUses {
	var u serverRuntimeUses
	parse := func(t *Shape, base64Str bool) {
		switch t.Kind {
		case KindEnum:
			return
		case KindIntEnum:
			u.ParseInt = true
			return
		}
		switch t.GoType.Kind {
		case GoString:
			u.ParseBlob = u.ParseBlob || base64Str
		case GoBool:
			u.ParseBool = true
		case GoInt8, GoInt16, GoInt32, GoInt64:
			u.ParseInt = true
		case GoFloat32, GoFloat64:
			u.ParseFloat = true
		case GoBigInt:
			u.ParseBigInt = true
		case GoBigFloat:
			u.ParseBigFloat = true
		case GoBytes:
			u.ParseBlob = true
		}
	}
	format := func(t *Shape) {
		if t.Kind == KindEnum || t.Kind == KindIntEnum {
			return
		}
		switch t.GoType.Kind {
		case GoFloat32, GoFloat64:
			u.FormatFloat = true
		case GoTime:
			u.FormatTimestamp = true
		}
	}
	for _, op := range p.Operations {
		for _, m := range op.Input.Members {
			location := map[Location]string{InLabel: "label", InQuery: "query", InHeader: "header"}[m.Location]
			switch {
			case m.Location == InPrefixHeaders:
				u.PrefixHeaders = true
			case m.Location == InQueryParams:
				if val := m.Target.Elem; val.Target.Kind == KindList {
					parse(val.Target.Elem.Target, false)
				} else {
					parse(val.Target, false)
				}
			case location != "" && m.Target.Kind == KindList:
				elem := m.Target.Elem
				parse(elem.Target, elem.Target.MediaType != "" && location == "header")
				if location == "header" {
					if elem.Target.Type == model.Timestamp && listTimestampFormat(m, "header") == "http-date" {
						u.SplitHTTPDateList = true
					} else {
						u.SplitHeaderList = true
					}
				}
			case location != "":
				parse(m.Target, m.Target.MediaType != "" && location == "header")
			}
		}
		if fo := op.Server.Fake; fo != nil {
			switch fo.Kind {
			case FakeCreate, FakePut:
				u.FakeNewID = u.FakeNewID || fo.ID == nil
				u.FakeConflict = u.FakeConflict || (fo.Kind == FakeCreate && fo.ID != nil && fo.Conflict == nil)
				u.FakeNotFound = u.FakeNotFound || (fo.Resource.Parent != nil && fo.NotFound == nil)
			case FakeRead, FakeUpdate, FakeDelete, FakeAction:
				u.FakeNotFound = u.FakeNotFound || fo.NotFound == nil
				u.FakeDropTokens = u.FakeDropTokens || (fo.Kind == FakeDelete && len(tokenPrefixes(p, fo.Resource)) > 0)
			case FakeList:
				u.FakeNotFound = u.FakeNotFound || (fo.Resource.Parent != nil && fo.NotFound == nil)
			}
		}
	}
	var replies []*Shape
	for _, op := range p.Operations {
		replies = append(replies, op.Output)
	}
	for _, s := range p.Shapes {
		if s.IsError {
			replies = append(replies, s)
		}
	}
	for _, s := range replies {
		for _, m := range s.Members {
			if m.Location != InHeader {
				continue
			}
			if m.Target.Kind == KindList {
				e := m.Target.Elem.Target
				format(e)
				u.QuoteHeaderValue = u.QuoteHeaderValue || e.Kind == KindEnum || e.GoType.Kind == GoString
			} else {
				format(m.Target)
			}
		}
	}
	u.ParseBig = u.ParseBigInt || u.ParseBigFloat
	u.Math = u.ParseFloat || u.FormatFloat
	return u
}
