package model

import (
	"fmt"
	"strings"
)

// ShapeID is an absolute Smithy shape ID: namespace#Name or namespace#Name$member.
type ShapeID struct {
	Namespace string
	Name      string
	Member    string
}

// ParseShapeID parses an absolute shape ID. A relative ID (no '#') is an error.
func ParseShapeID(s string) (ShapeID, error) {
	hash := strings.IndexByte(s, '#')
	if hash <= 0 {
		return ShapeID{}, fmt.Errorf("invalid shape ID %q: want namespace#Name", s)
	}
	id := ShapeID{Namespace: s[:hash], Name: s[hash+1:]}
	if dollar := strings.IndexByte(id.Name, '$'); dollar >= 0 {
		id.Member = id.Name[dollar+1:]
		id.Name = id.Name[:dollar]
		if !validIdentifier(id.Member) {
			return ShapeID{}, fmt.Errorf("invalid shape ID %q: bad member name", s)
		}
	}
	if !validNamespace(id.Namespace) || !validIdentifier(id.Name) {
		return ShapeID{}, fmt.Errorf("invalid shape ID %q", s)
	}
	return id, nil
}

// MustShapeID parses s and panics on error; for constants in this package and tests only.
func MustShapeID(s string) ShapeID {
	id, err := ParseShapeID(s)
	if err != nil {
		panic(err)
	}
	return id
}

// String renders the ID in its absolute form.
func (id ShapeID) String() string {
	if id.Member != "" {
		return id.Namespace + "#" + id.Name + "$" + id.Member
	}
	return id.Namespace + "#" + id.Name
}

// IsZero reports whether id is the zero ShapeID.
func (id ShapeID) IsZero() bool { return id == ShapeID{} }

// Root returns the ID without its member part.
func (id ShapeID) Root() ShapeID { return ShapeID{Namespace: id.Namespace, Name: id.Name} }

// WithMember returns the member ID name of this shape.
func (id ShapeID) WithMember(name string) ShapeID {
	return ShapeID{Namespace: id.Namespace, Name: id.Name, Member: name}
}

// Compare orders IDs by namespace, name and member.
func (id ShapeID) Compare(o ShapeID) int {
	if c := strings.Compare(id.Namespace, o.Namespace); c != 0 {
		return c
	}
	if c := strings.Compare(id.Name, o.Name); c != 0 {
		return c
	}
	return strings.Compare(id.Member, o.Member)
}

// PreludeNamespace is the namespace of the Smithy prelude.
const PreludeNamespace = "smithy.api"

// Prelude returns the ID of a prelude shape.
func Prelude(name string) ShapeID { return ShapeID{Namespace: PreludeNamespace, Name: name} }

// validIdentifier follows the Smithy grammar: identifier_start = *"_" ALPHA,
// then letters, digits and underscores.
func validIdentifier(s string) bool {
	i := 0
	for i < len(s) && s[i] == '_' {
		i++
	}
	if i == len(s) || !isAlpha(s[i]) {
		return false
	}
	for _, r := range s[i+1:] {
		if r != '_' && !isAlpha(byte(r)) && !(r >= '0' && r <= '9') || r > 0x7f {
			return false
		}
	}
	return true
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// ValidIdentifier reports whether s is a valid Smithy identifier.
func ValidIdentifier(s string) bool { return validIdentifier(s) }

func validNamespace(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if !validIdentifier(part) {
			return false
		}
	}
	return true
}
