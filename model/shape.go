package model

import (
	"fmt"
	"slices"
	"strconv"
)

// ShapeType is the kind of a shape.
type ShapeType string

// The shape types of Smithy 2.0.
const (
	Blob       ShapeType = "blob"
	Boolean    ShapeType = "boolean"
	String     ShapeType = "string"
	Enum       ShapeType = "enum"
	IntEnum    ShapeType = "intEnum"
	Byte       ShapeType = "byte"
	Short      ShapeType = "short"
	Integer    ShapeType = "integer"
	Long       ShapeType = "long"
	Float      ShapeType = "float"
	Double     ShapeType = "double"
	BigInteger ShapeType = "bigInteger"
	BigDecimal ShapeType = "bigDecimal"
	Timestamp  ShapeType = "timestamp"
	Document   ShapeType = "document"
	List       ShapeType = "list"
	Set        ShapeType = "set" // Smithy 1.0 only; loaders turn it into a list with @uniqueItems.
	Map        ShapeType = "map"
	Structure  ShapeType = "structure"
	Union      ShapeType = "union"
	Operation  ShapeType = "operation"
	Service    ShapeType = "service"
	Resource   ShapeType = "resource"
	MemberType ShapeType = "member"
)

// ShapeTypes lists every shape type a model may declare, in spec order.
var ShapeTypes = []ShapeType{Blob, Boolean, String, Enum, IntEnum, Byte, Short, Integer, Long, Float,
	Double, BigInteger, BigDecimal, Timestamp, Document, List, Map, Structure, Union, Operation, Service, Resource}

// IsSimple reports whether t is a simple (scalar) type.
func (t ShapeType) IsSimple() bool {
	switch t {
	case Blob, Boolean, String, Enum, IntEnum, Byte, Short, Integer, Long, Float, Double,
		BigInteger, BigDecimal, Timestamp, Document:
		return true
	}
	return false
}

// IsNumber reports whether t is a numeric type.
func (t ShapeType) IsNumber() bool {
	switch t {
	case Byte, Short, Integer, Long, Float, Double, BigInteger, BigDecimal, IntEnum:
		return true
	}
	return false
}

// Known reports whether t is a shape type of Smithy 2.0 (or a 1.0 set).
func (t ShapeType) Known() bool { return slices.Contains(ShapeTypes, t) || t == Set }

// Pos is a source position: file with line:col, or file with a JSON pointer.
type Pos struct {
	File    string
	Line    int
	Col     int
	Pointer string
}

// String renders "file:line:col", "file:/json/pointer" or "file".
func (p Pos) String() string {
	switch {
	case p.File == "" && p.Line == 0 && p.Pointer == "":
		return ""
	case p.Line > 0:
		return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
	case p.Pointer != "":
		return p.File + ":" + p.Pointer
	}
	return p.File
}

// Shape is one shape of a model. Aggregate shapes hold their members in model
// order; service, operation and resource shapes hold their relationships.
type Shape struct {
	ID     ShapeID
	Type   ShapeType
	Traits Traits
	Pos    Pos

	// Members of list (member), map (key, value), structure, union, enum and intEnum shapes.
	Members []*Member
	// Mixins applied to this shape, in order. Resolved (flattened) by Builder.Build.
	Mixins []ShapeID

	// Operation.
	Input, Output ShapeID
	Errors        []ShapeID // operation and service errors

	// Service.
	Version string
	Rename  map[ShapeID]string

	// Service and resource.
	Operations []ShapeID
	Resources  []ShapeID

	// Resource.
	Identifiers          []NamedTarget
	Properties           []NamedTarget
	Create, Put, Read    ShapeID
	Update, Delete, List ShapeID
	CollectionOperations []ShapeID
}

// NamedTarget is a resource identifier or property.
type NamedTarget struct {
	Name   string
	Target ShapeID
}

// Member is a member of an aggregate shape.
type Member struct {
	ID     ShapeID // container ID with Member set
	Target ShapeID
	Traits Traits
	Pos    Pos
}

// Name returns the member name.
func (m *Member) Name() string { return m.ID.Member }

// Member returns the named member, or nil.
func (s *Shape) Member(name string) *Member {
	for _, m := range s.Members {
		if m.ID.Member == name {
			return m
		}
	}
	return nil
}

// Model is an assembled, validated Smithy model. Build one with a Builder.
type Model struct {
	Metadata map[string]any
	shapes   map[ShapeID]*Shape
	sorted   []*Shape
}

// Shape returns the shape with the given (root) ID, or nil.
func (m *Model) Shape(id ShapeID) *Shape { return m.shapes[id.Root()] }

// Shapes returns every shape sorted by ID (prelude shapes included).
func (m *Model) Shapes() []*Shape { return m.sorted }

// Len reports the number of shapes, prelude included.
func (m *Model) Len() int { return len(m.sorted) }

// MemberOf returns the member a member ID names, or nil.
func (m *Model) MemberOf(id ShapeID) *Member {
	s := m.Shape(id)
	if s == nil {
		return nil
	}
	return s.Member(id.Member)
}

// Target returns the shape a member targets. The model is validated, so it is never nil.
func (m *Model) Target(mem *Member) *Shape { return m.shapes[mem.Target] }

// Services returns every service shape, sorted by ID.
func (m *Model) Services() []*Shape {
	var out []*Shape
	for _, s := range m.sorted {
		if s.Type == Service {
			out = append(out, s)
		}
	}
	return out
}

// ServiceByID returns the service named id, or the only service when id is empty.
func (m *Model) ServiceByID(id string) (*Shape, error) {
	services := m.Services()
	if id == "" {
		if len(services) == 1 {
			return services[0], nil
		}
		names := make([]string, len(services))
		for i, s := range services {
			names[i] = s.ID.String()
		}
		return nil, fmt.Errorf("model has %d services %v: choose one with -service", len(services), names)
	}
	for _, s := range services {
		if s.ID.String() == id || s.ID.Name == id {
			return s, nil
		}
	}
	return nil, fmt.Errorf("service %q not found in model", id)
}
