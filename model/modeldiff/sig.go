package modeldiff

import (
	"slices"
	"strings"

	"github.com/smithygen/smithygen/model"
)

// wireTraits are the traits that change what a shape or member looks like on
// the wire (or which values are accepted), for signatures.
var wireTraits = []model.ShapeID{
	model.TraitRequired, model.TraitDefault, model.TraitJSONName, model.TraitTimestampFormat,
	model.TraitLength, model.TraitRange, model.TraitPattern, model.TraitEnum, model.TraitEnumValue,
	model.TraitUniqueItems, model.TraitSparse, model.TraitError, model.TraitHTTPError,
	model.TraitHTTPLabel, model.TraitHTTPQuery, model.TraitHTTPQueryParams, model.TraitHTTPHeader,
	model.TraitHTTPPrefixHeaders, model.TraitHTTPPayload, model.TraitHTTPResponseCode,
	model.TraitStreaming, model.TraitMediaType,
}

// sig is a canonical text of the wire form of a shape: its type, wire traits,
// enum values and members (names, wire traits, target signatures), without
// shape names. Two shapes with equal signatures read and write the same JSON.
// A shape that reaches itself is written by name at the point of recursion.
func (s *side) sig(id model.ShapeID) string {
	if s.sigs == nil {
		s.sigs = map[model.ShapeID]string{}
	}
	if v, ok := s.sigs[id]; ok {
		return v
	}
	s.sigs[id] = "@" + id.Name // seen while being computed: recursion
	sh := s.m.Shape(id)
	if sh == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(kindOf(sh))
	writeTraits(&b, &sh.Traits)
	members := slices.Clone(sh.Members)
	if sh.Type == model.Structure || sh.Type == model.Union || sh.Type == model.Enum || sh.Type == model.IntEnum {
		slices.SortFunc(members, func(a, c *model.Member) int { return strings.Compare(a.Name(), c.Name()) })
	}
	b.WriteString("{")
	for _, m := range members {
		b.WriteString(m.Name())
		writeTraits(&b, &m.Traits)
		if !isUnit(m.Target) {
			b.WriteString(":")
			b.WriteString(s.sig(m.Target))
		}
		b.WriteString(";")
	}
	b.WriteString("}")
	v := b.String()
	s.sigs[id] = v
	return v
}

func writeTraits(b *strings.Builder, t *model.Traits) {
	for _, id := range wireTraits {
		if tr, ok := t.Get(id); ok {
			b.WriteString(" @" + id.Name + "=" + canonical(tr.Value))
		}
	}
}
