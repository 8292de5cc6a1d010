package generator

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
	"github.com/smithygen/smithygen/model"
)

// This file writes validators.go: a Validate method and a validate method on
// every struct, and a validateX function for every union, enum and intEnum
// and for the lists and maps whose items have something to check. The
// runtime they share (ValidationMode, paramError, path segments) is the
// static templates/validate_runtime.go.tmpl.
//
// Every function returns the failures found below the value it is given, with
// paths relative to that value; the caller appends its own path segment with
// nest. Paths therefore cost nothing until something fails.

// emitValidators writes validators.go.
func (g *gen) emitValidators(f *jen.File) error {
	pl, err := planValidators(g.pkg)
	if err != nil {
		return err
	}
	pl.emitPatternVars(f)
	pl.emitBoundVars(f)
	pl.emitTextChecks(f)
	for _, s := range g.allStructs() {
		pl.emitStructValidator(f, s)
		if s.EqualFunc != "" {
			pl.emitStructEqual(f, s)
		}
	}
	for _, s := range g.pkg.Shapes {
		switch s.Kind {
		case KindUnion:
			pl.emitUnionValidator(f, s)
			if s.EqualFunc != "" {
				pl.emitUnionEqual(f, s)
			}
		case KindList:
			if pl.needs[s] {
				pl.emitListValidator(f, s)
			}
			if s.EqualFunc != "" {
				pl.emitListEqual(f, s)
			}
		case KindMap:
			if pl.needs[s] {
				pl.emitMapValidator(f, s)
			}
			if s.EqualFunc != "" {
				pl.emitMapEqual(f, s)
			}
		case KindEnum, KindIntEnum:
			pl.emitEnumValidator(f, s)
		}
	}
	if pl.runeCount {
		fileComment(f, "runeCount is the length of a string under @length: its code points. It is kept\n"+
			"out of line: every @length of a string calls it.\n\n//go:noinline")
		f.Func().Id("runeCount").Params(jen.Id("s").String()).Int().Block(
			jen.Return(jen.Qual("unicode/utf8", "RuneCountInString").Call(jen.Id("s"))))
		f.Line()
	}
	return nil
}

// validatorPlan is what the validator emitter decides before writing: the
// package-level variables (regexps, big bounds), which shapes need
// equality functions and which have anything to check at all.
type validatorPlan struct {
	unchecked []*model.Error // patterns Go cannot check: warned about, listed in validators.go
	pkg       *Package
	needs     map[*Shape]bool // values of the shape have something to check
	patterns  []*patternVar   // sorted by name
	bounds    []*boundVar     // sorted by name
	runeCount bool            // a @length of a string was checked: write runeCount
	// textChecks are the shared check functions of @length and @pattern of
	// strings and enums, by textCheckKey, for the constraint sets that two
	// struct members or more share (see planTextChecks).
	textChecks map[string]*textCheck
}

// textCheck is a function that appends the failures of @length and @pattern
// of a string, shared by the struct members with those constraints:
//
//	func checkAwsAccountId(errs []*paramError, x string, member string) []*paramError
type textCheck struct {
	Name  string
	Owner model.ShapeID // the shape (or member) it is named after
	m     *Member       // a member it checks: its constraints write the body
}

// patternVar is one package-level compiled @pattern.
type patternVar struct {
	Name    string
	Pattern string // as written in the model (ECMA-262)
	RE2     string // translated for Go's regexp package
	Owner   model.ShapeID
}

// boundVar is one package-level bigInteger or bigDecimal @range bound.
type boundVar struct {
	Name    string
	Text    string // the bound as Go's math/big parses it
	Decimal bool   // *big.Float rather than *big.Int
}

// planValidators is the validator emitter's IR pass. It decides, once and in
// a deterministic order, Constraints.PatternVar (one variable per distinct
// pattern text, named after the first shape or member, by shape ID, that
// declares it), Constraints.RangeMinVar/RangeMaxVar of big numbers and
// Shape.EqualFunc, and checks that every pattern and range bound can be
// written in Go. It fails with every problem found.
func planValidators(p *Package) (*validatorPlan, error) {
	pl := &validatorPlan{pkg: p, needs: map[*Shape]bool{}}
	var errs model.ErrorList
	pl.checkApplicable(&errs)
	pl.planPatterns(&errs)
	pl.planRanges(&errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	pl.planEquality()
	pl.planNeeds()
	pl.planTextChecks()
	return pl, nil
}

// textCheckKey identifies the @length and @pattern checks c of a string or
// an enum (text); "" when there are none.
func textCheckKey(text bool, c Constraints) string {
	if !text || (c.Length == nil && c.PatternVar == "") {
		return ""
	}
	key := "length"
	if l := c.Length; l != nil {
		for _, b := range []*int64{l.Min, l.Max} {
			key += "|"
			if b != nil {
				key += strconv.FormatInt(*b, 10)
			}
		}
	}
	return key + "|" + c.PatternVar
}

// planTextChecks gives a shared check function to every set of @length and
// @pattern constraints that two struct members or more check (QuickSight's
// AwsAccountId alone is checked in 264 inputs): each such member's checks are
// one call, which keeps the validators of a big package quick to compile. A
// function is named after the first shape, by shape ID, whose members it
// checks (or the first member, when a member's own traits make the set).
func (pl *validatorPlan) planTextChecks() {
	count := map[string]int{}
	first := map[string]*Member{}
	owner := map[string]model.ShapeID{}
	for _, s := range structsOf(pl.pkg) {
		for _, m := range s.Members {
			key := textCheckKey(isText(m), m.Constraints)
			if key == "" {
				continue
			}
			count[key]++
			o := m.Target.ID
			if textCheckKey(true, m.Target.Constraints) != key {
				o = m.ID // the member's own traits make the set
			}
			if prev, ok := owner[key]; !ok || o.Compare(prev) < 0 {
				owner[key], first[key] = o, m
			}
		}
	}
	keys := make([]string, 0, len(count))
	for key, n := range count {
		if n >= 2 {
			keys = append(keys, key)
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c := owner[a].Compare(owner[b]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	pl.textChecks = map[string]*textCheck{}
	taken := map[string]bool{"checkEntries": true} // the runtime's (validate_runtime.go.tmpl)
	for _, key := range keys {
		o := owner[key]
		pl.textChecks[key] = &textCheck{Name: ownedName("check", o, taken), Owner: o, m: first[key]}
	}
}

// emitTextChecks writes the shared check functions, by name.
func (pl *validatorPlan) emitTextChecks(f *jen.File) {
	checks := slices.Collect(maps.Values(pl.textChecks))
	slices.SortFunc(checks, func(a, b *textCheck) int { return strings.Compare(a.Name, b.Name) })
	for _, tc := range checks {
		var traits []string
		if tc.m.Constraints.Length != nil {
			traits = append(traits, "@length")
		}
		if tc.m.Constraints.PatternVar != "" {
			traits = append(traits, "@pattern")
		}
		fileComment(f, fmt.Sprintf("%s appends to errs the failures of x under the %s of\n%s,\nreported at the struct member named member.",
			tc.Name, strings.Join(traits, " and "), tc.Owner))
		st := site{m: tc.m, value: jen.Id("x"), shared: true}
		body := pl.constraintChecks(st)
		f.Func().Id(tc.Name).Params(jen.Id("errs").Add(errsType()), jen.Id("x").String(), jen.Id("member").String()).Add(errsType()).Block(
			append(body, jen.Return(jen.Id("errs")))...)
		f.Line()
	}
}

// sites returns every member of the package whose value is checked: struct and
// union members, list items, map keys and values, in shape-ID order.
func (pl *validatorPlan) sites() []*Member {
	var out []*Member
	for _, s := range pl.pkg.Shapes {
		out = append(out, s.Members...)
		for _, m := range []*Member{s.Key, s.Elem} {
			if m != nil {
				out = append(out, m)
			}
		}
	}
	return out
}

// isText reports whether values of m are strings (string shapes and enums).
func isText(m *Member) bool { return m.Target.Kind == KindEnum || m.GoType.Kind == GoString }

// checkApplicable fails on a @length or @pattern the generated code could not
// check (the model's own validation should have rejected them): a constraint
// is never dropped silently. @range is checked by planRanges.
func (pl *validatorPlan) checkApplicable(errs *model.ErrorList) {
	for _, m := range pl.sites() {
		c := m.Constraints
		if c.Pattern != "" && !isText(m) {
			*errs = append(*errs, model.Errorf(pl.pkg.PosOf(m.ID), m.ID, "@pattern applies to %s, which is not a string", m.Target.ID))
		}
		if c.Length != nil && !isText(m) && !slices.Contains([]GoKind{GoBytes, GoSlice, GoMap}, m.GoType.Kind) {
			*errs = append(*errs, model.Errorf(pl.pkg.PosOf(m.ID), m.ID, "@length applies to %s, which is not a string, blob, list or map", m.Target.ID))
		}
	}
}

func (pl *validatorPlan) planPatterns(errs *model.ErrorList) {
	owners := map[string]model.ShapeID{}
	for _, m := range pl.sites() {
		pat := m.Constraints.Pattern
		if pat == "" || !isText(m) {
			continue
		}
		owner := m.Target.ID
		if m.Target.Constraints.Pattern != pat {
			owner = m.ID // the member's own @pattern overrides its target's
		}
		if o, ok := owners[pat]; !ok || owner.Compare(o) < 0 {
			owners[pat] = owner
		}
	}
	texts := make([]string, 0, len(owners))
	for pat := range owners {
		texts = append(texts, pat)
	}
	slices.Sort(texts)
	names := map[string]string{}
	taken := map[string]bool{}
	for _, pat := range texts {
		owner := owners[pat]
		re2, err := translatePattern(pat)
		if err != nil && !errors.As(err, new(*patternUnsupported)) {
			*errs = append(*errs, model.Errorf(pl.pkg.PosOf(owner), owner, "@pattern %q is not a valid regular expression: %v", pat, err))
			continue
		}
		if err != nil {
			// Not dropped silently: a warning at generation time and a note in
			// validators.go say which constraint is not checked, and why.
			w := model.Errorf(pl.pkg.PosOf(owner), owner, "@pattern %q is not checked: it cannot be used in Go: %v", pat, err)
			pl.unchecked = append(pl.unchecked, w)
			pl.pkg.Warnings = append(pl.pkg.Warnings, w)
			continue
		}
		name := ownedName("pattern", owner, taken)
		names[pat] = name
		pl.patterns = append(pl.patterns, &patternVar{Name: name, Pattern: pat, RE2: re2, Owner: owner})
	}
	slices.SortFunc(pl.patterns, func(a, b *patternVar) int { return strings.Compare(a.Name, b.Name) })
	for _, s := range pl.pkg.Shapes {
		s.Constraints.PatternVar = names[s.Constraints.Pattern]
	}
	for _, m := range pl.sites() {
		m.Constraints.PatternVar = names[m.Constraints.Pattern]
	}
}

// valueKind is the Go kind a member's value is checked as: intEnums are int32.
func valueKind(m *Member) GoKind {
	if m.Target.Kind == KindIntEnum {
		return GoInt32
	}
	return m.GoType.Kind
}

// intLimits are the bounds of Go's integer types.
var intLimits = map[GoKind][2]int64{
	GoInt8:  {-1 << 7, 1<<7 - 1},
	GoInt16: {-1 << 15, 1<<15 - 1},
	GoInt32: {-1 << 31, 1<<31 - 1},
	GoInt64: {-1 << 63, 1<<63 - 1},
}

// planRanges checks every @range bound against the Go type of the value and
// names the package-level variables of big-number bounds.
func (pl *validatorPlan) planRanges(errs *model.ErrorList) {
	vars := map[string]*boundVar{}
	for _, m := range pl.sites() {
		r := m.Constraints.Range
		if r == nil {
			continue
		}
		kind := valueKind(m)
		for i, bound := range []*string{numberText(r.Min), numberText(r.Max)} {
			if bound == nil {
				continue
			}
			text := *bound
			which := [...]string{"min", "max"}[i]
			fail := func(format string, args ...any) {
				*errs = append(*errs, model.Errorf(pl.pkg.PosOf(m.ID), m.ID, "@range %s %s %s", which, text, fmt.Sprintf(format, args...)))
			}
			rat, ok := new(big.Rat).SetString(text)
			if !ok {
				fail("is not a number")
				continue
			}
			var v *boundVar
			switch kind {
			case GoInt8, GoInt16, GoInt32, GoInt64:
				lim := intLimits[kind]
				switch {
				case !rat.IsInt():
					fail("is not an integer, but %s holds integers", m.Target.ID)
				case rat.Num().Cmp(big.NewInt(lim[0])) < 0 || rat.Num().Cmp(big.NewInt(lim[1])) > 0:
					fail("is outside the range of %s's Go type", m.Target.ID)
				}
			case GoFloat32, GoFloat64:
				bits := map[GoKind]int{GoFloat32: 32, GoFloat64: 64}[kind]
				if _, err := strconv.ParseFloat(text, bits); err != nil {
					fail("does not fit a float%d", bits)
				}
			case GoBigInt:
				if !rat.IsInt() {
					fail("is not an integer, but %s holds integers", m.Target.ID)
					continue
				}
				n := rat.Num().String()
				v = &boundVar{Name: "bigIntBound" + boundSuffix(n), Text: n}
			case GoBigFloat:
				v = &boundVar{Name: "bigDecimalBound" + boundSuffix(text), Text: text, Decimal: true}
			default:
				fail("applies to %s, which is not a number", m.Target.ID)
			}
			if v == nil {
				continue
			}
			if old, ok := vars[v.Name]; ok {
				v = old
			} else {
				vars[v.Name] = v
				pl.bounds = append(pl.bounds, v)
			}
			if i == 0 {
				m.Constraints.RangeMinVar = v.Name
			} else {
				m.Constraints.RangeMaxVar = v.Name
			}
		}
	}
	slices.SortFunc(pl.bounds, func(a, b *boundVar) int { return strings.Compare(a.Name, b.Name) })
}

func numberText(n *json.Number) *string {
	if n == nil {
		return nil
	}
	s := n.String()
	return &s
}

// boundSuffix turns a number into identifier text: "-2.5e3" → "Neg2_5e3".
func boundSuffix(text string) string {
	return strings.NewReplacer("-", "Neg", "+", "", ".", "_").Replace(text)
}

// comparableValue reports whether values of m compare correctly with Go's ==
// (as Smithy value equality): strings, enums, numbers and booleans held by value.
func comparableValue(m *Member) bool {
	if m.Pointer {
		return false
	}
	switch valueKind(m) {
	case GoString, GoBool, GoInt8, GoInt16, GoInt32, GoInt64, GoFloat32, GoFloat64:
		return true
	}
	return false
}

// planEquality names an equality function for every struct, union, list and
// map that can sit inside a @uniqueItems list whose items Go cannot compare
// with ==.
func (pl *validatorPlan) planEquality() {
	var mark func(s *Shape)
	mark = func(s *Shape) {
		switch s.Kind {
		case KindStruct, KindUnion, KindList, KindMap:
		default:
			return
		}
		if s.EqualFunc != "" {
			return
		}
		s.EqualFunc = "equal" + s.Name
		for _, m := range s.Members {
			mark(m.Target)
		}
		if s.Elem != nil {
			mark(s.Elem.Target)
		}
	}
	for _, s := range pl.pkg.Shapes {
		if s.Kind == KindList && s.Constraints.UniqueItems {
			mark(s.Elem.Target)
		}
	}
}

// planNeeds finds the shapes whose values have anything to check, to a fixed
// point (recursive shapes need the iteration). Structs always get their
// methods; lists and maps with nothing to check get no function and are not
// walked.
func (pl *validatorPlan) planNeeds() {
	for changed := true; changed; {
		changed = false
		for _, s := range pl.pkg.Shapes {
			if !pl.needs[s] && pl.shapeNeeds(s) {
				pl.needs[s] = true
				changed = true
			}
		}
	}
}

func (pl *validatorPlan) shapeNeeds(s *Shape) bool {
	switch s.Kind {
	case KindUnion, KindEnum, KindIntEnum:
		return true
	case KindStruct:
		return slices.ContainsFunc(s.Members, func(m *Member) bool { return pl.siteNeeds(memberSite(m, nil)) })
	case KindList:
		return pl.siteNeeds(itemSite(s, s.Elem, nil, nil))
	case KindMap:
		return pl.siteNeeds(itemSite(s, s.Key, nil, nil)) || pl.siteNeeds(itemSite(s, s.Elem, nil, nil))
	}
	return false
}

func (pl *validatorPlan) siteNeeds(st site) bool {
	c := st.m.Constraints
	if c.PatternVar == "" {
		c.Pattern = "" // a pattern Go cannot check (warned about) needs no code
	}
	return (st.required && st.absent() != nil) || !c.Empty() || pl.needs[st.m.Target]
}

// site is a value checked in place: a struct member, the value of a union
// member, a list item, a map key or a map value.
type site struct {
	m        *Member
	value    *jen.Statement // the value as stored (*T for pointer members)
	seg      *jen.Statement // its path segment; nil for map keys, reported at the map
	member   string         // the member's name, for a struct member
	required bool           // an absent value is a failure
	item     bool           // a list item, map value or union member value, not a struct member
	shared   bool           // the string x of a textCheck function, reported at its member argument
}

// memberSite is member m of a struct, read as v.Field.
func memberSite(m *Member, recv *jen.Statement) site {
	var value *jen.Statement
	if recv != nil {
		value = recv.Clone().Dot(m.GoName)
	}
	return site{m: m, value: value, seg: jen.Id("segMember").Call(jen.Lit(m.Name)), member: m.Name, required: m.Required}
}

// itemSite is an item of a list or map, or the value of a union member. In a
// container that is not sparse, a nil union or big number is a missing item.
func itemSite(container *Shape, m *Member, value, seg *jen.Statement) site {
	return site{m: m, value: value, seg: seg, item: true, required: !container.Sparse}
}

func (st site) val() *jen.Statement { return st.value.Clone() }

// absent is the condition under which the value is missing, or nil when it
// cannot be missing: pointers, nil slices, maps, blobs, documents, big numbers
// and union interfaces, and the empty string for enums (and for required
// strings held by value). List items, map values and union member values are
// never absent unless nil-able scalars (sparse) or unions and big numbers:
// a nil slice or map there is written as an empty one.
func (st site) absent() *jen.Statement {
	m := st.m
	isNil := func() *jen.Statement {
		if st.value == nil {
			return jen.Null()
		}
		return st.val().Op("==").Nil()
	}
	isEmpty := func() *jen.Statement {
		if st.value == nil {
			return jen.Null()
		}
		return st.val().Op("==").Lit("")
	}
	switch {
	case m.Pointer, m.Target.Kind == KindUnion:
		return isNil()
	case m.Target.Kind == KindEnum:
		if st.item {
			return nil
		}
		return isEmpty()
	}
	switch m.GoType.Kind {
	case GoBigInt, GoBigFloat, GoDocument:
		return isNil()
	case GoBytes, GoSlice, GoMap:
		if st.item {
			return nil
		}
		return isNil()
	case GoString:
		if st.required && !st.item {
			return isEmpty()
		}
	}
	return nil
}

// present negates absent.
func (st site) present() *jen.Statement {
	m := st.m
	if !m.Pointer && (m.Target.Kind == KindEnum || m.GoType.Kind == GoString) {
		return st.val().Op("!=").Lit("")
	}
	return st.val().Op("!=").Nil()
}

// x is the value with pointers followed (structs stay pointers: their methods
// take one).
func (st site) x() *jen.Statement {
	if st.shared {
		return st.val()
	}
	if st.m.Pointer && !st.m.GoType.Struct {
		return jen.Op("*").Add(st.val())
	}
	return st.val()
}

// text is the value as a string, for @length and @pattern of strings and enums.
func (st site) text() *jen.Statement {
	if st.m.Target.Kind == KindEnum && !st.shared {
		return jen.String().Call(st.x())
	}
	return st.x()
}

// at renders the arguments of an error constructor followed by the site's segment.
func (st site) at(args ...jen.Code) []jen.Code {
	if st.seg != nil {
		args = append(args, st.seg.Clone())
	}
	return args
}

// addErr appends a failure of kind (Required, Length, Constraint,
// UniqueItems) with the constructor's arguments args. A struct member's goes
// through the runtime's out-of-line add<Kind>, one call a site; an item's is
// built in place with its segment:
//
//	errs = addLength(errs, n, "Member must ...", "Name")
//	errs = append(errs, lengthError(n, "Member must ...", segIndex(i)))
func (st site) addErr(kind string, args ...jen.Code) jen.Code {
	if st.shared {
		return jen.Id("errs").Op("=").Id("add" + kind).Call(append(append([]jen.Code{jen.Id("errs")}, args...), jen.Id("member"))...)
	}
	if st.member != "" {
		return jen.Id("errs").Op("=").Id("add" + kind).Call(append(append([]jen.Code{jen.Id("errs")}, args...), jen.Lit(st.member))...)
	}
	ctor := strings.ToLower(kind[:1]) + kind[1:] + "Error"
	return jen.Id("errs").Op("=").Append(jen.Id("errs"), jen.Id(ctor).Call(st.at(args...)...))
}

// appendAll appends the result of a nested check, with the site's segment
// added, through the runtime's out-of-line nestMember and nestAt: one call a
// site keeps the validate functions of big models small to compile.
//
//	errs = nestMember(errs, "Config", v.Config.validate(mode))
//	errs = nestAt(errs, segIndex(i), validateL(item, mode))
func (st site) appendAll(call jen.Code) jen.Code {
	switch {
	case st.member != "":
		return jen.Id("errs").Op("=").Id("nestMember").Call(jen.Id("errs"), jen.Lit(st.member), call)
	case st.seg != nil:
		return jen.Id("errs").Op("=").Id("nestAt").Call(jen.Id("errs"), st.seg.Clone(), call)
	}
	return jen.Id("errs").Op("=").Append(jen.Id("errs"), jen.Add(call).Op("..."))
}

func modeIs(mode string) *jen.Statement { return jen.Id("mode").Op("==").Id(mode) }

var errSliceType = jen.Index().Op("*").Id("paramError")

func errsType() *jen.Statement { return errSliceType.Clone() }

// checkSite writes the checks of one value:
//
//	if v.Name == nil {
//		errs = addRequired(errs, "Name")
//	} else if mode == ValidateAll {
//		if n := runeCount(*v.Name); n < 1 || n > 255 { errs = addLength(errs, n, "...", "Name") }
//		if !patternName.MatchString(*v.Name) { errs = addConstraint(errs, kindPattern, "...", "Name") }
//	}
//	errs = nestMember(errs, "Config", v.Config.validate(mode))
func (pl *validatorPlan) checkSite(grp *jen.Group, st site) {
	checks := pl.constraintChecks(st)
	var present []jen.Code
	if len(checks) > 0 {
		present = append(present, jen.If(modeIs("ValidateAll")).Block(checks...))
	}
	if nested := pl.nestedCheck(st); nested != nil {
		present = append(present, nested)
	}
	absent := st.absent()
	switch {
	case absent == nil:
		for _, c := range present {
			grp.Add(c)
		}
	case st.required:
		stmt := jen.If(absent).Block(st.addErr("Required"))
		switch {
		case len(present) == 1 && len(checks) > 0:
			stmt.Else().If(modeIs("ValidateAll")).Block(checks...)
		case len(present) > 0:
			stmt.Else().Block(present...)
		}
		grp.Add(stmt)
	case len(present) == 1 && len(checks) > 0:
		grp.If(st.present().Op("&&").Add(modeIs("ValidateAll"))).Block(checks...)
	case len(present) > 0:
		grp.If(st.present()).Block(present...)
	}
}

// constraintChecks are the checks of @length, @range, @pattern and
// @uniqueItems on a present value (enum values are checked by the enum's
// validate function, through nestedCheck).
func (pl *validatorPlan) constraintChecks(st site) []jen.Code {
	if st.member != "" {
		if tc := pl.textChecks[textCheckKey(isText(st.m), st.m.Constraints)]; tc != nil {
			// errs = checkAwsAccountId(errs, *v.AwsAccountId, "AwsAccountId")
			return []jen.Code{jen.Id("errs").Op("=").Id(tc.Name).Call(jen.Id("errs"), st.text(), jen.Lit(st.member))}
		}
	}
	var out []jen.Code
	c := st.m.Constraints
	if c.Length != nil {
		out = append(out, pl.lengthCheck(st)...)
	}
	if c.Range != nil {
		out = append(out, rangeCheck(st)...)
	}
	if c.PatternVar != "" {
		msg := "Member must satisfy regular expression pattern: " + c.Pattern
		out = append(out, jen.If(jen.Op("!").Id(c.PatternVar).Dot("MatchString").Call(st.text())).Block(
			st.addErr("Constraint", jen.Id("kindPattern"), jen.Lit(msg))))
	}
	if c.UniqueItems && st.m.GoType.Kind == GoSlice {
		out = append(out, uniqueCheck(st))
	}
	return out
}

// lengthCheck writes
//
//	if n := runeCount(x); n < 1 || n > 8 { errs = addLength(errs, n, "...", "Name") }
//
// Strings count Unicode code points; blobs bytes; lists and maps items.
func (pl *validatorPlan) lengthCheck(st site) []jen.Code {
	l := st.m.Constraints.Length
	var n *jen.Statement
	switch {
	case isText(st.m):
		pl.runeCount = true
		n = jen.Id("runeCount").Call(st.text())
	case st.m.GoType.Kind == GoBytes || st.m.GoType.Kind == GoSlice || st.m.GoType.Kind == GoMap:
		n = jen.Len(st.x())
	default:
		return nil
	}
	// An empty string or enum held by value that counts as absent never gets
	// here: a minimum of 1 needs no test. (Through a pointer, "" is a present
	// value of length 0.)
	floor := int64(0)
	if isText(st.m) && !st.shared && !st.m.Pointer && st.absent() != nil {
		floor = 1
	}
	var cond []jen.Code
	switch {
	case l.Min != nil && l.Max != nil && *l.Min == *l.Max:
		cond = append(cond, jen.Id("n").Op("!=").Lit(int(*l.Min)))
	default:
		if l.Min != nil && *l.Min > floor {
			cond = append(cond, jen.Id("n").Op("<").Lit(int(*l.Min)))
		}
		if l.Max != nil {
			cond = append(cond, jen.Id("n").Op(">").Lit(int(*l.Max)))
		}
	}
	if len(cond) == 0 {
		return nil
	}
	var msg string
	switch {
	case l.Min != nil && l.Max != nil:
		msg = fmt.Sprintf("Member must have length between %d and %d, inclusive", *l.Min, *l.Max)
	case l.Min != nil:
		msg = fmt.Sprintf("Member must have length greater than or equal to %d", *l.Min)
	default:
		msg = fmt.Sprintf("Member must have length less than or equal to %d", *l.Max)
	}
	return []jen.Code{jen.If(jen.Id("n").Op(":=").Add(n), jen.Add(joinOp("||", cond))).Block(
		st.addErr("Length", jen.Id("n"), jen.Lit(msg)))}
}

func joinOp(op string, parts []jen.Code) *jen.Statement {
	s := jen.Null()
	for i, p := range parts {
		if i > 0 {
			s.Op(op)
		}
		s.Add(p)
	}
	return s
}

// rangeCheck writes
//
//	if x < 2 || x > 8 { ... }            // integers
//	if !(x >= 2.2 && x <= 8.8) { ... }   // floats: NaN fails too
//	if x.Cmp(bigIntBound2) < 0 || ... { ... }
//
// The bounds are the model's text (checked by planRanges), so floats are
// compared exactly as written.
func rangeCheck(st site) []jen.Code {
	c := st.m.Constraints
	r := c.Range
	minText, maxText := numberText(r.Min), numberText(r.Max)
	var cond *jen.Statement
	switch valueKind(st.m) {
	case GoInt8, GoInt16, GoInt32, GoInt64:
		var parts []jen.Code
		if minText != nil {
			parts = append(parts, st.x().Op("<").Op(intText(*minText)))
		}
		if maxText != nil {
			parts = append(parts, st.x().Op(">").Op(intText(*maxText)))
		}
		cond = joinOp("||", parts)
	case GoFloat32, GoFloat64:
		var parts []jen.Code
		if minText != nil {
			parts = append(parts, st.x().Op(">=").Op(*minText))
		}
		if maxText != nil {
			parts = append(parts, st.x().Op("<=").Op(*maxText))
		}
		cond = jen.Op("!").Parens(joinOp("&&", parts))
	case GoBigInt, GoBigFloat:
		var parts []jen.Code
		if c.RangeMinVar != "" {
			parts = append(parts, st.x().Dot("Cmp").Call(jen.Id(c.RangeMinVar)).Op("<").Lit(0))
		}
		if c.RangeMaxVar != "" {
			parts = append(parts, st.x().Dot("Cmp").Call(jen.Id(c.RangeMaxVar)).Op(">").Lit(0))
		}
		cond = joinOp("||", parts)
	default:
		return nil
	}
	var msg string
	switch {
	case minText != nil && maxText != nil:
		msg = fmt.Sprintf("Member must be between %s and %s, inclusive", *minText, *maxText)
	case minText != nil:
		msg = fmt.Sprintf("Member must be greater than or equal to %s", *minText)
	case maxText != nil:
		msg = fmt.Sprintf("Member must be less than or equal to %s", *maxText)
	default:
		return nil
	}
	return []jen.Code{jen.If(cond).Block(
		st.addErr("Constraint", jen.Id("kindRange"), jen.Lit(msg)))}
}

// intText renders an integral bound ("1e3", "4.0") as a Go integer literal.
func intText(text string) string {
	r, _ := new(big.Rat).SetString(text)
	return r.Num().String()
}

// uniqueCheck writes
//
//	if dup := repeatedValues(x); dup != nil { errs = append(errs, uniqueItemsError(dup, seg)) }
//
// with repeatedIndices and an equality test for items Go cannot compare with ==.
func uniqueCheck(st site) jen.Code {
	elem := st.m.Target.Elem
	var find *jen.Statement
	if comparableValue(elem) {
		find = jen.Id("repeatedValues").Call(st.x())
	} else {
		item := func(i string) *jen.Statement { return st.x().Index(jen.Id(i)) }
		find = jen.Id("repeatedIndices").Call(jen.Len(st.x()),
			jen.Func().Params(jen.List(jen.Id("a"), jen.Id("b")).Int()).Bool().Block(
				jen.Return(equalExpr(elem, item("a"), item("b"), false))))
	}
	return jen.If(jen.Id("dup").Op(":=").Add(find), jen.Id("dup").Op("!=").Nil()).Block(
		st.addErr("UniqueItems", jen.Id("dup")))
}

// nestedCheck is the call that validates what the value holds: struct
// members, union members, items, enum values. Nil when there is nothing to
// check.
func (pl *validatorPlan) nestedCheck(st site) jen.Code {
	t := st.m.Target
	if !pl.needs[t] {
		return nil
	}
	switch t.Kind {
	case KindStruct:
		return st.appendAll(st.x().Dot("validate").Call(jen.Id("mode")))
	case KindUnion, KindList, KindMap, KindEnum, KindIntEnum:
		return st.appendAll(jen.Id(t.ValidateFunc).Call(st.x(), jen.Id("mode")))
	}
	return nil
}

// emitPatternVars writes the compiled patterns:
//
//	var (
//		// patternAwsAccountId is @pattern "^[0-9]{12}$".
//		patternAwsAccountId = regexp.MustCompile("^[0-9]{12}$")
//	)
func (pl *validatorPlan) emitPatternVars(f *jen.File) {
	if len(pl.unchecked) > 0 {
		f.Comment("These @pattern traits of the model are NOT checked, because Go's RE2 engine")
		f.Comment("cannot express them (smithygen warned about each when generating):")
		for _, w := range pl.unchecked {
			f.Comment("  - " + w.Shape.String() + ": " + w.Msg)
		}
		f.Line()
	}
	if len(pl.patterns) == 0 {
		return
	}
	f.Comment("The model's @pattern traits, compiled once. Smithy patterns are ECMA-262 regular")
	f.Comment("expressions; where Go's RE2 syntax differs they are rewritten to keep their meaning.")
	f.Var().DefsFunc(func(grp *jen.Group) {
		for _, p := range pl.patterns {
			doc := fmt.Sprintf("%s is @pattern %q of %s.", p.Name, p.Pattern, p.Owner)
			if p.RE2 != p.Pattern {
				doc = fmt.Sprintf("%s is @pattern %q of %s, in RE2 syntax.", p.Name, p.Pattern, p.Owner)
			}
			grp.Comment(doc)
			grp.Id(p.Name).Op("=").Qual("regexp", "MustCompile").Call(jen.Lit(p.RE2))
		}
	})
	f.Line()
}

// emitBoundVars writes the bounds of big-number ranges:
//
//	var bigIntBound100, _ = new(big.Int).SetString("100", 10)
//	var bigDecimalBound2_5, _, _ = big.ParseFloat("2.5", 10, 256, big.ToNearestEven)
//
// bigDecimal bounds are parsed the way the JSON reader parses values, so
// that a value written like the bound compares equal to it.
func (pl *validatorPlan) emitBoundVars(f *jen.File) {
	if len(pl.bounds) == 0 {
		return
	}
	f.Comment("Bounds of @range traits on bigInteger and bigDecimal values (checked when generated).")
	for _, b := range pl.bounds {
		if b.Decimal {
			f.Var().List(jen.Id(b.Name), jen.Id("_"), jen.Id("_")).Op("=").Qual("math/big", "ParseFloat").Call(
				jen.Lit(b.Text), jen.Lit(10), jen.Lit(256), jen.Qual("math/big", "ToNearestEven"))
		} else {
			f.Var().List(jen.Id(b.Name), jen.Id("_")).Op("=").New(jen.Qual("math/big", "Int")).Dot("SetString").Call(jen.Lit(b.Text), jen.Lit(10))
		}
	}
	f.Line()
}

// emitStructValidator writes a struct's validators:
//
//	// Validate checks v against every constraint of the model ...
//	func (v *X) Validate() error { return invalidParams("X", v.validate(ValidateAll)) }
//
//	// validate returns what fails in v, in member order, depth first; nil when valid.
//	func (v *X) validate(mode ValidationMode) []*paramError {
//		if v == nil || mode == ValidateOff { return nil }
//		var errs []*paramError
//		... one checkSite per member ...
//		return errs
//	}
func (pl *validatorPlan) emitStructValidator(f *jen.File, s *Shape) {
	recv := jen.Id("v").Op("*").Id(s.Name)
	if !pl.needs[s] {
		fileComment(f, fmt.Sprintf("Validate checks v against the model's constraints: %s has none, so it returns nil.", s.Name))
		f.Func().Params(jen.Op("*").Id(s.Name)).Id("Validate").Params().Error().Block(jen.Return(jen.Nil()))
		f.Line()
		fileComment(f, "validate returns nil: there is nothing to check.")
		f.Func().Params(jen.Op("*").Id(s.Name)).Id("validate").Params(jen.Id("ValidationMode")).Add(errsType()).Block(jen.Return(jen.Nil()))
		f.Line()
		return
	}
	fileComment(f, "Validate checks v against every constraint of the model and returns nil or a\n"+
		"smithy.InvalidParamsError that lists every failure (see ValidationMode).")
	f.Func().Params(recv.Clone()).Id("Validate").Params().Error().Block(
		jen.Return(jen.Id("invalidParams").Call(jen.Lit(s.Name), jen.Id("v").Dot("validate").Call(jen.Id("ValidateAll")))))
	f.Line()
	fileComment(f, "validate returns what fails in v under mode, in member order and depth first,\n"+
		"with paths relative to v; nil when v is valid.")
	f.Func().Params(recv.Clone()).Id("validate").Params(jen.Id("mode").Id("ValidationMode")).Add(errsType()).BlockFunc(func(grp *jen.Group) {
		grp.If(jen.Id("v").Op("==").Nil().Op("||").Add(modeIs("ValidateOff"))).Block(jen.Return(jen.Nil()))
		grp.Var().Id("errs").Add(errsType())
		for _, m := range s.Members {
			st := memberSite(m, jen.Id("v"))
			if m.Required && st.absent() == nil {
				grp.Comment(fmt.Sprintf("%s is required but held by value: its zero value cannot be told absent.", m.Name))
			}
			pl.checkSite(grp, st)
		}
		grp.Return(jen.Id("errs"))
	})
	f.Line()
}

// emitUnionValidator writes
//
//	// validateU checks the member a U holds ...
//	func validateU(v U, mode ValidationMode) []*paramError {
//		var errs []*paramError
//		switch uv := v.(type) {
//		case *UMemberA:
//			if uv == nil { return []*paramError{noMemberError()} }
//			... checks of uv.Value at segVariant("A") ...
//		case *UnknownUnionMember:
//			...
//		}
//		return errs
//	}
func (pl *validatorPlan) emitUnionValidator(f *jen.File, s *Shape) {
	fileComment(f, fmt.Sprintf("%s checks the member a %s holds. A nil pointer variant holds no member\n"+
		"(reported in every mode); an unknown member is reported by ValidateAll. A nil\n"+
		"%s is left to the caller, which knows whether the member is required.", s.ValidateFunc, s.Name, s.Name))
	noMember := jen.Return(jen.Index().Op("*").Id("paramError").Values(jen.Id("noMemberError").Call()))
	f.Func().Id(s.ValidateFunc).Params(jen.Id("v").Id(s.Name), jen.Id("mode").Id("ValidationMode")).Add(errsType()).BlockFunc(func(grp *jen.Group) {
		grp.Var().Id("errs").Add(errsType())
		grp.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type())).BlockFunc(func(sw *jen.Group) {
			for _, m := range s.Members {
				sw.Case(jen.Op("*").Id(m.Variant)).BlockFunc(func(c *jen.Group) {
					c.If(jen.Id("uv").Op("==").Nil()).Block(noMember.Clone())
					pl.checkSite(c, itemSite(s, m, jen.Id("uv").Dot("Value"), jen.Id("segVariant").Call(jen.Lit(m.Name))))
				})
			}
			sw.Case(jen.Op("*").Id(s.Unknown)).Block(
				jen.If(jen.Id("uv").Op("==").Nil()).Block(noMember.Clone()),
				jen.If(modeIs("ValidateAll")).Block(jen.Return(jen.Index().Op("*").Id("paramError").Values(
					jen.Id("unknownMemberError").Call(jen.Id("uv").Dot("Tag"))))),
			)
		})
		grp.Return(jen.Id("errs"))
	})
	f.Line()
}

// emitListValidator writes
//
//	// validateL checks every item of a L.
//	func validateL(v []T, mode ValidationMode) []*paramError {
//		var errs []*paramError
//		for i := range v { ... checks of v[i] at segIndex(i) ... }
//		return errs
//	}
func (pl *validatorPlan) emitListValidator(f *jen.File, s *Shape) {
	fileComment(f, fmt.Sprintf("%s checks every item of a %s; the list's own @length and\n"+
		"@uniqueItems are checked by the member that holds it.", s.ValidateFunc, s.Name))
	f.Func().Id(s.ValidateFunc).Params(jen.Id("v").Add(goType(s.GoType)), jen.Id("mode").Id("ValidationMode")).Add(errsType()).BlockFunc(func(grp *jen.Group) {
		grp.Var().Id("errs").Add(errsType())
		grp.For(jen.Id("i").Op(":=").Range().Id("v")).BlockFunc(func(loop *jen.Group) {
			pl.checkSite(loop, itemSite(s, s.Elem, jen.Id("v").Index(jen.Id("i")), jen.Id("segIndex").Call(jen.Id("i"))))
		})
		grp.Return(jen.Id("errs"))
	})
	f.Line()
}

// emitMapValidator writes
//
//	// validateM checks every entry of a M ...
//	func validateM(v map[string]T, mode ValidationMode) []*paramError {
//		return checkEntries(v, mode, func(k string, item T, mode ValidationMode) []*paramError {
//			var errs []*paramError
//			... checks of the key k (reported at the map) and of item at segKey(k) ...
//			return errs
//		})
//	}
func (pl *validatorPlan) emitMapValidator(f *jen.File, s *Shape) {
	fileComment(f, fmt.Sprintf("%s checks every entry of a %s: a key that fails is reported at the\n"+
		"map, a value at its key. The map's own @length is checked by the member that holds it.", s.ValidateFunc, s.Name))
	key := jen.Id("k")
	if s.Key.Target.Kind == KindEnum {
		key = jen.Id(s.Key.Target.Name).Call(jen.Id("k"))
	}
	f.Func().Id(s.ValidateFunc).Params(jen.Id("v").Add(goType(s.GoType)), jen.Id("mode").Id("ValidationMode")).Add(errsType()).Block(
		jen.Return(jen.Id("checkEntries").Call(jen.Id("v"), jen.Id("mode"),
			jen.Func().Params(jen.Id("k").String(), jen.Id("item").Add(elemType(s.GoType)), jen.Id("mode").Id("ValidationMode")).Add(errsType()).BlockFunc(func(grp *jen.Group) {
				grp.Var().Id("errs").Add(errsType())
				pl.checkSite(grp, itemSite(s, s.Key, key, nil))
				// A @sensitive key names no failing value: error messages echo paths.
				seg := jen.Id("segKey").Call(jen.Id("k"))
				if s.Key.Sensitive {
					seg = jen.Id("segKey").Call(jen.Lit(redactedText))
				}
				pl.checkSite(grp, itemSite(s, s.Elem, jen.Id("item"), seg))
				grp.Return(jen.Id("errs"))
			}))),
	)
	f.Line()
}

// emitEnumValidator writes
//
//	// validateE reports a value of E that the model does not define (ValidateAll only).
//	// ...
//	//go:noinline
//	func validateE(v E, mode ValidationMode) []*paramError {
//		if mode != ValidateAll { return nil }
//		switch v {
//		case EA, EB:
//			return nil
//		}
//		return []*paramError{constraintError(kindEnum, "Member must satisfy enum value set: [a, b]")}
//	}
func (pl *validatorPlan) emitEnumValidator(f *jen.File, s *Shape) {
	var consts []jen.Code
	var values []string
	for i, v := range s.Values {
		c := jen.Id(v.Const)
		if i > 0 && len(s.Values) > 4 {
			c = jen.Line().Id(v.Const) // one value a line
		}
		consts = append(consts, c)
		if v.Internal {
			continue // valid, but not listed
		}
		if s.Kind == KindIntEnum {
			values = append(values, strconv.FormatInt(v.Int, 10))
		} else {
			values = append(values, v.String)
		}
	}
	msg := "Member must satisfy enum value set: [" + strings.Join(values, ", ") + "]"
	fileComment(f, fmt.Sprintf("%s reports a value of %s that the model does not define (ValidateAll only).\n"+
		"It is kept out of line: every member of the enum's type calls it.\n\n//go:noinline", s.ValidateFunc, s.Name))
	f.Func().Id(s.ValidateFunc).Params(jen.Id("v").Id(s.Name), jen.Id("mode").Id("ValidationMode")).Add(errsType()).BlockFunc(func(grp *jen.Group) {
		grp.If(jen.Id("mode").Op("!=").Id("ValidateAll")).Block(jen.Return(jen.Nil()))
		if len(consts) > 0 {
			grp.Switch(jen.Id("v")).Block(jen.Case(consts...).Block(jen.Return(jen.Nil())))
		}
		grp.Return(jen.Index().Op("*").Id("paramError").Values(jen.Id("constraintError").Call(jen.Id("kindEnum"), jen.Lit(msg))))
	})
	f.Line()
}

// equalExpr is a boolean expression telling whether a and b, values of m as
// stored, are equal under Smithy value equality. member tells whether a nil
// slice, map or blob means absent (struct members) rather than empty.
func equalExpr(m *Member, a, b *jen.Statement, member bool) *jen.Statement {
	t := m.Target
	bothSet := func(eq *jen.Statement) *jen.Statement {
		// (a == b || a != nil && b != nil && eq), parenthesized for use in && chains
		return jen.Parens(a.Clone().Op("==").Add(b.Clone()).Op("||").Add(a.Clone()).Op("!=").Nil().Op("&&").Add(b.Clone()).Op("!=").Nil().Op("&&").Add(eq))
	}
	switch t.Kind {
	case KindStruct:
		if m.Pointer {
			return jen.Id(t.EqualFunc).Call(a, b)
		}
		return jen.Id(t.EqualFunc).Call(jen.Op("&").Add(a), jen.Op("&").Add(b))
	case KindUnion:
		return jen.Id(t.EqualFunc).Call(a, b)
	case KindList, KindMap:
		eq := jen.Id(t.EqualFunc).Call(a.Clone(), b.Clone())
		if member {
			return jen.Parens(a.Clone().Op("==").Nil()).Op("==").Parens(b.Clone().Op("==").Nil()).Op("&&").Add(eq)
		}
		return eq
	}
	if m.Pointer {
		if m.GoType.Kind == GoTime { // a.Equal(*b): Go follows the pointer of the receiver itself
			return bothSet(a.Clone().Dot("Equal").Call(jen.Op("*").Add(b.Clone())))
		}
		inner := &Member{Target: t, GoType: m.GoType}
		return bothSet(equalExpr(inner, jen.Op("*").Add(a.Clone()), jen.Op("*").Add(b.Clone()), false))
	}
	switch m.GoType.Kind {
	case GoTime:
		return a.Dot("Equal").Call(b)
	case GoBigInt, GoBigFloat:
		return bothSet(a.Clone().Dot("Cmp").Call(b.Clone()).Op("==").Lit(0))
	case GoBytes, GoDocument:
		eq := jen.Qual("bytes", "Equal").Call(a.Clone(), b.Clone())
		if member {
			return jen.Parens(a.Clone().Op("==").Nil()).Op("==").Parens(b.Clone().Op("==").Nil()).Op("&&").Add(eq)
		}
		return eq
	}
	return a.Op("==").Add(b)
}

// emitStructEqual writes
//
//	// equalX reports whether a and b are equal X values (Smithy value equality).
//	func equalX(a, b *X) bool {
//		return a == b || a != nil && b != nil &&
//			a.A == b.A && ...
//	}
func (pl *validatorPlan) emitStructEqual(f *jen.File, s *Shape) {
	fileComment(f, fmt.Sprintf("%s reports whether a and b are equal %s values (Smithy value equality).", s.EqualFunc, s.Name))
	expr := jen.Id("a").Op("==").Id("b").Op("||").Id("a").Op("!=").Nil().Op("&&").Id("b").Op("!=").Nil()
	for _, m := range s.Members {
		expr.Op("&&").Line().Add(equalExpr(m, jen.Id("a").Dot(m.GoName), jen.Id("b").Dot(m.GoName), true))
	}
	f.Func().Id(s.EqualFunc).Params(jen.List(jen.Id("a"), jen.Id("b")).Op("*").Id(s.Name)).Bool().Block(jen.Return(expr))
	f.Line()
}

// emitUnionEqual writes
//
//	func equalU(a, b U) bool {
//		switch x := a.(type) {
//		case *UMemberA:
//			y, ok := b.(*UMemberA)
//			return ok && (x == y || x != nil && y != nil && <x.Value equals y.Value>)
//		...
//		}
//		return a == nil && b == nil
//	}
func (pl *validatorPlan) emitUnionEqual(f *jen.File, s *Shape) {
	fileComment(f, fmt.Sprintf("%s reports whether a and b are equal %s values: the same member with equal values.", s.EqualFunc, s.Name))
	sameVariant := func(typ string, eq *jen.Statement) []jen.Code {
		return []jen.Code{
			jen.List(jen.Id("y"), jen.Id("ok")).Op(":=").Id("b").Assert(jen.Op("*").Id(typ)),
			jen.Return(jen.Id("ok").Op("&&").Parens(jen.Id("x").Op("==").Id("y").Op("||").Id("x").Op("!=").Nil().Op("&&").Id("y").Op("!=").Nil().Op("&&").Add(eq))),
		}
	}
	f.Func().Id(s.EqualFunc).Params(jen.List(jen.Id("a"), jen.Id("b")).Id(s.Name)).Bool().Block(
		jen.Switch(jen.Id("x").Op(":=").Id("a").Assert(jen.Type())).BlockFunc(func(sw *jen.Group) {
			for _, m := range s.Members {
				sw.Case(jen.Op("*").Id(m.Variant)).Block(sameVariant(m.Variant, equalExpr(m, jen.Id("x").Dot("Value"), jen.Id("y").Dot("Value"), false))...)
			}
			sw.Case(jen.Op("*").Id(s.Unknown)).Block(sameVariant(s.Unknown,
				jen.Id("x").Dot("Tag").Op("==").Id("y").Dot("Tag").Op("&&").Qual("bytes", "Equal").Call(jen.Id("x").Dot("Value"), jen.Id("y").Dot("Value")))...)
		}),
		jen.Return(jen.Id("a").Op("==").Nil().Op("&&").Id("b").Op("==").Nil()),
	)
	f.Line()
}

// emitListEqual writes
//
//	func equalL(a, b []T) bool {
//		if len(a) != len(b) { return false }
//		for i := range a { if !(<a[i] equals b[i]>) { return false } }
//		return true
//	}
func (pl *validatorPlan) emitListEqual(f *jen.File, s *Shape) {
	fileComment(f, fmt.Sprintf("%s reports whether a and b are equal %s values, item for item.", s.EqualFunc, s.Name))
	f.Func().Id(s.EqualFunc).Params(jen.List(jen.Id("a"), jen.Id("b")).Add(goType(s.GoType))).Bool().Block(
		jen.If(jen.Len(jen.Id("a")).Op("!=").Len(jen.Id("b"))).Block(jen.Return(jen.False())),
		jen.For(jen.Id("i").Op(":=").Range().Id("a")).Block(
			jen.If(jen.Op("!").Parens(equalExpr(s.Elem, jen.Id("a").Index(jen.Id("i")), jen.Id("b").Index(jen.Id("i")), false))).Block(jen.Return(jen.False())),
		),
		jen.Return(jen.True()),
	)
	f.Line()
}

// emitMapEqual writes
//
//	func equalM(a, b map[string]T) bool {
//		if len(a) != len(b) { return false }
//		for k, x := range a { y, ok := b[k]; if !ok || !(<x equals y>) { return false } }
//		return true
//	}
func (pl *validatorPlan) emitMapEqual(f *jen.File, s *Shape) {
	fileComment(f, fmt.Sprintf("%s reports whether a and b are equal %s values: the same keys with equal values.", s.EqualFunc, s.Name))
	f.Func().Id(s.EqualFunc).Params(jen.List(jen.Id("a"), jen.Id("b")).Add(goType(s.GoType))).Bool().Block(
		jen.If(jen.Len(jen.Id("a")).Op("!=").Len(jen.Id("b"))).Block(jen.Return(jen.False())),
		jen.For(jen.List(jen.Id("k"), jen.Id("x")).Op(":=").Range().Id("a")).Block(
			jen.List(jen.Id("y"), jen.Id("ok")).Op(":=").Id("b").Index(jen.Id("k")),
			jen.If(jen.Op("!").Id("ok").Op("||").Op("!").Parens(equalExpr(s.Elem, jen.Id("x"), jen.Id("y"), false))).Block(jen.Return(jen.False())),
		),
		jen.Return(jen.True()),
	)
	f.Line()
}

// translatePattern rewrites a Smithy @pattern, an ECMA-262 regular expression,
// into Go's RE2 syntax with the same meaning, or tells why it cannot:
//
//   - \s and \S match ECMA-262 white space and line terminators (RE2's \s is
//     ASCII only); . matches anything but a line terminator (\n, \r, U+2028,
//     U+2029), where RE2's matches anything but \n.
//   - \uXXXX (surrogate pairs joined), \u{X}, \xXX, \cX and \0 become \x{...};
//     escaped punctuation is kept; in a class, \b is a backspace.
//   - In a class, [ is a literal, a - next to a class escape (\d, \w, \s) is a
//     literal, [] matches nothing and [^] anything.
//   - A { or } that does not make a quantifier is a literal, as is a lone ].
//   - (?<name>...) becomes (?P<name>...); \p{...} and \P{...} take Go's
//     category and script names, with gc=, sc= and long category names mapped.
//
// Lookahead, lookbehind, back-references, octal escapes, escapes of letters
// that mean nothing in ECMA-262 (\a, \e, \z, ...), lone surrogates and
// repetition counts over 1000 fail. The result must compile with regexp.
func translatePattern(pat string) (string, error) {
	t := &patternTranslator{src: []rune(pat)}
	for t.pos < len(t.src) {
		if err := t.term(); err != nil {
			return "", err
		}
	}
	re2 := t.out.String()
	if _, err := regexp.Compile(re2); err != nil {
		return "", fmt.Errorf("the regexp package of Go rejects it (as %q): %v", re2, err)
	}
	return re2, nil
}

// The ECMA-262 classes RE2 writes differently.
const (
	ecmaDot   = `[^\n\r\x{2028}\x{2029}]`
	ecmaSpace = `\x{9}-\x{d}\p{Zs}\x{2028}\x{2029}\x{feff}` // WhiteSpace and LineTerminator, inside brackets
)

// ecmaNonSpace is the complement of ecmaSpace as ranges, for \S inside a class.
var ecmaNonSpace = func() string {
	spaces := []rune{0x2028, 0x2029, 0xfeff}
	for r := rune(0x9); r <= 0xd; r++ {
		spaces = append(spaces, r)
	}
	for _, r16 := range unicode.Zs.R16 {
		for r := rune(r16.Lo); r <= rune(r16.Hi); r += rune(r16.Stride) {
			spaces = append(spaces, r)
		}
	}
	for _, r32 := range unicode.Zs.R32 {
		for r := rune(r32.Lo); r <= rune(r32.Hi); r += rune(r32.Stride) {
			spaces = append(spaces, r)
		}
	}
	slices.Sort(spaces)
	var b strings.Builder
	lo := rune(0)
	for _, r := range spaces {
		if r > lo {
			writeRange(&b, lo, r-1)
		}
		lo = r + 1
	}
	writeRange(&b, lo, unicode.MaxRune)
	return b.String()
}()

func writeRange(b *strings.Builder, lo, hi rune) {
	fmt.Fprintf(b, `\x{%x}`, lo)
	if hi > lo {
		fmt.Fprintf(b, `-\x{%x}`, hi)
	}
}

// ecmaCategories maps the long General_Category names ECMA-262 accepts in
// \p{...} to the short ones Go knows.
var ecmaCategories = map[string]string{
	"Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll", "Titlecase_Letter": "Lt",
	"Modifier_Letter": "Lm", "Other_Letter": "Lo", "Mark": "M", "Combining_Mark": "M", "Nonspacing_Mark": "Mn",
	"Spacing_Mark": "Mc", "Enclosing_Mark": "Me", "Number": "N", "Decimal_Number": "Nd", "digit": "Nd",
	"Letter_Number": "Nl", "Other_Number": "No", "Punctuation": "P", "punct": "P", "Connector_Punctuation": "Pc",
	"Dash_Punctuation": "Pd", "Open_Punctuation": "Ps", "Close_Punctuation": "Pe", "Initial_Punctuation": "Pi",
	"Final_Punctuation": "Pf", "Other_Punctuation": "Po", "Symbol": "S", "Math_Symbol": "Sm", "Currency_Symbol": "Sc",
	"Modifier_Symbol": "Sk", "Other_Symbol": "So", "Separator": "Z", "Space_Separator": "Zs", "Line_Separator": "Zl",
	"Paragraph_Separator": "Zp", "Other": "C", "Control": "Cc", "cntrl": "Cc", "Format": "Cf", "Surrogate": "Cs",
	"Private_Use": "Co", "Unassigned": "Cn",
}

// groupName is what RE2 accepts as the name of a group.
var groupName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// patternTranslator walks an ECMA-262 pattern once, writing RE2 as it goes.
type patternTranslator struct {
	src []rune
	pos int
	out strings.Builder
}

// patternAtom is a character, or a class such as \d (with its forms outside
// and inside brackets), or an assertion such as \b.
type patternAtom struct {
	char            rune
	outside, inside string // set for classes and assertions
}

func charAtom(r rune) patternAtom { return patternAtom{char: r} }

func (a patternAtom) isChar() bool { return a.outside == "" }

func (a patternAtom) outsideText() string {
	if !a.isChar() {
		return a.outside
	}
	switch {
	case strings.ContainsRune(`\.+*?()|[]{}^$`, a.char):
		return `\` + string(a.char)
	case unicode.IsPrint(a.char):
		return string(a.char)
	}
	return fmt.Sprintf(`\x{%x}`, a.char)
}

func (a patternAtom) insideText() string {
	if !a.isChar() {
		return a.inside
	}
	switch {
	case strings.ContainsRune(`\]-[^`, a.char):
		return `\` + string(a.char)
	case unicode.IsPrint(a.char):
		return string(a.char)
	}
	return fmt.Sprintf(`\x{%x}`, a.char)
}

func (t *patternTranslator) peek(off int) rune {
	if t.pos+off < len(t.src) {
		return t.src[t.pos+off]
	}
	return -1
}

func (t *patternTranslator) hasPrefix(s string) bool {
	return strings.HasPrefix(string(t.src[t.pos:min(len(t.src), t.pos+len(s))]), s)
}

func (t *patternTranslator) term() error {
	switch r := t.src[t.pos]; r {
	case '\\':
		a, err := t.escape(false)
		if err != nil {
			return err
		}
		t.out.WriteString(a.outsideText())
	case '[':
		return t.class()
	case '(':
		return t.group()
	case '.':
		t.pos++
		t.out.WriteString(ecmaDot)
	case '{':
		return t.brace()
	case '}', ']':
		t.pos++
		t.out.WriteString(`\` + string(r))
	default:
		t.pos++
		t.out.WriteRune(r)
	}
	return nil
}

// group translates the opening of a group.
func (t *patternTranslator) group() error {
	at := t.pos
	switch {
	case t.hasPrefix("(?=") || t.hasPrefix("(?!"):
		return unsupported("lookahead %q at offset %d is not supported by Go's RE2 engine; rewrite the pattern without it", string(t.src[at:at+3]), at)
	case t.hasPrefix("(?<=") || t.hasPrefix("(?<!"):
		return unsupported("lookbehind %q at offset %d is not supported by Go's RE2 engine; rewrite the pattern without it", string(t.src[at:at+4]), at)
	case t.hasPrefix("(?<"):
		end := slices.Index(t.src[at:], '>')
		if end < 0 {
			return fmt.Errorf("group name at offset %d is not closed with >", at)
		}
		name := string(t.src[at+3 : at+end])
		if !groupName.MatchString(name) {
			return fmt.Errorf("group name %q at offset %d is not an ASCII identifier, as RE2 requires", name, at)
		}
		t.out.WriteString("(?P<" + name + ">")
		t.pos = at + end + 1
	case t.hasPrefix("(?:"):
		t.out.WriteString("(?:")
		t.pos += 3
	case t.hasPrefix("(?"):
		return unsupported("group %q at offset %d is not supported; only (...), (?:...) and (?<name>...) are", string(t.src[at:min(len(t.src), at+3)]), at)
	default:
		t.out.WriteByte('(')
		t.pos++
	}
	return nil
}

// brace translates a quantifier {n}, {n,} or {n,m}; any other { is a literal.
func (t *patternTranslator) brace() error {
	j := t.pos + 1
	digits := func() (string, bool) {
		start := j
		for j < len(t.src) && t.src[j] >= '0' && t.src[j] <= '9' {
			j++
		}
		return string(t.src[start:j]), j > start
	}
	lo, ok := digits()
	hi := ""
	if ok && j < len(t.src) && t.src[j] == ',' {
		j++
		hi, _ = digits()
	}
	if !ok || j >= len(t.src) || t.src[j] != '}' {
		t.pos++
		t.out.WriteString(`\{`)
		return nil
	}
	for _, n := range []string{lo, hi} {
		if v, err := strconv.Atoi(n); n != "" && (err != nil || v > 1000) {
			return unsupported("repetition count %s at offset %d is over RE2's limit of 1000", n, t.pos)
		}
	}
	t.out.WriteString(string(t.src[t.pos : j+1]))
	t.pos = j + 1
	return nil
}

// class translates a character class [...].
func (t *patternTranslator) class() error {
	at := t.pos
	t.pos++
	negate := t.peek(0) == '^'
	if negate {
		t.pos++
	}
	if t.peek(0) == ']' { // ECMA-262: [] matches nothing, [^] anything
		t.pos++
		if negate {
			t.out.WriteString(`[\x{0}-\x{10ffff}]`)
		} else {
			t.out.WriteString(`[^\x{0}-\x{10ffff}]`)
		}
		return nil
	}
	var b strings.Builder
	for {
		if t.pos >= len(t.src) {
			return fmt.Errorf("character class at offset %d is not closed", at)
		}
		if t.src[t.pos] == ']' {
			t.pos++
			break
		}
		lo, err := t.classAtom()
		if err != nil {
			return err
		}
		if t.peek(0) == '-' && t.peek(1) != ']' && t.peek(1) != -1 {
			t.pos++
			hi, err := t.classAtom()
			if err != nil {
				return err
			}
			if lo.isChar() && hi.isChar() {
				if hi.char < lo.char {
					return fmt.Errorf("range %q-%q in the class at offset %d is out of order", lo.char, hi.char, at)
				}
				b.WriteString(lo.insideText() + "-" + hi.insideText())
			} else { // Annex B: a class escape next to - makes the - a literal
				b.WriteString(lo.insideText() + `\-` + hi.insideText())
			}
			continue
		}
		b.WriteString(lo.insideText())
	}
	t.out.WriteByte('[')
	if negate {
		t.out.WriteByte('^')
	}
	t.out.WriteString(b.String())
	t.out.WriteByte(']')
	return nil
}

func (t *patternTranslator) classAtom() (patternAtom, error) {
	if t.src[t.pos] == '\\' {
		return t.escape(true)
	}
	t.pos++
	return charAtom(t.src[t.pos-1]), nil
}

// escape translates the escape sequence at t.pos.
func (t *patternTranslator) escape(inClass bool) (patternAtom, error) {
	at := t.pos
	t.pos++
	if t.pos >= len(t.src) {
		return patternAtom{}, fmt.Errorf("the pattern ends with a lone backslash")
	}
	r := t.src[t.pos]
	t.pos++
	switch r {
	case 'd', 'D', 'w', 'W':
		return patternAtom{outside: `\` + string(r), inside: `\` + string(r)}, nil
	case 's':
		return patternAtom{outside: "[" + ecmaSpace + "]", inside: ecmaSpace}, nil
	case 'S':
		return patternAtom{outside: "[^" + ecmaSpace + "]", inside: ecmaNonSpace}, nil
	case 'b':
		if inClass {
			return charAtom('\b'), nil
		}
		return patternAtom{outside: `\b`}, nil
	case 'B':
		if !inClass {
			return patternAtom{outside: `\B`}, nil
		}
	case 't':
		return charAtom('\t'), nil
	case 'n':
		return charAtom('\n'), nil
	case 'r':
		return charAtom('\r'), nil
	case 'f':
		return charAtom('\f'), nil
	case 'v':
		return charAtom('\v'), nil
	case '0':
		if p := t.peek(0); p < '0' || p > '9' {
			return charAtom(0), nil
		}
		return patternAtom{}, unsupported("octal escape at offset %d is not supported; write \\xHH", at)
	case '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return patternAtom{}, unsupported("back-reference \\%c at offset %d is not supported by Go's RE2 engine; rewrite the pattern without it", r, at)
	case 'k':
		if t.peek(0) == '<' {
			return patternAtom{}, unsupported("named back-reference at offset %d is not supported by Go's RE2 engine; rewrite the pattern without it", at)
		}
	case 'c':
		if p := t.peek(0); (p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') {
			t.pos++
			return charAtom(p % 32), nil
		}
	case 'x':
		if v, ok := t.hex(2); ok {
			return charAtom(v), nil
		}
	case 'u':
		return t.unicodeEscape(at)
	case 'p', 'P':
		return t.property(r, at)
	default:
		if r >= utf8.RuneSelf || (!unicode.IsLetter(r) && !unicode.IsDigit(r)) {
			return charAtom(r), nil // an escaped syntax character, or any non-ASCII one: itself
		}
	}
	return patternAtom{}, unsupported("escape \\%c at offset %d has no portable meaning; write the character it stands for", r, at)
}

// hex reads n hex digits.
func (t *patternTranslator) hex(n int) (rune, bool) {
	if t.pos+n > len(t.src) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(t.src[t.pos:t.pos+n]), 16, 32)
	if err != nil {
		return 0, false
	}
	t.pos += n
	return rune(v), true
}

// unicodeEscape translates \uXXXX (joining a surrogate pair) and \u{X...}.
func (t *patternTranslator) unicodeEscape(at int) (patternAtom, error) {
	if t.peek(0) == '{' {
		end := slices.Index(t.src[t.pos:], '}')
		if end > 1 {
			if v, err := strconv.ParseUint(string(t.src[t.pos+1:t.pos+end]), 16, 32); err == nil && v <= unicode.MaxRune && !isSurrogate(rune(v)) {
				t.pos += end + 1
				return charAtom(rune(v)), nil
			}
		}
		return patternAtom{}, fmt.Errorf("escape \\u{...} at offset %d is not a valid code point", at)
	}
	v, ok := t.hex(4)
	if !ok {
		return patternAtom{}, fmt.Errorf("escape \\u at offset %d needs four hex digits", at)
	}
	if v >= 0xd800 && v <= 0xdbff && t.hasPrefix(`\u`) {
		save := t.pos
		t.pos += 2
		if lo, ok := t.hex(4); ok && lo >= 0xdc00 && lo <= 0xdfff {
			return charAtom(0x10000 + (v-0xd800)<<10 + (lo - 0xdc00)), nil
		}
		t.pos = save
	}
	if isSurrogate(v) {
		return patternAtom{}, fmt.Errorf("escape \\u%04X at offset %d is a lone surrogate, which UTF-8 text cannot hold", v, at)
	}
	return charAtom(v), nil
}

func isSurrogate(r rune) bool { return r >= 0xd800 && r <= 0xdfff }

// property translates \p{...} and \P{...}.
func (t *patternTranslator) property(r rune, at int) (patternAtom, error) {
	end := slices.Index(t.src[t.pos:], '}')
	if t.peek(0) != '{' || end < 0 {
		return patternAtom{}, fmt.Errorf("escape \\%c at offset %d must be followed by {name}", r, at)
	}
	name := string(t.src[t.pos+1 : t.pos+end])
	t.pos += end + 1
	if k, v, ok := strings.Cut(name, "="); ok {
		switch k {
		case "General_Category", "gc", "Script", "sc":
			name = v
		default:
			return patternAtom{}, unsupported("the Unicode property %s at offset %d is not supported; Go knows general categories and scripts", k, at)
		}
	}
	if short, ok := ecmaCategories[name]; ok {
		name = short
	}
	if _, ok := unicode.Categories[name]; !ok && unicode.Scripts[name] == nil && name != "Any" {
		return patternAtom{}, unsupported("the Unicode property %q at offset %d is not a general category or script Go knows", name, at)
	}
	text := `\` + string(r) + "{" + name + "}"
	return patternAtom{outside: text, inside: text}, nil
}

// patternUnsupported is a valid ECMA-262 pattern that Go's RE2 engine cannot
// express (lookaround, back-references, large repeat counts, ...): generation
// warns and leaves it unchecked. Any other translation error means the
// pattern is not a valid regular expression, which fails generation.
type patternUnsupported struct{ msg string }

func (e *patternUnsupported) Error() string { return e.msg }

func unsupported(format string, args ...any) error {
	return &patternUnsupported{fmt.Sprintf(format, args...)}
}

// ownedName is prefix followed by the exported name of owner (shape, then
// member), made unique among taken with a "_2", "_3", ... suffix, and taken.
func ownedName(prefix string, owner model.ShapeID, taken map[string]bool) string {
	base := prefix + exported(owner.Name)
	if owner.Member != "" {
		base += exported(owner.Member)
	}
	name := base
	for n := 2; taken[name]; n++ {
		name = base + "_" + strconv.Itoa(n)
	}
	taken[name] = true
	return name
}
