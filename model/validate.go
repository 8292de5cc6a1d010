package model

import (
	"strings"
)

// placement says which shapes a prelude trait may be applied to. The check
// receives the shape type the trait sits on and, for members, the type of the
// member's target.
type placement struct {
	where string // for the error message: "may only be applied to ..."
	ok    func(on, target ShapeType) bool
}

func onMember(on, _ ShapeType) bool { return on == MemberType }

func onTypes(types ...ShapeType) func(on, target ShapeType) bool {
	return func(on, _ ShapeType) bool {
		for _, t := range types {
			if on == t {
				return true
			}
		}
		return false
	}
}

// onTypesOrMembersTo allows the trait on shapes of types, and on members targeting them.
func onTypesOrMembersTo(types ...ShapeType) func(on, target ShapeType) bool {
	return func(on, target ShapeType) bool {
		if on == MemberType {
			on = target
		}
		for _, t := range types {
			if on == t {
				return true
			}
		}
		return false
	}
}

var numberTypes = []ShapeType{Byte, Short, Integer, Long, Float, Double, BigInteger, BigDecimal}

var traitPlacement = map[ShapeID]placement{
	TraitRequired:          {"members", onMember},
	TraitClientOptional:    {"members", onMember},
	TraitHTTPLabel:         {"members", onMember},
	TraitHTTPQuery:         {"members", onMember},
	TraitHTTPQueryParams:   {"members targeting a map", onTypesOrMembersTo(Map)},
	TraitHTTPHeader:        {"members", onMember},
	TraitHTTPPrefixHeaders: {"members targeting a map", onTypesOrMembersTo(Map)},
	TraitHTTPPayload:       {"members", onMember},
	TraitHTTPResponseCode:  {"members targeting an integer", onTypesOrMembersTo(Integer)},
	TraitJSONName:          {"members", onMember},
	TraitIdempotencyToken:  {"members targeting a string", onTypesOrMembersTo(String, Enum)},
	TraitEnumValue:         {"enum and intEnum members", onMember},
	TraitLength:            {"lists, maps, strings, blobs and members targeting them", onTypesOrMembersTo(List, Map, String, Enum, Blob)},
	TraitRange:             {"numbers and members targeting them", onTypesOrMembersTo(append(numberTypes, IntEnum)...)},
	TraitPattern:           {"strings and members targeting them", onTypesOrMembersTo(String, Enum)},
	TraitEnum:              {"strings", onTypes(String)},
	TraitError:             {"structures", onTypes(Structure)},
	TraitHTTPError:         {"structures", onTypes(Structure)},
	TraitHTTP:              {"operations", onTypes(Operation)},
	TraitIdempotent:        {"operations", onTypes(Operation)},
	TraitReadonly:          {"operations", onTypes(Operation)},
	TraitPaginated:         {"operations and services", onTypes(Operation, Service)},
	TraitInput:             {"structures", onTypes(Structure)},
	TraitOutput:            {"structures", onTypes(Structure)},
	TraitSparse:            {"lists and maps", onTypes(List, Map)},
	TraitUniqueItems:       {"lists", onTypes(List)},
	TraitTimestampFormat:   {"timestamps and members targeting them", onTypesOrMembersTo(Timestamp)},
	TraitMediaType:         {"blobs and strings", onTypesOrMembersTo(Blob, String, Enum)},
	TraitStreaming:         {"blobs and unions", onTypes(Blob, Union)},
	TraitSensitive: {"shapes other than operations, services and resources", func(on, _ ShapeType) bool {
		return on != Operation && on != Service && on != Resource
	}},
}

// validate checks references, member rules and trait placement of an assembled model.
func validate(m *Model) ErrorList {
	var errs ErrorList
	add := func(pos Pos, id ShapeID, format string, args ...any) {
		errs = append(errs, Errorf(pos, id, format, args...))
	}
	ref := func(pos Pos, from ShapeID, what string, to ShapeID, types ...ShapeType) {
		if to.IsZero() {
			return
		}
		t := m.shapes[to]
		if t == nil {
			add(pos, from, "%s %q not found", what, to.String())
			return
		}
		if len(types) > 0 && !containsType(types, t.Type) {
			add(pos, from, "%s %s is %s %s, want %s", what, to, article(string(t.Type)), t.Type, joinTypes(types))
		}
	}
	lowerIDs := map[string]*Shape{}
	for _, s := range m.sorted {
		key := strings.ToLower(s.ID.String())
		if prev := lowerIDs[key]; prev != nil {
			add(s.Pos, s.ID, "shape ID conflicts with %s (at %s): shape IDs must differ in more than case", prev.ID, prev.Pos)
		}
		lowerIDs[key] = s
		if !s.Type.Known() {
			add(s.Pos, s.ID, "unknown shape type %q", string(s.Type))
			continue
		}
		checkPlacement(s.Pos, s.ID, &s.Traits, s.Type, "", add)
		seen := map[string]*Member{}
		for _, mem := range s.Members {
			lower := strings.ToLower(mem.ID.Member)
			if prev := seen[lower]; prev != nil {
				add(mem.Pos, mem.ID, "duplicate member name (conflicts with %q at %s)", prev.ID.Member, prev.Pos)
			}
			seen[lower] = mem
			if mem.Target.IsZero() {
				add(mem.Pos, mem.ID, "member has no target")
				continue
			}
			t := m.shapes[mem.Target]
			if t == nil {
				add(mem.Pos, mem.ID, "target %q not found", mem.Target.String())
				continue
			}
			switch t.Type {
			case Operation, Service, Resource:
				add(mem.Pos, mem.ID, "member cannot target the %s %s", t.Type, t.ID)
			}
			checkPlacement(mem.Pos, mem.ID, &mem.Traits, MemberType, t.Type, add)
		}
		switch s.Type {
		case List:
			if len(s.Members) != 1 || s.Members[0].ID.Member != "member" {
				add(s.Pos, s.ID, "a list must have exactly one member named \"member\"")
			}
		case Map:
			if len(s.Members) != 2 || s.Member("key") == nil || s.Member("value") == nil {
				add(s.Pos, s.ID, "a map must have exactly the members \"key\" and \"value\"")
			} else if k := m.shapes[s.Member("key").Target]; k != nil && k.Type != String && k.Type != Enum {
				add(s.Pos, s.ID, "map key must target a string or enum, not %s %s", article(string(k.Type)), k.Type)
			}
		case Union:
			if len(s.Members) == 0 {
				add(s.Pos, s.ID, "a union must have at least one member")
			}
		case Enum:
			for _, mem := range s.Members {
				if v, _ := mem.Traits.EnumValue(); v == "" {
					add(mem.Pos, mem.ID, "enum member value must be a non-empty string")
				} else if _, isStr := v.(string); !isStr {
					add(mem.Pos, mem.ID, "enum member value must be a string")
				}
			}
		case IntEnum:
			for _, mem := range s.Members {
				if v, ok := mem.Traits.EnumValue(); !ok {
					add(mem.Pos, mem.ID, "intEnum member needs an integer @enumValue")
				} else if _, isInt := v.(int64); !isInt {
					add(mem.Pos, mem.ID, "intEnum member value must be an integer")
				}
			}
		case Operation:
			ref(s.Pos, s.ID, "input", s.Input, Structure)
			ref(s.Pos, s.ID, "output", s.Output, Structure)
			for _, e := range s.Errors {
				ref(s.Pos, s.ID, "error", e, Structure)
				if t := m.shapes[e]; t != nil && t.Type == Structure && t.Traits.ErrorKind() == "" {
					add(s.Pos, s.ID, "error %s is not marked with @error", e)
				}
			}
		case Service, Resource:
			for _, o := range s.Operations {
				ref(s.Pos, s.ID, "operation", o, Operation)
			}
			for _, o := range s.CollectionOperations {
				ref(s.Pos, s.ID, "operation", o, Operation)
			}
			for _, r := range s.Resources {
				ref(s.Pos, s.ID, "resource", r, Resource)
			}
			for _, e := range s.Errors {
				ref(s.Pos, s.ID, "error", e, Structure)
			}
			for _, o := range []ShapeID{s.Create, s.Put, s.Read, s.Update, s.Delete, s.List} {
				ref(s.Pos, s.ID, "lifecycle operation", o, Operation)
			}
			for _, idt := range append(append([]NamedTarget{}, s.Identifiers...), s.Properties...) {
				ref(s.Pos, s.ID, "identifier or property "+idt.Name, idt.Target)
			}
			for from, to := range s.Rename {
				ref(s.Pos, s.ID, "rename", from)
				if !validIdentifier(to) {
					add(s.Pos, s.ID, "rename of %s to %q is not a valid identifier", from, to)
				}
			}
		}
	}
	errs = append(errs, checkTraitDefinitions(m)...)
	return errs
}

func checkPlacement(pos Pos, id ShapeID, traits *Traits, on, target ShapeType, add func(Pos, ShapeID, string, ...any)) {
	for _, tr := range traits.All() {
		p, ok := traitPlacement[tr.ID]
		if !ok || p.ok(on, target) {
			continue
		}
		where := string(on)
		if on == MemberType {
			where = "member targeting a " + string(target)
		}
		at := tr.Pos
		if at == (Pos{}) {
			at = pos
		}
		add(at, id, "trait %s cannot be applied to %s %s: it may only be applied to %s", tr.ID, article(where), where, p.where)
	}
}

func containsType(types []ShapeType, t ShapeType) bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

func joinTypes(types []ShapeType) string {
	s := make([]string, len(types))
	for i, t := range types {
		s[i] = string(t)
	}
	return strings.Join(s, " or ")
}

// article is "an" before a vowel, else "a".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}
