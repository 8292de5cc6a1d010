package generator

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// The protocoltests artifact turns the smithy.test traits of a model into
// protocol_test.go: every case is served through NewServer with a Handler
// that records the input it is called with and replies with what the case
// says (protocolTestHandler). The static helpers the cases call are
// protocol_runtime_test.go (templates/protocol_runtime_test.go.tmpl).
//
// Data flows as everywhere else: BuildProtocolTests reads the traits of the
// model once into ProtocolTests (typed cases, testParameters expanded, skips
// decided); emitProtocolTests only renders them.

// The smithy.test traits read.
var (
	traitHTTPRequestTests          = model.MustShapeID("smithy.test#httpRequestTests")
	traitHTTPResponseTests         = model.MustShapeID("smithy.test#httpResponseTests")
	traitHTTPMalformedRequestTests = model.MustShapeID("smithy.test#httpMalformedRequestTests")
	traitEventStreamTests          = model.MustShapeID("smithy.test#eventStreamTests")
)

// restJSON1Protocol is the protocol of the cases smithygen runs.
const restJSON1Protocol = "aws.protocols#restJson1"

// TestKind is the trait a protocol test case comes from.
type TestKind int

// The kinds of protocol test cases, in the order protocol_test.go runs them.
const (
	RequestTests     TestKind = iota // smithy.test#httpRequestTests
	ResponseTests                    // smithy.test#httpResponseTests
	MalformedTests                   // smithy.test#httpMalformedRequestTests, one case per testParameters index
	EventStreamTests                 // smithy.test#eventStreamTests: always skipped
)

// testKinds names each kind: its trait and the Go test function running its cases.
var testKinds = [...]struct{ trait, goTest, doc string }{
	RequestTests: {"httpRequestTests", "TestHTTPRequestTests",
		"sends each request to NewServer and compares the input the handler receives\n" +
			"with the case's params; a client-only case checks the JSON the input's encoder writes."},
	ResponseTests: {"httpResponseTests", "TestHTTPResponseTests",
		"has the handler reply with the case's params (an output, or an error) and\n" +
			"compares status, headers and body of NewServer's reply; a client-only case\n" +
			"checks what the output's JSON decoder reads from the body."},
	MalformedTests: {"httpMalformedRequestTests", "TestHTTPMalformedRequestTests",
		"sends each malformed request to NewServer and checks that it is rejected with\n" +
			"the case's status, headers and body."},
	EventStreamTests: {"eventStreamTests", "TestEventStreamTests",
		"lists the event stream cases, all skipped: smithygen does not support event streams."},
}

func (k TestKind) String() string { return testKinds[k].trait }

// ProtocolTests are the protocol test cases of a package, in emission order:
// by kind, then by operation (or error) shape ID, then in trait order.
type ProtocolTests struct {
	Cases []*ProtocolTestCase
}

// ProtocolTestCase is one test case, ready to render.
type ProtocolTestCase struct {
	Kind      TestKind
	ID        string // malformed cases expanded from testParameters: "<id>_case<i>"
	BaseID    string // the ID in the model (before expansion)
	Doc       string
	Protocol  string
	AppliesTo string        // "", "client" or "server"
	OpID      model.ShapeID // the operation the case belongs to (response tests of errors: the operation served)
	Op        *Operation    // nil when the operation is not generated
	Error     *Shape        // response tests of an error shape: the error
	Skip      string        // why the case does not run; "" when it runs

	Params    any // the params node (request and response tests), decoded from the model
	HasParams bool

	Request  *TestHTTPRequest  // request tests: the request as a client sends it; malformed tests: the request sent
	Response *TestHTTPResponse // response tests: the reply expected; malformed tests: the rejection expected
}

// TestHTTPRequest is an HTTP request of a protocol test.
type TestHTTPRequest struct {
	Method, URI, Host  string
	QueryParams        []string
	Headers            map[string]string
	Body               *string // nil: no body given
	BodyMediaType      string
	ForbidQueryParams  []string
	RequireQueryParams []string
	ForbidHeaders      []string
	RequireHeaders     []string
}

// TestHTTPResponse is the HTTP reply a protocol test expects.
type TestHTTPResponse struct {
	Code           int
	Headers        map[string]string
	ForbidHeaders  []string
	RequireHeaders []string
	Body           *string // nil: no assertion on the body (malformed tests: assertion.contents)
	BodyMediaType  string
	MessageRegex   *string // malformed tests: a regexp the body's message must match
}

// testCaseNode is a case of any of the smithy.test traits, as its node
// value reads. Params stays raw, to be decoded keeping its numbers.
type testCaseNode struct {
	ID             string              `json:"id"`
	Protocol       string              `json:"protocol"`
	Documentation  string              `json:"documentation"`
	AppliesTo      string              `json:"appliesTo"`
	Params         json.RawMessage     `json:"params"`
	Code           int                 `json:"code"`
	Request        *malformedRequest   `json:"request"`
	Response       *malformedResponse  `json:"response"`
	TestParameters map[string][]string `json:"testParameters"`
	httpMessage
}

// httpMessage holds the members of the smithy.test HTTP message mixins.
type httpMessage struct {
	Method             string            `json:"method"`
	URI                string            `json:"uri"`
	Host               string            `json:"host"`
	QueryParams        []string          `json:"queryParams"`
	ForbidQueryParams  []string          `json:"forbidQueryParams"`
	RequireQueryParams []string          `json:"requireQueryParams"`
	Headers            map[string]string `json:"headers"`
	ForbidHeaders      []string          `json:"forbidHeaders"`
	RequireHeaders     []string          `json:"requireHeaders"`
	Body               *string           `json:"body"`
	BodyMediaType      string            `json:"bodyMediaType"`
}

type malformedRequest struct {
	Method        string            `json:"method"`
	URI           string            `json:"uri"`
	Host          string            `json:"host"`
	QueryParams   []string          `json:"queryParams"`
	Headers       map[string]string `json:"headers"`
	Body          *string           `json:"body"`
	BodyMediaType string            `json:"bodyMediaType"`
}

type malformedResponse struct {
	Code    int               `json:"code"`
	Headers map[string]string `json:"headers"`
	Body    *struct {
		MediaType string `json:"mediaType"`
		Assertion struct {
			Contents     *string `json:"contents"`
			MessageRegex *string `json:"messageRegex"`
		} `json:"assertion"`
	} `json:"body"`
}

// Features a case may need that smithygen does not provide; each is a row
// of protocolTestSkips.
const (
	featureEventStream    = "event-stream"
	featureStreamingBlob  = "streaming-blob"
	featureNotGenerated   = "operation-not-generated"
	featureOtherProtocol  = "other-protocol"
	featureClientBindings = "client-http-bindings"
	featureClientErrors   = "client-error-dispatch"
	featureClientNoBody   = "client-no-json-body"
	// A request test of an operation with @requestCompression that gives no
	// body: it is about the client compressing it.
	featureRequestCompression = "client-request-compression"
)

// protocolTestSkip is a row of the skip table: every case needing Feature,
// or the case with ID (every testParameters case of it), is skipped for Reason.
type protocolTestSkip struct {
	Feature string
	ID      string
	Reason  string
}

// protocolTestSkips is the one place that decides which protocol tests do not
// run, and why. A case runs unless a row here names its ID or a feature it
// needs; everything a server could pass runs.
var protocolTestSkips = []protocolTestSkip{
	{Feature: featureEventStream, Reason: "event streams are not supported"},
	{Feature: featureStreamingBlob, Reason: "streaming blobs (@streaming) are not supported"},
	{Feature: featureNotGenerated, Reason: "the operation is not in the generated package (not selected)"},
	{Feature: featureOtherProtocol, Reason: "the case is for another protocol; smithygen speaks restJson1"},
	{Feature: featureClientBindings, Reason: "client-only: it asserts how a client writes the URI, query, headers or host; smithygen generates servers, not clients"},
	{Feature: featureClientErrors, Reason: "client-only: it asserts how a client tells the error type from X-Amzn-Errortype, code or __type; smithygen generates no client"},
	{Feature: featureClientNoBody, Reason: "client-only: the response has no JSON body for the output's decoder to read, and smithygen generates no client to read headers and status"},
	{Feature: featureRequestCompression, Reason: "it asserts that a client compresses the body (@requestCompression) and gives no body to send; smithygen generates no client"},
	{ID: "RestJsonEndpointTraitWithHostLabel", Reason: "it asserts the client's @endpoint host prefix (resolvedHost); its JSON body comes without Content-Type, which RestJsonWithBodyExpectsApplicationJsonContentTypeNoHeaders requires a server to reject with 415"},
	{ID: "RestJsonMalformedPatternReDOSString", Reason: "the expected message reads `$$` where the pattern has `$`: the case has no testParameters, so nothing turns `$$` into `$` and no server can match it (smithy-lang/smithy#1506)"},
}

// skipReason returns why a case with this ID (and base ID) needing these
// features is skipped, or "" when it runs: the first matching row wins.
func skipReason(id, baseID string, features []string) string {
	for _, s := range protocolTestSkips {
		if (s.ID != "" && (s.ID == id || s.ID == baseID)) || (s.Feature != "" && slices.Contains(features, s.Feature)) {
			return s.Reason
		}
	}
	return ""
}

// BuildProtocolTests reads the smithy.test cases of the service of p from m
// into p.Tests: those of p's operations and errors, and those of the
// service's operations p does not generate (skipped, with why). It decodes
// params, expands testParameters and decides skips; it fails on cases whose
// params do not fit their shapes, naming the case.
func BuildProtocolTests(m *model.Model, svc *model.Shape, p *Package) error {
	if _, err := buildServerIR(p); err != nil {
		return err
	}
	b := &irBuilder{m: m, svc: svc, rename: svc.Rename}
	ops, err := b.selectOperations()
	if err != nil {
		return err
	}
	slices.SortFunc(ops, func(a, c *model.Shape) int { return a.ID.Compare(c.ID) })
	byID := map[model.ShapeID]*Operation{}
	for _, op := range p.Operations {
		byID[op.ID] = op
	}
	pt := &ProtocolTests{}
	var errs model.ErrorList
	add := func(cs []*ProtocolTestCase, err error) {
		if err != nil {
			errs = append(errs, asModelError(err))
		}
		pt.Cases = append(pt.Cases, cs...)
	}
	// Errors with response tests are served through the first operation (by
	// shape ID) that can return them.
	errorOp := map[model.ShapeID]*model.Shape{}
	var errorShapes []model.ShapeID
	for _, op := range ops {
		for _, e := range slices.Concat(op.Errors, svc.Errors) {
			if _, ok := errorOp[e]; !ok {
				errorOp[e] = op
				errorShapes = append(errorShapes, e)
			}
		}
	}
	slices.SortFunc(errorShapes, model.ShapeID.Compare)
	for _, kind := range []TestKind{RequestTests, ResponseTests, MalformedTests, EventStreamTests} {
		for _, op := range ops {
			add(readCases(m, kind, op, op, byID[op.ID], nil))
		}
		if kind == ResponseTests {
			for _, e := range errorShapes {
				op := errorOp[e]
				add(readCases(m, kind, m.Shape(e), op, byID[op.ID], p.Shape(e)))
			}
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	p.Tests = pt
	return nil
}

// asModelError keeps model errors as they are and wraps others.
func asModelError(err error) *model.Error {
	if me, ok := err.(*model.Error); ok {
		return me
	}
	return model.Errorf(model.Pos{}, model.ShapeID{}, "%v", err)
}

// readCases reads the cases of one trait kind on shape s (an operation, or
// an error structure for response tests). opShape is the operation the cases
// are served through and op its generated form, nil when it is not
// generated; errShape is the error of an error's response tests.
func readCases(m *model.Model, kind TestKind, s, opShape *model.Shape, op *Operation, errShape *Shape) ([]*ProtocolTestCase, error) {
	traitID := map[TestKind]model.ShapeID{RequestTests: traitHTTPRequestTests, ResponseTests: traitHTTPResponseTests,
		MalformedTests: traitHTTPMalformedRequestTests, EventStreamTests: traitEventStreamTests}[kind]
	tr, ok := s.Traits.Get(traitID)
	if !ok {
		return nil, nil
	}
	fail := func(format string, args ...any) error {
		return model.Errorf(tr.Pos, s.ID, "@%s: "+format, append([]any{kind}, args...)...)
	}
	raw, err := json.Marshal(tr.Value)
	if err != nil {
		return nil, fail("%v", err)
	}
	var nodes []testCaseNode
	if err := json.Unmarshal(raw, &nodes); err != nil {
		return nil, fail("%v", err)
	}
	var out []*ProtocolTestCase
	for _, n := range nodes {
		c := &ProtocolTestCase{Kind: kind, ID: n.ID, BaseID: n.ID, Doc: n.Documentation, Protocol: n.Protocol,
			AppliesTo: n.AppliesTo, OpID: opShape.ID, Op: op, Error: errShape}
		if len(n.Params) > 0 {
			params, err := decodeNode(n.Params)
			if err != nil {
				return nil, fail("case %s: params: %v", n.ID, err)
			}
			c.Params, c.HasParams = params, true
		}
		switch kind {
		case RequestTests:
			c.Request = &TestHTTPRequest{Method: n.Method, URI: n.URI, Host: n.Host, QueryParams: n.QueryParams, Headers: n.Headers,
				Body: n.Body, BodyMediaType: n.BodyMediaType, ForbidQueryParams: n.ForbidQueryParams,
				RequireQueryParams: n.RequireQueryParams, ForbidHeaders: n.ForbidHeaders, RequireHeaders: n.RequireHeaders}
		case ResponseTests:
			c.Response = &TestHTTPResponse{Code: n.Code, Headers: n.Headers, ForbidHeaders: n.ForbidHeaders,
				RequireHeaders: n.RequireHeaders, Body: n.Body, BodyMediaType: n.BodyMediaType}
		case MalformedTests:
			if n.Request == nil || n.Response == nil {
				return nil, fail("case %s: request and response are required", n.ID)
			}
			expanded, err := expandMalformed(c, n)
			if err != nil {
				return nil, fail("case %s: testParameters: %v", n.ID, err)
			}
			for _, e := range expanded {
				decideSkip(m, e)
			}
			out = append(out, expanded...)
			continue
		}
		decideSkip(m, c)
		if c.Skip == "" {
			if err := checkParams(c); err != nil {
				return nil, fail("case %s: params: %v", n.ID, err)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// decodeNode decodes a JSON node keeping numbers as json.Number, the way
// model trait values hold them.
func decodeNode(data []byte) (any, error) {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// checkParams renders the case's Go values once, so that params that do not
// fit their shapes fail the build naming the case rather than emitting.
func checkParams(c *ProtocolTestCase) error {
	if c.Op == nil || !c.HasParams {
		return nil
	}
	s := c.Op.Input
	if c.Kind == ResponseTests {
		s = c.Op.Output
		if c.Error != nil {
			s = c.Error
		}
	}
	_, err := goValue(s, c.Params)
	return err
}

// decideSkip sets c.Skip from the features the case needs and the skip table.
func decideSkip(m *model.Model, c *ProtocolTestCase) {
	c.Skip = skipReason(c.ID, c.BaseID, caseFeatures(m, c))
}

// caseFeatures lists the features of protocolTestSkips that case c needs.
func caseFeatures(m *model.Model, c *ProtocolTestCase) []string {
	var fs []string
	if c.Kind == EventStreamTests {
		fs = append(fs, featureEventStream)
	}
	if c.Op == nil {
		fs = append(fs, unsupportedFeature(m, m.Shape(c.OpID)))
	}
	if c.Protocol != restJSON1Protocol {
		fs = append(fs, featureOtherProtocol)
	}
	if op := m.Shape(c.OpID); c.Kind == RequestTests && c.Request.Body == nil && op != nil &&
		op.Traits.Has(model.MustShapeID("smithy.api#requestCompression")) {
		fs = append(fs, featureRequestCompression)
	}
	if c.AppliesTo == "client" {
		switch {
		case c.Kind == ResponseTests && c.Error != nil:
			fs = append(fs, featureClientErrors)
		case c.Kind == RequestTests && !clientBodyTestable(c):
			fs = append(fs, featureClientBindings)
		case c.Kind == ResponseTests && !clientBodyTestable(c):
			fs = append(fs, featureClientNoBody)
		}
	}
	return fs
}

// unsupportedFeature tells why operation op is not generated: the first
// event stream or streaming blob its input, output or errors reach, else
// that it was not selected.
func unsupportedFeature(m *model.Model, op *model.Shape) string {
	seen := map[model.ShapeID]bool{}
	var walk func(id model.ShapeID) string
	walk = func(id model.ShapeID) string {
		s := m.Shape(id)
		if s == nil || seen[id] {
			return ""
		}
		seen[id] = true
		switch {
		case s.Type == model.Union && s.Traits.Streaming():
			return featureEventStream
		case s.Type == model.Blob && s.Traits.Streaming():
			return featureStreamingBlob
		}
		for _, mem := range s.Members {
			if f := walk(mem.Target); f != "" {
				return f
			}
		}
		return ""
	}
	for _, id := range append([]model.ShapeID{op.Input, op.Output}, op.Errors...) {
		if f := walk(id); f != "" {
			return f
		}
	}
	return featureNotGenerated
}

// clientBodyTestable reports whether a client-only case can still exercise
// this package: its body is JSON that the input's encoder writes (request
// tests) or the output's decoder reads (response tests), with no payload
// member other than a structure or union.
func clientBodyTestable(c *ProtocolTestCase) bool {
	if c.Op == nil {
		return false
	}
	var body *string
	var mediaType string
	var s *Shape
	var payload *Member
	if c.Kind == RequestTests {
		body, mediaType, s = c.Request.Body, c.Request.BodyMediaType, c.Op.Input
		payload = c.Op.Server.InPayload
	} else {
		body, mediaType, s = c.Response.Body, c.Response.BodyMediaType, c.Op.Output
		payload = c.Op.Server.OutPayload
	}
	if body == nil || strings.TrimSpace(*body) == "" || !isJSONMediaType(mediaType) || s == nil {
		return false
	}
	return payload == nil || payload.Target.Kind == KindStruct || payload.Target.Kind == KindUnion
}

func isJSONMediaType(mt string) bool {
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

// testParamRef matches a testParameters reference: $name:L (the value as it
// is) or $name:S (the value as a quoted string), and $$ (a dollar sign).
var testParamRef = regexp.MustCompile(`\$\$|\$([A-Za-z_][A-Za-z0-9_]*):([LS])|\$`)

// expandMalformed expands the testParameters of a malformed request case:
// every key maps to a list of values, all of one length n; case i (ID
// "<id>_case<i>") has $key:L and $key:S replaced by the i-th value of key in
// every string of the request and response (method aside), as Smithy's
// reference implementation does. A case without testParameters is one case,
// its strings taken as they are.
func expandMalformed(base *ProtocolTestCase, n testCaseNode) ([]*ProtocolTestCase, error) {
	build := func(id string, sub func(string) (string, error)) (*ProtocolTestCase, error) {
		c := *base
		c.ID = id
		var err error
		str := func(s string) string {
			out, e := sub(s)
			if e != nil && err == nil {
				err = e
			}
			return out
		}
		strs := func(in []string) []string {
			if in == nil {
				return nil
			}
			out := make([]string, len(in))
			for i, s := range in {
				out[i] = str(s)
			}
			return out
		}
		strMap := func(in map[string]string) map[string]string {
			if in == nil {
				return nil
			}
			out := make(map[string]string, len(in))
			for _, k := range sortedKeys(in) {
				out[str(k)] = str(in[k])
			}
			return out
		}
		strPtr := func(s *string) *string {
			if s == nil {
				return nil
			}
			v := str(*s)
			return &v
		}
		rq, rs := n.Request, n.Response
		c.Doc = str(n.Documentation)
		c.Request = &TestHTTPRequest{Method: rq.Method, URI: str(rq.URI), Host: rq.Host, QueryParams: strs(rq.QueryParams),
			Headers: strMap(rq.Headers), Body: strPtr(rq.Body), BodyMediaType: rq.BodyMediaType}
		c.Response = &TestHTTPResponse{Code: rs.Code, Headers: strMap(rs.Headers)}
		if rs.Body != nil {
			c.Response.BodyMediaType = str(rs.Body.MediaType)
			c.Response.Body = strPtr(rs.Body.Assertion.Contents)
			c.Response.MessageRegex = strPtr(rs.Body.Assertion.MessageRegex)
		}
		return &c, err
	}
	if len(n.TestParameters) == 0 {
		c, err := build(n.ID, func(s string) (string, error) { return s, nil })
		return []*ProtocolTestCase{c}, err
	}
	keys := sortedKeys(n.TestParameters)
	count := len(n.TestParameters[keys[0]])
	for _, k := range keys {
		if len(n.TestParameters[k]) != count {
			return nil, fmt.Errorf("%q has %d values and %q has %d: every list must have the same length",
				keys[0], count, k, len(n.TestParameters[k]))
		}
	}
	var out []*ProtocolTestCase
	for i := range count {
		c, err := build(fmt.Sprintf("%s_case%d", n.ID, i), func(s string) (string, error) {
			return substituteTestParams(s, n.TestParameters, i)
		})
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// substituteTestParams replaces the testParameters references in s with the
// i-th values.
func substituteTestParams(s string, params map[string][]string, i int) (string, error) {
	var err error
	out := testParamRef.ReplaceAllStringFunc(s, func(ref string) string {
		if ref == "$$" {
			return "$"
		}
		sub := testParamRef.FindStringSubmatch(ref)
		vs, ok := params[sub[1]]
		if sub[1] == "" || !ok {
			if err == nil {
				err = fmt.Errorf("%q: %q names no test parameter (write $$ for a dollar sign)", s, ref)
			}
			return ref
		}
		if sub[2] == "S" {
			return quoteTestParam(vs[i])
		}
		return vs[i]
	})
	return out, err
}

// quoteTestParam quotes a value for $name:S the way Smithy's code writer
// does: in double quotes, with backslash, quote and control characters escaped.
func quoteTestParam(v string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range v {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// protocolTestUses tells protocol_runtime_test.go.tmpl what to write.
type protocolTestUses struct {
	Any bool // the package has protocol tests: the runtime file is written
}

func protocolTestUsesOf(p *Package) protocolTestUses {
	return protocolTestUses{Any: p.Tests != nil && len(p.Tests.Cases) > 0}
}

// emitProtocolTests writes protocol_test.go: the capturing Handler and one Go
// test per kind of case, with one subtest per case:
//
//	type protocolTestHandler struct{ operation string; input, output any; err error }
//	func (h *protocolTestHandler) Op(ctx context.Context, in *OpInput) (*OpOutput, error)
//	func TestHTTPRequestTests(t *testing.T) { t.Run("RestJsonX", func(t *testing.T) { ... }) }
func (g *gen) emitProtocolTests(f *jen.File) error {
	pt := g.pkg.Tests
	if pt == nil || len(pt.Cases) == 0 {
		return errNoFile
	}
	emitProtocolTestHandler(f, g.pkg)
	for kind := range testKinds {
		var cases []*ProtocolTestCase
		for _, c := range pt.Cases {
			if c.Kind == TestKind(kind) {
				cases = append(cases, c)
			}
		}
		if len(cases) == 0 {
			continue
		}
		k := testKinds[kind]
		fileComment(f, fmt.Sprintf("%s runs the smithy.test#%s cases of the model: it\n%s", k.goTest, k.trait, k.doc))
		var err error
		f.Func().Id(k.goTest).Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(grp *jen.Group) {
			for _, c := range cases {
				body, cerr := caseBody(c)
				if cerr != nil && err == nil {
					err = fmt.Errorf("%s case %s: %w", c.Kind, c.ID, cerr)
				}
				grp.Add(caseDoc(c))
				grp.Id("t").Dot("Run").Call(jen.Lit(c.ID), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(body...))
			}
		})
		if err != nil {
			return err
		}
		f.Line()
	}
	return nil
}

// emitProtocolTestHandler writes the Handler the cases serve: it records the
// operation called and its input, and replies with the output or error a
// case sets.
//
//	func (h *protocolTestHandler) Op(_ context.Context, in *OpInput) (*OpOutput, error) {
//		h.operation, h.input = "Op", in
//		if h.err != nil { return nil, h.err }
//		out, _ := h.output.(*OpOutput)
//		return out, nil
//	}
func emitProtocolTestHandler(f *jen.File, p *Package) {
	fileComment(f, "protocolTestHandler is the Handler the protocol tests serve (not the fake): it\n"+
		"records the operation called and its input, and replies with output or err.")
	f.Type().Id("protocolTestHandler").Struct(
		jen.Id("operation").String(),
		jen.Id("input").Any(),
		jen.Id("output").Any(),
		jen.Id("err").Error(),
	)
	f.Line()
	for _, op := range p.Operations {
		fileComment(f, fmt.Sprintf("%s records its input and replies with h.output or h.err.", op.Name))
		f.Func().Params(jen.Id("h").Op("*").Id("protocolTestHandler")).Id(op.Name).
			Params(jen.Id("_").Qual("context", "Context"), jen.Id("in").Op("*").Id(op.Input.Name)).
			Params(jen.Op("*").Id(op.Output.Name), jen.Error()).Block(
			jen.List(jen.Id("h").Dot("operation"), jen.Id("h").Dot("input")).Op("=").List(jen.Lit(op.Name), jen.Id("in")),
			jen.If(jen.Id("h").Dot("err").Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Id("h").Dot("err"))),
			jen.List(jen.Id("out"), jen.Id("_")).Op(":=").Id("h").Dot("output").Assert(jen.Op("*").Id(op.Output.Name)),
			jen.Return(jen.Id("out"), jen.Nil()),
		)
		f.Line()
	}
}

// caseDoc renders the first paragraph of a case's documentation as comments.
func caseDoc(c *ProtocolTestCase) jen.Code {
	doc, _, _ := strings.Cut(strings.TrimSpace(c.Doc), "\n\n")
	if doc == "" {
		return jen.Null()
	}
	return docComment(strings.Join(strings.Fields(doc), " "))
}

// caseBody returns the statements of one case's subtest.
func caseBody(c *ProtocolTestCase) ([]jen.Code, error) {
	if c.Skip != "" {
		return []jen.Code{jen.Id("t").Dot("Skip").Call(jen.Lit(c.ID + ": " + c.Skip))}, nil
	}
	switch c.Kind {
	case RequestTests:
		if c.AppliesTo == "client" {
			return clientRequestBody(c)
		}
		return serverRequestBody(c)
	case ResponseTests:
		if c.AppliesTo == "client" {
			return clientResponseBody(c)
		}
		return serverResponseBody(c)
	case MalformedTests:
		return []jen.Code{
			jen.Id("h").Op(":=").Op("&").Id("protocolTestHandler").Values(),
			jen.Id("rec").Op(":=").Id("protocolTestServe").Call(jen.Id("t"), jen.Id("h"), requestLit(c.Request)),
			jen.Id("protocolTestCheckResponse").Call(jen.Id("t"), jen.Id("rec"), responseLit(c.Response)),
		}, nil
	}
	return nil, fmt.Errorf("a %s case cannot run", c.Kind)
}

// serverRequestBody: send the request, compare the input the handler receives.
//
//	h := &protocolTestHandler{}
//	rec := protocolTestServe(t, h, &protocolTestRequest{...})
//	protocolTestCheckInput(t, rec, h, "Op", &OpInput{...})
func serverRequestBody(c *ProtocolTestCase) ([]jen.Code, error) {
	want, err := goValue(c.Op.Input, c.Params)
	if err != nil {
		return nil, err
	}
	args := []jen.Code{jen.Id("t"), jen.Id("rec"), jen.Id("h"), jen.Lit(c.Op.Name), jen.Op("&").Add(want)}
	var stmts []jen.Code
	if fields := absentIsEmpty(c.Op); len(fields) > 0 {
		stmts = append(stmts, jen.Comment("restJson1 cannot tell an empty "+strings.Join(fields, ", ")+" from an absent one."))
		for _, f := range fields {
			args = append(args, jen.Lit(f))
		}
	}
	return append(stmts,
		jen.Id("h").Op(":=").Op("&").Id("protocolTestHandler").Values(),
		jen.Id("rec").Op(":=").Id("protocolTestServe").Call(jen.Id("t"), jen.Id("h"), requestLit(c.Request)),
		jen.Id("protocolTestCheckInput").Call(args...),
	), nil
}

// absentIsEmpty lists the input fields of op for which restJson1 makes an
// empty value and an absent one the same request, so that a server cannot
// tell them apart: lists and maps bound to the query string or to headers
// (an empty one is not sent), and a structure payload (an unset one is sent
// as {}).
func absentIsEmpty(op *Operation) []string {
	var fields []string
	for _, m := range op.Input.Members {
		switch {
		case m.Location == InQuery || m.Location == InQueryParams || m.Location == InHeader || m.Location == InPrefixHeaders:
			if m.Target.Kind == KindList || m.Target.Kind == KindMap {
				fields = append(fields, m.GoName)
			}
		case m.Location == InPayload && m.Target.Kind == KindStruct:
			fields = append(fields, m.GoName)
		}
	}
	return fields
}

// clientRequestBody: encode the params' body with the input's JSON encoder
// and compare it with the case's body.
//
//	in := &OpInput{...}
//	protocolTestCheckEncoded(t, `{...}`, in.encodeJSON)
func clientRequestBody(c *ProtocolTestCase) ([]jen.Code, error) {
	in, payload := c.Op.Input, c.Op.Server.InPayload
	want, err := bodyValue(in, payload, c.Params)
	if err != nil {
		return nil, err
	}
	encode := jen.Id("in").Dot("encodeJSON")
	switch {
	case payload != nil && payload.Target.Kind == KindUnion:
		encode = jen.Func().Params(jen.Id("v").Qual(smithyJSONPkg, "Value")).Error().Block(
			jen.Return(jen.Id(payload.Target.EncodeFunc).Call(jen.Id("in").Dot(payload.GoName), jen.Id("v"))))
	case payload != nil:
		encode = jen.Id("in").Dot(payload.GoName).Dot("encodeJSON")
	}
	return []jen.Code{
		jen.Comment("Client-only: what the input's JSON encoder writes for the body members."),
		jen.Id("in").Op(":=").Op("&").Add(want),
		jen.Id("protocolTestCheckEncoded").Call(jen.Id("t"), stringLit(*c.Request.Body), encode),
	}, nil
}

// clientResponseBody: decode the case's body with the output's JSON decoder
// and compare it with the params' body members.
//
//	got := &OpOutput{}
//	protocolTestDecode(t, `{...}`, got.UnmarshalJSON)
//	protocolTestCheckValue(t, &OpOutput{...}, got)
func clientResponseBody(c *ProtocolTestCase) ([]jen.Code, error) {
	out, payload := c.Op.Output, c.Op.Server.OutPayload
	want, err := bodyValue(out, payload, c.Params)
	if err != nil {
		return nil, err
	}
	decode := jen.Id("got").Dot("UnmarshalJSON")
	if payload != nil {
		t := payload.Target
		decode = jen.Func().Params(jen.Id("data").Index().Byte()).Error().BlockFunc(func(grp *jen.Group) {
			if t.Kind == KindUnion {
				grp.List(jen.Id("u"), jen.Err()).Op(":=").Id(t.UnmarshalFunc).Call(jen.Id("data"))
				grp.Id("got").Dot(payload.GoName).Op("=").Id("u")
				grp.Return(jen.Err())
				return
			}
			grp.Id("got").Dot(payload.GoName).Op("=").New(jen.Id(t.Name))
			grp.Return(jen.Id("got").Dot(payload.GoName).Dot("UnmarshalJSON").Call(jen.Id("data")))
		})
	}
	return []jen.Code{
		jen.Comment("Client-only: what the output's JSON decoder reads from the body."),
		jen.Id("got").Op(":=").Op("&").Id(out.Name).Values(),
		jen.Id("protocolTestDecode").Call(jen.Id("t"), stringLit(*c.Response.Body), decode),
		jen.Id("protocolTestCheckValue").Call(jen.Id("t"), jen.Op("&").Add(want), jen.Id("got")),
	}, nil
}

// bodyValue is the Go value of struct s holding only the members params
// gives that travel in the body (the payload member, when there is one).
func bodyValue(s *Shape, payload *Member, params any) (jen.Code, error) {
	obj, _ := params.(map[string]any)
	body := map[string]any{}
	for _, m := range s.Members {
		v, ok := obj[m.Name]
		if ok && ((payload == nil && m.Location == InBody) || m == payload) {
			body[m.Name] = v
		}
	}
	return goValue(s, body)
}

// serverResponseBody: have the handler reply with the params, serve a
// request routed to the operation, compare the reply.
//
//	h := &protocolTestHandler{output: &OpOutput{...}}   // or err: &SomeError{...}
//	rec := protocolTestServe(t, h, &protocolTestRequest{Method: "GET", URI: "/op/label"}, WithValidation(ValidateOff))
//	protocolTestCheckRouted(t, rec, h, "Op")
//	protocolTestCheckResponse(t, rec, &protocolTestResponse{...})
func serverResponseBody(c *ProtocolTestCase) ([]jen.Code, error) {
	s, field := c.Op.Output, "output"
	if c.Error != nil {
		s, field = c.Error, "err"
	}
	var handler jen.Code = jen.Op("&").Id("protocolTestHandler").Values()
	if c.HasParams && c.Params != nil {
		v, err := goValue(s, c.Params)
		if err != nil {
			return nil, err
		}
		handler = jen.Op("&").Id("protocolTestHandler").Values(jen.Id(field).Op(":").Op("&").Add(v))
	} else if c.Error != nil {
		handler = jen.Op("&").Id("protocolTestHandler").Values(jen.Id(field).Op(":").Op("&").Id(s.Name).Values())
	}
	method, uri := routeRequest(c.Op)
	req := &TestHTTPRequest{Method: method, URI: uri}
	return []jen.Code{
		jen.Comment("A request routed to " + c.Op.Name + "; validation is off, the input does not matter."),
		jen.Id("h").Op(":=").Add(handler),
		jen.Id("rec").Op(":=").Id("protocolTestServe").Call(jen.Id("t"), jen.Id("h"), requestLit(req),
			jen.Id("WithValidation").Call(jen.Id("ValidateOff"))),
		jen.Id("protocolTestCheckRouted").Call(jen.Id("t"), jen.Id("rec"), jen.Id("h"), jen.Lit(c.Op.Name)),
		jen.Id("protocolTestCheckResponse").Call(jen.Id("t"), jen.Id("rec"), responseLit(c.Response)),
	}, nil
}

// routeRequest returns a method and request target that route to op: its
// route with every label given a sample value of the label's type, and its
// query literals.
func routeRequest(op *Operation) (method, uri string) {
	rt := op.Server.Route
	var b strings.Builder
	for _, seg := range rt.Segments {
		b.WriteByte('/')
		if seg.Label < 0 {
			b.WriteString(seg.Literal)
			continue
		}
		b.WriteString(url.PathEscape(sampleLabel(op.Server.Labels[seg.Label])))
	}
	if b.Len() == 0 {
		b.WriteByte('/')
	}
	for i, q := range rt.Query {
		b.WriteString(map[bool]string{true: "?", false: "&"}[i == 0])
		b.WriteString(q.Key)
		if q.Value != "" {
			b.WriteString("=" + q.Value)
		}
	}
	return rt.Method, b.String()
}

// sampleLabel is a value a label of m's type parses.
func sampleLabel(m *Member) string {
	t := m.Target
	switch {
	case t.Kind == KindEnum && len(t.Values) > 0:
		return t.Values[0].String
	case t.Kind == KindIntEnum && len(t.Values) > 0:
		return strconv.FormatInt(t.Values[0].Int, 10)
	}
	switch t.GoType.Kind {
	case GoBool:
		return "true"
	case GoInt8, GoInt16, GoInt32, GoInt64, GoFloat32, GoFloat64, GoBigInt, GoBigFloat:
		return "1"
	case GoTime:
		switch m.TimestampFmt {
		case "epoch-seconds":
			return "0"
		case "http-date":
			return "Thu, 01 Jan 1970 00:00:00 GMT"
		}
		return "1970-01-01T00:00:00Z"
	case GoBytes:
		return "cHJvdG9jb2x0ZXN0"
	}
	return "protocoltest"
}

// requestLit renders a request of a case:
//
//	&protocolTestRequest{Method: "POST", URI: "/x", Query: []string{"a=b"}, Headers: map[string]string{...}, Body: `...`}
func requestLit(r *TestHTTPRequest) jen.Code {
	d := jen.Dict{jen.Id("Method"): jen.Lit(r.Method), jen.Id("URI"): jen.Lit(r.URI)}
	if r.Host != "" {
		d[jen.Id("Host")] = jen.Lit(r.Host)
	}
	if len(r.QueryParams) > 0 {
		d[jen.Id("Query")] = stringsLit(r.QueryParams)
	}
	if len(r.Headers) > 0 {
		d[jen.Id("Headers")] = headersLit(r.Headers)
	}
	if r.Body != nil && *r.Body != "" {
		d[jen.Id("Body")] = stringLit(*r.Body)
	}
	return jen.Op("&").Id("protocolTestRequest").Values(d)
}

// responseLit renders an expected reply:
//
//	&protocolTestResponse{Code: 400, Headers: map[string]string{...}, Body: `...`, HasBody: true, BodyMediaType: "application/json"}
func responseLit(r *TestHTTPResponse) jen.Code {
	d := jen.Dict{jen.Id("Code"): jen.Lit(r.Code)}
	if len(r.Headers) > 0 {
		d[jen.Id("Headers")] = headersLit(r.Headers)
	}
	if len(r.ForbidHeaders) > 0 {
		d[jen.Id("ForbidHeaders")] = stringsLit(r.ForbidHeaders)
	}
	if len(r.RequireHeaders) > 0 {
		d[jen.Id("RequireHeaders")] = stringsLit(r.RequireHeaders)
	}
	if r.Body != nil {
		d[jen.Id("HasBody")] = jen.True()
		if *r.Body != "" {
			d[jen.Id("Body")] = stringLit(*r.Body)
		}
	}
	if r.BodyMediaType != "" {
		d[jen.Id("BodyMediaType")] = jen.Lit(r.BodyMediaType)
	}
	if r.MessageRegex != nil {
		d[jen.Id("MessageRegex")] = jen.Lit(*r.MessageRegex)
	}
	return jen.Op("&").Id("protocolTestResponse").Values(d)
}

func stringsLit(ss []string) jen.Code {
	return jen.Index().String().ValuesFunc(func(grp *jen.Group) {
		for _, s := range ss {
			grp.Lit(s)
		}
	})
}

func headersLit(h map[string]string) jen.Code {
	return jen.Map(jen.String()).String().Values(jen.DictFunc(func(d jen.Dict) {
		for k, v := range h {
			d[jen.Lit(k)] = jen.Lit(v)
		}
	}))
}

// stringLit renders s as a raw string literal when it spans lines and a raw
// literal can hold it, else as an interpreted one.
func stringLit(s string) jen.Code {
	if strings.Contains(s, "\n") && !strings.ContainsAny(s, "`\r") && strconv.CanBackquote(strings.ReplaceAll(s, "\n", "")) {
		return jen.Op("`" + s + "`")
	}
	return jen.Lit(s)
}

// goValue returns a Go expression of s's Go type holding node, a smithy.test
// params value (JSON-like: nil, bool, json.Number, string, []any,
// map[string]any). Structures are written as values (T{...}); a member that
// holds a pointer takes its address (memberValue). Absent members are left
// out, except those that cannot be absent in Go (not nullable) and have a
// default, which get it. Timestamps are epoch seconds, blobs UTF-8 text,
// documents any JSON, floats also "NaN", "Infinity" and "-Infinity".
func goValue(s *Shape, node any) (jen.Code, error) {
	switch s.Kind {
	case KindStruct:
		return structValue(s, node)
	case KindUnion:
		return unionValue(s, node)
	case KindUnit:
		return jen.Struct().Values(), nil
	case KindEnum:
		str, ok := node.(string)
		if !ok {
			return nil, fmt.Errorf("%s: want a string, found %s", s.ID, nodeKind(node))
		}
		for _, v := range s.Values {
			if v.String == str {
				return jen.Id(v.Const), nil
			}
		}
		return jen.Id(s.Name).Call(jen.Lit(str)), nil
	case KindIntEnum:
		n, err := nodeInt(node, 32)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.ID, err)
		}
		for _, v := range s.Values {
			if v.Int == n {
				return jen.Id(v.Const), nil
			}
		}
		return jen.Id(s.Name).Call(jen.Lit(int(n))), nil
	case KindList:
		items, ok := node.([]any)
		if !ok {
			return nil, fmt.Errorf("%s: want a list, found %s", s.ID, nodeKind(node))
		}
		var err error
		v := goType(s.GoType).ValuesFunc(func(grp *jen.Group) {
			for _, item := range items {
				iv, ierr := elemValue(s, item)
				if ierr != nil && err == nil {
					err = ierr
				}
				grp.Add(iv)
			}
		})
		return v, err
	case KindMap:
		obj, ok := node.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: want a map, found %s", s.ID, nodeKind(node))
		}
		var err error
		v := goType(s.GoType).Values(jen.DictFunc(func(d jen.Dict) {
			for _, k := range sortedKeys(obj) {
				iv, ierr := elemValue(s, obj[k])
				if ierr != nil && err == nil {
					err = ierr
				}
				d[jen.Lit(k)] = iv
			}
		}))
		return v, err
	}
	return scalarValue(s, node)
}

// structValue: T{Field: value, ...} in model order.
func structValue(s *Shape, node any) (jen.Code, error) {
	obj, ok := node.(map[string]any)
	if node == nil {
		obj, ok = map[string]any{}, true
	}
	if !ok {
		return nil, fmt.Errorf("%s: want a structure, found %s", s.ID, nodeKind(node))
	}
	for _, k := range sortedKeys(obj) {
		if !slices.ContainsFunc(s.Members, func(m *Member) bool { return m.Name == k }) {
			return nil, fmt.Errorf("%s has no member %q", s.ID, k)
		}
	}
	var fields []jen.Code
	for _, m := range s.Members {
		v, present := obj[m.Name]
		if !present || v == nil {
			if m.Nullable || !m.HasDefault {
				continue
			}
			var err error
			if v, err = defaultNode(m); err != nil {
				return nil, err
			}
		}
		mv, err := memberValue(m, v)
		if err != nil {
			return nil, err
		}
		fields = append(fields, jen.Line().Id(m.GoName).Op(":").Add(mv))
	}
	if len(fields) > 0 {
		fields = append(fields, jen.Line())
	}
	return jen.Id(s.Name).Values(fields...), nil
}

// defaultNode is m's @default as a params node: the same, except that a
// blob's default is base64 in the model and UTF-8 text in params.
func defaultNode(m *Member) (any, error) {
	if text, ok := m.Default.(string); ok && m.Target.GoType.Kind == GoBytes {
		b, err := base64.StdEncoding.DecodeString(text)
		if err != nil {
			return nil, fmt.Errorf("%s: @default %q is not base64", m.ID, text)
		}
		return string(b), nil
	}
	return m.Default, nil
}

// unionValue: &UMemberX{Value: value}, for the one member the node sets.
func unionValue(s *Shape, node any) (jen.Code, error) {
	obj, ok := node.(map[string]any)
	if !ok || len(obj) != 1 {
		return nil, fmt.Errorf("%s: want an object with one member, found %s", s.ID, nodeKind(node))
	}
	for k, v := range obj {
		i := slices.IndexFunc(s.Members, func(m *Member) bool { return m.Name == k })
		if i < 0 {
			return nil, fmt.Errorf("union %s has no member %q", s.ID, k)
		}
		m := s.Members[i]
		if m.Target.Kind == KindUnit {
			return jen.Op("&").Id(m.Variant).Values(), nil
		}
		mv, err := goValue(m.Target, v)
		if err != nil {
			return nil, err
		}
		return jen.Op("&").Id(m.Variant).Values(jen.Id("Value").Op(":").Add(mv)), nil
	}
	panic("unreachable")
}

// memberValue is goValue for a struct member: pointers where the field is
// one. Errors name the member.
func memberValue(m *Member, node any) (jen.Code, error) {
	v, err := goValue(m.Target, node)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.ID, err)
	}
	if !m.Pointer {
		return v, nil
	}
	return pointerTo(m.Target, v), nil
}

// elemValue is goValue for a list item or map value: nil for a null in a
// sparse collection, pointers where the elements are.
func elemValue(s *Shape, node any) (jen.Code, error) {
	e := s.Elem
	if node == nil {
		if !s.Sparse {
			return nil, fmt.Errorf("%s: null in a collection that is not @sparse", s.ID)
		}
		return jen.Nil(), nil
	}
	v, err := goValue(e.Target, node)
	if err != nil || !e.Pointer {
		return v, err
	}
	return pointerTo(e.Target, v), nil
}

// pointerTo takes the address of value v of shape t: &T{...} for structs,
// ptr.X(v) for scalars, protocolTestPointer(v) for other named types.
func pointerTo(t *Shape, v jen.Code) jen.Code {
	if t.GoType.Struct {
		return jen.Op("&").Add(v)
	}
	fn := map[GoKind]string{GoString: "String", GoBool: "Bool", GoInt8: "Int8", GoInt16: "Int16", GoInt32: "Int32",
		GoInt64: "Int64", GoFloat32: "Float32", GoFloat64: "Float64", GoTime: "Time"}[t.GoType.Kind]
	if fn == "" || t.Kind == KindIntEnum || t.Kind == KindEnum {
		return jen.Id("protocolTestPointer").Call(v)
	}
	return jen.Qual(smithyPtrPkg, fn).Call(v)
}

// scalarValue renders a simple shape's value.
func scalarValue(s *Shape, node any) (jen.Code, error) {
	k := s.GoType.Kind
	switch k {
	case GoString:
		str, ok := node.(string)
		if !ok {
			return nil, fmt.Errorf("%s: want a string, found %s", s.ID, nodeKind(node))
		}
		return jen.Lit(str), nil
	case GoBool:
		b, ok := node.(bool)
		if !ok {
			return nil, fmt.Errorf("%s: want a boolean, found %s", s.ID, nodeKind(node))
		}
		return jen.Lit(b), nil
	case GoInt8, GoInt16, GoInt32, GoInt64:
		bits := map[GoKind]int{GoInt8: 8, GoInt16: 16, GoInt32: 32, GoInt64: 64}[k]
		n, err := nodeInt(node, bits)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.ID, err)
		}
		return jen.Lit(int(n)), nil
	case GoFloat32, GoFloat64:
		return floatValue(s, node)
	case GoBigInt, GoBigFloat:
		text := ""
		switch x := node.(type) {
		case json.Number:
			text = x.String()
		case string:
			text = x
		default:
			return nil, fmt.Errorf("%s: want a number, found %s", s.ID, nodeKind(node))
		}
		if k == GoBigInt {
			if _, ok := new(big.Int).SetString(text, 10); !ok {
				return nil, fmt.Errorf("%s: %q is not an integer", s.ID, text)
			}
			return jen.Id("protocolTestBigInt").Call(jen.Lit(text)), nil
		}
		if _, ok := new(big.Float).SetString(text); !ok {
			return nil, fmt.Errorf("%s: %q is not a number", s.ID, text)
		}
		return jen.Id("protocolTestBigFloat").Call(jen.Lit(text)), nil
	case GoTime:
		return timeValue(s, node)
	case GoBytes:
		str, ok := node.(string)
		if !ok {
			return nil, fmt.Errorf("%s: want a string (blob text), found %s", s.ID, nodeKind(node))
		}
		return jen.Index().Byte().Call(jen.Lit(str)), nil
	case GoDocument:
		data, err := json.Marshal(node)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.ID, err)
		}
		return jen.Qual("encoding/json", "RawMessage").Call(jen.Lit(string(data))), nil
	}
	return nil, fmt.Errorf("%s: no Go value for a %s", s.ID, s.Type)
}

// floatValue renders a float: a number, or NaN and the infinities (math.NaN(), math.Inf(±1)).
func floatValue(s *Shape, node any) (jen.Code, error) {
	var v jen.Code
	switch x := node.(type) {
	case json.Number:
		if _, err := strconv.ParseFloat(x.String(), 64); err != nil {
			return nil, fmt.Errorf("%s: %q is not a number", s.ID, x)
		}
		return jen.Op(x.String()), nil
	case string:
		switch x {
		case "NaN":
			v = jen.Qual("math", "NaN").Call()
		case "Infinity":
			v = jen.Qual("math", "Inf").Call(jen.Lit(1))
		case "-Infinity":
			v = jen.Qual("math", "Inf").Call(jen.Lit(-1))
		default:
			return nil, fmt.Errorf("%s: want a number, NaN, Infinity or -Infinity, found %q", s.ID, x)
		}
	default:
		return nil, fmt.Errorf("%s: want a number, found %s", s.ID, nodeKind(node))
	}
	if s.GoType.Kind == GoFloat32 {
		return jen.Float32().Call(v), nil
	}
	return v, nil
}

// timeValue renders a timestamp given in epoch seconds (or as a date-time
// string) exactly: time.Unix(sec, nsec).UTC().
func timeValue(s *Shape, node any) (jen.Code, error) {
	var sec, nsec int64
	switch x := node.(type) {
	case json.Number:
		r, ok := new(big.Rat).SetString(x.String())
		if !ok {
			return nil, fmt.Errorf("%s: %q is not a number of epoch seconds", s.ID, x)
		}
		whole := new(big.Int).Quo(r.Num(), r.Denom()) // truncated toward zero
		frac := new(big.Rat).Sub(r, new(big.Rat).SetInt(whole))
		ns := new(big.Rat).Mul(frac, big.NewRat(1e9, 1))
		if !ns.IsInt() || !whole.IsInt64() {
			return nil, fmt.Errorf("%s: %s epoch seconds is not a whole number of nanoseconds", s.ID, x)
		}
		sec, nsec = whole.Int64(), ns.Num().Int64()
	case string:
		t, err := time.Parse(time.RFC3339Nano, x)
		if err != nil {
			return nil, fmt.Errorf("%s: %q is not a date-time", s.ID, x)
		}
		sec, nsec = t.Unix(), int64(t.Nanosecond())
	default:
		return nil, fmt.Errorf("%s: want epoch seconds, found %s", s.ID, nodeKind(node))
	}
	return jen.Qual("time", "Unix").Call(jen.Lit(int(sec)), jen.Lit(int(nsec))).Dot("UTC").Call(), nil
}

// nodeInt reads an integer node that fits bits.
func nodeInt(node any, bits int) (int64, error) {
	n, ok := node.(json.Number)
	if !ok {
		return 0, fmt.Errorf("want an integer, found %s", nodeKind(node))
	}
	v, err := strconv.ParseInt(n.String(), 10, bits)
	if err != nil {
		return 0, fmt.Errorf("%s is not a %d-bit integer", n, bits)
	}
	return v, nil
}

// nodeKind names the kind of a node, for errors.
func nodeKind(node any) string {
	switch x := node.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "number " + x.String()
	case string:
		return strconv.Quote(x)
	case []any:
		return "a list"
	case map[string]any:
		return fmt.Sprintf("an object with %d members", len(x))
	}
	return fmt.Sprintf("%T", node)
}

// ProtocolTestOperations returns the names of the operations of svc that the
// generator can generate: all but those whose input, output or errors reach
// an event stream or a streaming blob. A protocol test run generates these
// (Options.Operations); BuildProtocolTests reports the cases of the others as
// skipped, with why.
func ProtocolTestOperations(m *model.Model, svc *model.Shape) []string {
	b := &irBuilder{m: m, svc: svc, rename: svc.Rename}
	ops, _ := b.selectOperations()
	var names []string
	for _, op := range ops {
		if unsupportedFeature(m, op) == featureNotGenerated {
			names = append(names, b.nameOf(op.ID))
		}
	}
	return names
}
