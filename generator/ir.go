package generator

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/smithygen/smithygen/model"
)

// Package is the intermediate representation of one generated Go package.
type Package struct {
	Name       string // Go package name
	ImportPath string // import path of the package, if known (for documentation only)
	Source     string // model file(s) it came from, relative paths, for the header
	Service    *Service
	Shapes     []*Shape       // every shape in the closure except simple ones, sorted by shape ID
	Operations []*Operation   // sorted by name
	Warnings   []*model.Error // what the emitters could not honour fully, reported to the user
	byID       map[model.ShapeID]*Shape
	pos        map[model.ShapeID]model.Pos

	// Server holds what the server and fake emitters need beyond the types:
	// routes, error mappings, the fake's resources and every helper name. It is
	// built once by buildServerIR (emit_server_ir.go).
	Server *ServerIR

	// Tests holds the model's smithy.test protocol test cases, set by
	// BuildProtocolTests (emit_protocoltests.go) for the protocoltests artifact.
	Tests *ProtocolTests
}

// PosOf is the source position of a shape or member of the package's model, for messages.
func (p *Package) PosOf(id model.ShapeID) model.Pos { return p.pos[id] }

// Service describes the service shape.
type Service struct {
	ID          model.ShapeID
	Name        string // service name after removing the version suffix, e.g. "QuickSight"
	SDKID       string // aws.api#service sdkId, or the shape name
	SigningName string // aws.auth#sigv4 name
	Version     string
	Title       string
	Doc         string
	Protocol    string // "restJson1"
	Errors      []*Shape
}

// Operation is one operation of the service.
type Operation struct {
	ID         model.ShapeID
	Name       string // Go method name, e.g. CreateActionConnector
	Doc        string
	Input      *Shape // never nil: Unit input becomes an empty struct named <Op>Input
	Output     *Shape
	Errors     []*Shape // operation errors, then service errors
	HTTP       model.HTTP
	HTTPPos    model.Pos // where the @http trait is, for errors about the route
	Idempotent bool
	Readonly   bool
	Paginated  *model.Paginated // with service defaults merged, or nil
	Deprecated bool

	// Server is the operation's route, binding facts, validation error mapping
	// and fake lifecycle, set by buildServerIR (emit_server_ir.go).
	Server *OperationServer
}

// Kind is the generated form of a shape.
type Kind int

// The kinds of generated shapes.
const (
	KindStruct  Kind = iota // a Go struct (structures, inputs, outputs, errors)
	KindUnion               // a sealed interface with one variant type per member
	KindEnum                // type X string with constants
	KindIntEnum             // type X int32 with constants
	KindList                // no Go type of its own: []T; has codec and validator helpers
	KindMap                 // no Go type of its own: map[string]T
	KindSimple              // a scalar: string, numbers, bool, blob, timestamp, document
	KindUnit                // smithy.api#Unit as a union member's target: a tag with no value, struct{}
)

// Shape is a shape of the closure with every Go name it needs.
type Shape struct {
	ID   model.ShapeID
	Type model.ShapeType // the model type (enum for 1.0 enum-trait strings)
	Kind Kind
	Name string // exported Go type name (struct, union, enum, intEnum); "" for lists, maps, simples
	Doc  string

	Members []*Member // struct and union members, in model order
	Values  []*EnumValue

	Elem      *Member // list member, map value
	Key       *Member // map key
	Sparse    bool
	Unique    bool
	Recursive bool // the shape can reach itself

	Constraints Constraints // on the shape itself (merged into members that target it)
	Sensitive   bool
	MediaType   string
	Streaming   bool

	// Errors.
	IsError    bool
	ErrorFault string // "client" or "server"
	HTTPStatus int    // from @httpError, else 400/500 by fault

	// Operation inputs and outputs.
	IsInput, IsOutput bool

	// Helper names, decided here so emitters never build names. Structs use
	// methods (encodeJSON, decodeJSON, validate); unions, lists and maps use
	// functions with these names.
	EncodeFunc    string // encodeX(v, value)
	DecodeFunc    string // decodeX(r, *v)
	ValidateFunc  string // validateX(v)
	UnmarshalFunc string // union: exported UnmarshalX(data) (X, error)
	Unknown       string // union: name of the package's unknown-member type
	EqualFunc     string // equalX(a, b): value equality, for shapes inside @uniqueItems lists; "" when unneeded
	HasBindings   bool   // struct with members bound outside the JSON body

	GoType GoType // the Go type of a value of this shape
}

// EnumValue is one enum or intEnum value.
type EnumValue struct {
	Name   string // model member name (or 1.0 enum name/value)
	Const  string // Go constant name
	String string // enum value
	Int    int64  // intEnum value
	Doc    string
	// Internal: @internal (or, in an @enum trait, tagged "internal"): a valid
	// value that messages listing the values leave out.
	Internal bool
}

// Member is a member of a struct or union (or a list/map element).
type Member struct {
	Name     string // model name
	ID       model.ShapeID
	GoName   string // field name; for union members, the variant's field is always Value
	Variant  string // union variant type name, e.g. AuthenticationMetadataMemberApiKeyConnectionMetadata
	JSONName string // key in a JSON body
	Doc      string
	Target   *Shape
	GoType   GoType // the Go type of the field
	Pointer  bool   // field is *T of the target's value type (scalars only)
	Nullable bool   // field may be absent: pointer, nil slice/map/interface, or empty enum

	Required         bool
	Default          any // @default value, when present and not null
	HasDefault       bool
	Constraints      Constraints // member's own constraints merged with its target's
	Sensitive        bool        // the member or its target is sensitive
	TimestampFmt     string      // effective format for its binding location
	IdempotencyToken bool
	Deprecated       bool

	Location     Location
	LocationName string // header name, query name, label name or prefix
}

// Location is where a member is bound in an HTTP message.
type Location int

// The HTTP binding locations.
const (
	InBody Location = iota
	InLabel
	InQuery
	InQueryParams
	InHeader
	InPrefixHeaders
	InPayload
	InResponseCode
)

func (l Location) String() string {
	return [...]string{"body", "label", "query", "queryParams", "header", "prefixHeaders", "payload", "responseCode"}[l]
}

// Constraints gathers the constraint traits that apply to a value.
type Constraints struct {
	Length      *model.Length
	Range       *model.Range
	Pattern     string
	PatternVar  string // package-level regexp variable name, decided per package
	RangeMinVar string // bigInteger/bigDecimal: package-level variable holding Range.Min
	RangeMaxVar string // bigInteger/bigDecimal: package-level variable holding Range.Max
	Enum        bool   // value must be one of the target enum's values
	UniqueItems bool
}

// Empty reports whether there is nothing to check.
func (c Constraints) Empty() bool {
	return c.Length == nil && c.Range == nil && c.Pattern == "" && !c.Enum && !c.UniqueItems
}

// GoKind is the Go form of a value.
type GoKind int

// The Go kinds used by generated code.
const (
	GoString GoKind = iota
	GoBool
	GoInt8
	GoInt16
	GoInt32
	GoInt64
	GoFloat32
	GoFloat64
	GoBigInt   // *big.Int
	GoBigFloat // *big.Float
	GoTime     // time.Time
	GoBytes    // []byte
	GoDocument // json.RawMessage
	GoNamed    // a generated named type (struct, union interface, enum)
	GoSlice    // []Elem
	GoMap      // map[string]Elem
	GoUnit     // struct{}: the value of a union member targeting smithy.api#Unit
)

// GoType is a Go type expression.
type GoType struct {
	Kind        GoKind
	Name        string  // GoNamed: type name in this package
	Struct      bool    // GoNamed struct: values are held by pointer
	Enum        bool    // GoNamed enum or intEnum
	Elem        *GoType // GoSlice, GoMap: element/value type
	ElemPointer bool    // sparse scalars: []*string
}

// Shape returns the IR shape with the given ID, or nil.
func (p *Package) Shape(id model.ShapeID) *Shape { return p.byID[id] }

// Options control IR building.
type Options struct {
	Package    string   // Go package name; default: lower-cased service sdkId
	ImportPath string   // import path of the generated package (docs only)
	Operations []string // operation names to keep; empty: all
	Source     string   // model file(s), for the header
}

// BuildIR builds the IR of service svc of m.
func BuildIR(m *model.Model, svc *model.Shape, opts Options) (*Package, error) {
	b := &irBuilder{m: m, svc: svc, opts: opts, pkg: &Package{byID: map[model.ShapeID]*Shape{}, pos: map[model.ShapeID]model.Pos{}}}
	return b.build()
}

type irBuilder struct {
	m    *model.Model
	svc  *model.Shape
	opts Options
	pkg  *Package
	errs model.ErrorList
	// rename maps shape IDs to their name in this service (after @rename).
	rename map[model.ShapeID]string
	// taken holds every package-level Go identifier decided so far.
	taken map[string]model.ShapeID
	// unitNames holds the empty inputs/outputs of Unit operations, by their ID.
	unitNames map[model.ShapeID]*Shape
}

func (b *irBuilder) errorf(pos model.Pos, id model.ShapeID, format string, args ...any) {
	b.errs = append(b.errs, model.Errorf(pos, id, format, args...))
}

func (b *irBuilder) build() (*Package, error) {
	svc := b.svc
	b.rename = svc.Rename
	p := b.pkg
	p.Source = b.opts.Source
	p.ImportPath = b.opts.ImportPath
	p.Service = b.service()
	p.Name = b.opts.Package
	if p.Name == "" {
		p.Name = packageName(p.Service.SDKID)
	}
	if !validPackageName(p.Name) {
		return nil, fmt.Errorf("package name %q is not a valid Go package name", p.Name)
	}
	switch p.Service.Protocol {
	case "restJson1":
	case "":
		b.errorf(svc.Pos, svc.ID, "the service has no protocol trait: smithygen generates restJson1 services (add @aws.protocols#restJson1)")
		return nil, b.errs.Err()
	default:
		b.errorf(svc.Pos, svc.ID, "protocol %q is not supported: smithygen generates restJson1 services (aws.protocols#restJson1)", p.Service.Protocol)
		return nil, b.errs.Err()
	}

	ops, err := b.selectOperations()
	if err != nil {
		return nil, err
	}
	// Closure: every shape reachable from the selected operations and service errors.
	closure := map[model.ShapeID]bool{}
	var visit func(id model.ShapeID)
	visit = func(id model.ShapeID) {
		if id.IsZero() || closure[id] {
			return
		}
		s := b.m.Shape(id)
		if s == nil {
			return
		}
		closure[id] = true
		for _, mem := range s.Members {
			visit(mem.Target)
		}
	}
	for _, op := range ops {
		visit(op.Input)
		visit(op.Output)
		for _, e := range op.Errors {
			visit(e)
		}
	}
	for _, e := range svc.Errors {
		visit(e)
	}
	delete(closure, model.UnitID)
	unit := &Shape{ID: model.UnitID, Type: model.Structure, Kind: KindUnit, GoType: GoType{Kind: GoUnit}}
	ids := make([]model.ShapeID, 0, len(closure))
	for id := range closure {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, model.ShapeID.Compare)

	// Pass 1: a Shape for every ID, with kind; names come in pass 2.
	for _, id := range ids {
		s := b.m.Shape(id)
		p.pos[id] = s.Pos
		for _, mem := range s.Members {
			p.pos[mem.ID] = mem.Pos
		}
		is := &Shape{ID: id, Type: s.Type, Doc: godoc(s.Traits.Documentation())}
		switch {
		case s.Type == model.Structure:
			is.Kind = KindStruct
		case s.Type == model.Union:
			is.Kind = KindUnion
			if s.Traits.Streaming() {
				b.errorf(s.Pos, id, "event streams are not supported")
			}
		case s.Type == model.Enum || (s.Type == model.String && s.Traits.Has(model.TraitEnum)):
			is.Kind = KindEnum
		case s.Type == model.IntEnum:
			is.Kind = KindIntEnum
		case s.Type == model.List:
			is.Kind = KindList
		case s.Type == model.Map:
			is.Kind = KindMap
		case s.Type.IsSimple():
			is.Kind = KindSimple
		default:
			b.errorf(s.Pos, id, "a %s cannot be the target of a member", s.Type)
			continue
		}
		if s.Type == model.Blob && s.Traits.Streaming() {
			b.errorf(s.Pos, id, "streaming blobs are not supported")
		}
		is.Sensitive = s.Traits.Sensitive()
		is.MediaType = s.Traits.MediaType()
		is.Sparse = s.Traits.Sparse()
		is.Unique = s.Traits.UniqueItems()
		is.Constraints = shapeConstraints(&s.Traits)
		is.Constraints.UniqueItems = is.Unique
		if is.Kind == KindEnum {
			is.Constraints.Enum = true
		}
		if s.Traits.ErrorKind() != "" {
			is.IsError = true
			is.ErrorFault = s.Traits.ErrorKind()
			is.HTTPStatus = s.Traits.HTTPError()
			if is.HTTPStatus == 0 {
				is.HTTPStatus = 400
				if is.ErrorFault == "server" {
					is.HTTPStatus = 500
				}
			}
		}
		p.Shapes = append(p.Shapes, is)
		p.byID[id] = is
	}
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	for _, op := range ops {
		if in := p.byID[op.Input]; in != nil {
			in.IsInput = true
		}
		if out := p.byID[op.Output]; out != nil {
			out.IsOutput = true
		}
	}
	b.names(ops)
	for _, is := range p.Shapes {
		b.fill(is, unit)
	}
	for _, is := range p.Shapes {
		b.fieldNames(is)
	}
	b.markRecursive()
	for _, op := range ops {
		p.Operations = append(p.Operations, b.operation(op))
	}
	for _, e := range svc.Errors {
		if s := p.byID[e]; s != nil {
			p.Service.Errors = append(p.Service.Errors, s)
		}
	}
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

func (b *irBuilder) service() *Service {
	s := b.svc
	out := &Service{ID: s.ID, Version: s.Version, Title: s.Traits.Title(), Doc: godoc(s.Traits.Documentation())}
	out.SDKID = s.ID.Name
	if tr, ok := s.Traits.Get(model.MustShapeID("aws.api#service")); ok {
		if o, ok := tr.Value.(map[string]any); ok {
			if id, ok := o["sdkId"].(string); ok && id != "" {
				out.SDKID = id
			}
		}
	}
	out.Name = strings.ReplaceAll(out.SDKID, " ", "")
	out.SigningName = strings.ToLower(out.Name)
	if tr, ok := s.Traits.Get(model.MustShapeID("aws.auth#sigv4")); ok {
		if o, ok := tr.Value.(map[string]any); ok {
			if n, ok := o["name"].(string); ok && n != "" {
				out.SigningName = n
			}
		}
	}
	for _, tr := range s.Traits.All() {
		if tr.ID.Namespace == "aws.protocols" {
			out.Protocol = tr.ID.Name
			if out.Protocol == "restJson1" {
				break
			}
		}
	}
	return out
}

// selectOperations returns the service's operations (including those of its
// resources), filtered by Options.Operations, sorted by name.
func (b *irBuilder) selectOperations() ([]*model.Shape, error) {
	seen := map[model.ShapeID]bool{}
	var all []*model.Shape
	var walkResource func(id model.ShapeID)
	addOp := func(id model.ShapeID) {
		if !seen[id] {
			seen[id] = true
			if s := b.m.Shape(id); s != nil {
				all = append(all, s)
			}
		}
	}
	walkResource = func(id model.ShapeID) {
		r := b.m.Shape(id)
		if r == nil || seen[id] {
			return
		}
		seen[id] = true
		for _, o := range []model.ShapeID{r.Create, r.Put, r.Read, r.Update, r.Delete, r.List} {
			if !o.IsZero() {
				addOp(o)
			}
		}
		for _, o := range r.Operations {
			addOp(o)
		}
		for _, o := range r.CollectionOperations {
			addOp(o)
		}
		for _, sub := range r.Resources {
			walkResource(sub)
		}
	}
	for _, o := range b.svc.Operations {
		addOp(o)
	}
	for _, r := range b.svc.Resources {
		walkResource(r)
	}
	slices.SortFunc(all, func(a, c *model.Shape) int { return strings.Compare(b.nameOf(a.ID), b.nameOf(c.ID)) })
	if len(b.opts.Operations) == 0 {
		return all, nil
	}
	var out []*model.Shape
	for _, want := range b.opts.Operations {
		i := slices.IndexFunc(all, func(s *model.Shape) bool { return b.nameOf(s.ID) == want })
		if i < 0 {
			return nil, fmt.Errorf("operation %q is not an operation of %s", want, b.svc.ID)
		}
		if !slices.Contains(out, all[i]) {
			out = append(out, all[i])
		}
	}
	slices.SortFunc(out, func(a, c *model.Shape) int { return strings.Compare(b.nameOf(a.ID), b.nameOf(c.ID)) })
	return out, nil
}

// nameOf is the shape's name in the service, after @rename.
func (b *irBuilder) nameOf(id model.ShapeID) string {
	if n, ok := b.rename[id.Root()]; ok {
		return n
	}
	return id.Name
}

func (b *irBuilder) operation(s *model.Shape) *Operation {
	p := b.pkg
	op := &Operation{ID: s.ID, Name: exported(b.nameOf(s.ID)), Doc: godoc(s.Traits.Documentation()),
		Idempotent: s.Traits.Idempotent(), Readonly: s.Traits.Readonly(), Deprecated: s.Traits.Deprecated() != nil}
	if h := s.Traits.HTTP(); h != nil {
		op.HTTP = *h
		if t, ok := s.Traits.Get(model.TraitHTTP); ok {
			op.HTTPPos = t.Pos
		}
	} else {
		b.errorf(s.Pos, s.ID, "operation has no @http trait: restJson1 needs one on every operation")
	}
	op.Input = p.byID[s.Input]
	op.Output = p.byID[s.Output]
	if op.Input == nil {
		op.Input = b.unitNames[s.ID.WithMember("input")]
	}
	if op.Output == nil {
		op.Output = b.unitNames[s.ID.WithMember("output")]
	}
	for _, e := range s.Errors {
		if es := p.byID[e]; es != nil {
			op.Errors = append(op.Errors, es)
		}
	}
	for _, e := range b.svc.Errors {
		if es := p.byID[e]; es != nil && !slices.Contains(op.Errors, es) {
			op.Errors = append(op.Errors, es)
		}
	}
	if pg := s.Traits.Paginated(); pg != nil {
		merged := *pg
		if sp := b.svc.Traits.Paginated(); sp != nil {
			if merged.InputToken == "" {
				merged.InputToken = sp.InputToken
			}
			if merged.OutputToken == "" {
				merged.OutputToken = sp.OutputToken
			}
			if merged.PageSize == "" {
				merged.PageSize = sp.PageSize
			}
			if merged.Items == "" {
				merged.Items = sp.Items
			}
		}
		op.Paginated = &merged
	}
	return op
}

// unitShape is the empty input or output of an operation whose model says
// smithy.api#Unit; its ID is the operation's with member "input" or "output".
// names() gives it its Go name.
func (b *irBuilder) unitShape(op model.ShapeID, input bool) *Shape {
	return &Shape{ID: op.WithMember(map[bool]string{true: "input", false: "output"}[input]), Type: model.Structure,
		Kind: KindStruct, IsInput: input, IsOutput: !input}
}

func shapeConstraints(t *model.Traits) Constraints {
	c := Constraints{Length: t.Length(), Range: t.Range()}
	c.Pattern, _ = t.Pattern()
	return c
}

// fill sets members, element types and Go types of a shape whose names are decided.
func (b *irBuilder) fill(is *Shape, unit *Shape) {
	s := b.m.Shape(is.ID)
	switch is.Kind {
	case KindStruct:
		for _, mem := range s.Members {
			im := b.member(is, mem)
			if im.Location != InBody {
				is.HasBindings = true
			}
			is.Members = append(is.Members, im)
		}
	case KindUnion:
		for _, mem := range s.Members {
			if mem.Target == model.UnitID {
				is.Members = append(is.Members, &Member{Name: mem.ID.Member, ID: mem.ID, Target: unit, GoType: unit.GoType,
					JSONName: cmp.Or(mem.Traits.JSONName(), mem.ID.Member), Doc: godoc(mem.Traits.Documentation())})
				continue
			}
			is.Members = append(is.Members, b.member(is, mem))
		}
	case KindList:
		is.Elem = b.member(is, s.Members[0])
	case KindMap:
		is.Key = b.member(is, s.Member("key"))
		is.Elem = b.member(is, s.Member("value"))
	}
}

// member builds a member and decides its Go type and nullability.
func (b *irBuilder) member(container *Shape, mem *model.Member) *Member {
	target := b.pkg.byID[mem.Target]
	im := &Member{Name: mem.ID.Member, ID: mem.ID, Target: target, Doc: godoc(mem.Traits.Documentation()),
		Required: mem.Traits.Required(), IdempotencyToken: mem.Traits.IdempotencyToken(),
		Deprecated: mem.Traits.Deprecated() != nil}
	ts := b.m.Shape(mem.Target)
	im.Sensitive = mem.Traits.Sensitive() || ts.Traits.Sensitive()
	im.JSONName = mem.Traits.JSONName()
	if im.JSONName == "" {
		im.JSONName = im.Name
	}
	if d, ok := mem.Traits.Default(); ok && d != nil {
		im.Default, im.HasDefault = d, true
	}
	// Constraints: the member's own traits refine its target's.
	c := target.Constraints
	if l := mem.Traits.Length(); l != nil {
		c.Length = l
	}
	if r := mem.Traits.Range(); r != nil {
		c.Range = r
	}
	if pat, ok := mem.Traits.Pattern(); ok {
		c.Pattern = pat
	}
	im.Constraints = c
	im.TimestampFmt = mem.Traits.TimestampFormat()
	if im.TimestampFmt == "" {
		im.TimestampFmt = ts.Traits.TimestampFormat()
	}
	switch {
	case mem.Traits.HTTPLabel():
		im.Location, im.LocationName = InLabel, im.Name
	case mem.Traits.HTTPQueryParams():
		im.Location = InQueryParams
	case mem.Traits.HTTPPayload():
		im.Location = InPayload
	case mem.Traits.HTTPResponseCode():
		im.Location = InResponseCode
	default:
		if q, ok := mem.Traits.HTTPQuery(); ok {
			im.Location, im.LocationName = InQuery, q
		} else if h, ok := mem.Traits.HTTPHeader(); ok {
			im.Location, im.LocationName = InHeader, h
		} else if pfx, ok := mem.Traits.HTTPPrefixHeaders(); ok {
			im.Location, im.LocationName = InPrefixHeaders, pfx
		}
	}
	if container.Kind != KindStruct {
		if im.Location != InBody {
			b.errorf(mem.Pos, mem.ID, "HTTP binding traits are only allowed on members of structures, not of a %s", container.Type)
		}
		im.Location = InBody
	}
	if im.TimestampFmt == "" && target.Type == model.Timestamp {
		switch im.Location {
		case InHeader:
			im.TimestampFmt = "http-date"
		case InLabel, InQuery:
			im.TimestampFmt = "date-time"
		default:
			im.TimestampFmt = "epoch-seconds"
		}
	}
	im.GoType = target.GoType
	switch container.Kind {
	case KindStruct:
		im.Nullable = b.nullable(container, mem)
		im.Pointer = (im.Nullable && (isScalar(target.GoType.Kind) || target.Kind == KindIntEnum)) || target.GoType.Struct
	case KindList, KindMap:
		if container.Sparse {
			im.Nullable = true
			im.Pointer = pointerable(target.GoType)
		}
	}
	return im
}

// nullable applies Smithy 2.0 structure member optionality for a non-authoritative
// consumer: a member is optional unless it is @required or has a non-null @default,
// and even then when it is @clientOptional or part of an @input structure.
// Structures, unions, lists, maps, blobs and documents are always nil-able in Go;
// enums are value types whose zero value "" means absent.
func (b *irBuilder) nullable(container *Shape, mem *model.Member) bool {
	s := b.m.Shape(container.ID)
	if mem.Traits.ClientOptional() || (s != nil && s.Traits.Input()) || container.IsInput {
		return true
	}
	if mem.Traits.Required() {
		return false
	}
	if d, ok := mem.Traits.Default(); ok && d != nil {
		return false
	}
	return true
}

// pointerable reports whether a nil-able value of type t is written *T:
// scalars, structs and enums (in sparse collections, where null must be
// told from the zero value).
func pointerable(t GoType) bool { return isScalar(t.Kind) || t.Struct || t.Enum }

func isScalar(k GoKind) bool {
	switch k {
	case GoString, GoBool, GoInt8, GoInt16, GoInt32, GoInt64, GoFloat32, GoFloat64, GoTime:
		return true
	}
	return false
}

// markRecursive flags struct and union shapes that can reach themselves.
func (b *irBuilder) markRecursive() {
	for _, s := range b.pkg.Shapes {
		if s.Kind != KindStruct && s.Kind != KindUnion {
			continue
		}
		seen := map[*Shape]bool{}
		var reach func(x *Shape) bool
		reach = func(x *Shape) bool {
			for _, m := range append(slices.Clone(x.Members), x.Elem, x.Key) {
				if m == nil || m.Target == nil {
					continue
				}
				if m.Target == s {
					return true
				}
				if !seen[m.Target] {
					seen[m.Target] = true
					if reach(m.Target) {
						return true
					}
				}
			}
			return false
		}
		s.Recursive = reach(s)
	}
}

// defaultString renders a default value for docs, as JSON.
func defaultString(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(data)
}
