package generator

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/smithygen/smithygen/model"
)

// FakeKind is what the in-memory fake does for an operation.
type FakeKind int

// The lifecycle roles of an operation, inferred from its name (see fakeVerbs).
const (
	FakeStateless FakeKind = iota // no resource found: a reply with plausible values only
	FakeCreate                    // store a new record; a duplicate key is a conflict
	FakePut                       // store a record, replacing any
	FakeRead                      // return a record; missing is not-found
	FakeUpdate                    // merge the input into a record
	FakeDelete                    // remove a record
	FakeList                      // enumerate records of a scope, filtered and paginated
	FakeAction                    // any other verb on one record: read it and apply the rules
)

// fakeVerbs maps the first word of an operation name to its lifecycle role.
// Describe and Get of a plural noun with a list in the output enumerate.
var fakeVerbs = map[string]FakeKind{
	"Create": FakeCreate, "Register": FakeCreate, "Add": FakeCreate, "Provision": FakeCreate, "Allocate": FakeCreate,
	"Put":      FakePut,
	"Describe": FakeRead, "Get": FakeRead, "Read": FakeRead, "Fetch": FakeRead,
	"Update": FakeUpdate, "Modify": FakeUpdate, "Patch": FakeUpdate,
	"Delete": FakeDelete, "Remove": FakeDelete, "Deregister": FakeDelete, "Unregister": FakeDelete, "Destroy": FakeDelete,
	"List": FakeList, "Search": FakeList,
}

// FakeIR is the fake's view of a package: the resources it stores and every
// conversion function it writes.
type FakeIR struct {
	Resources []*FakeResource // sorted by noun
	Tokens    bool            // some create honours an idempotency token
	Copies    []*FakeCopy     // conversion functions, sorted by name
	Rules     []*FakeRuleIR   // rules that apply to this package
	copies    map[[2]*Shape]*FakeCopy
	readNames map[string]bool // lower-cased member names of shapes an output can hold
	names     *nameSet
}

// FakeResource is one kind of stored record, named by the noun of its create operation.
type FakeResource struct {
	Noun      string // e.g. ActionConnector
	ARNType   string // resource type in its ARNs: the lower-cased noun
	Record    *Shape // the shape stored
	Field     string // the Fake struct field holding its table
	Create    *Operation
	Scope     []string // create-input member names (labels) that scope the record, in model order
	IDMember  string   // create-input member naming the record; "" when the fake makes an ID
	RecordID  *Member  // record member that holds the ID, or nil
	RecordARN *Member  // record member that holds the ARN, or nil
	ParentARN *Member  // record member that holds the parent's ARN, or nil
	Parent    *FakeResource
	ParentAt  int       // index in Scope of the parent's identifier
	Account   int       // index in Scope of the account ID; -1 for the configured account
	Created   []*Member // record timestamps set on create
	Updated   []*Member // record timestamps set on update
	Status    *Member   // record status enum, or nil
	OnCreate  *EnumValue
	OnUpdate  *EnumValue
}

// FakeOperation is the fake's plan for one operation.
type FakeOperation struct {
	Kind      FakeKind
	Resource  *FakeResource
	Scope     []*Member // input members aligned with Resource.Scope
	ID        *Member   // input member naming the record (nil on create with a made-up ID and on list)
	FromInput *FakeCopy // record <- input (create, put, update)
	Out       *FakeCopy // output <- record, by member name; nil when no member matches
	OutRecord *Member   // output member that receives the whole record, or nil
	OutCopy   *FakeCopy // its type <- record
	Items     *Member   // list output member of records
	ItemCopy  *FakeCopy // item type <- record
	PageSize  *Member
	PageToken *Member
	NextToken *Member
	PageMax   int // default and largest page size
	Filters   []*FakeFilter
	RequestID *Member                // output member for the request ID
	Code      *Member                // output member bound with @httpResponseCode
	Statuses  map[*Member]*EnumValue // output status members and the value they get
	Token     *Member                // idempotency token of a create: a repeated token returns the record it made
	NotFound  *FakeError
	Conflict  *FakeError
	BadToken  *FakeError // the operation's invalid-token error, or nil (then its validation error)
	Rules     []*FakeRuleIR
}

// FakeFilter narrows a listing: a record member equal to the input member's
// value, or (In) one of the values of an input list.
type FakeFilter struct {
	Input, Record *Member
	In            bool
}

// FakeError tells how to fill an error shape the fake returns.
type FakeError struct {
	Shape        *Shape
	Message      *Member
	ResourceID   *Member
	ResourceType *Member
	TypeValue    *EnumValue // for an enum ResourceType: the value naming the resource
	RequestID    *Member
}

// FakeRuleIR is a fakeRule bound to the model.
type FakeRuleIR struct {
	Doc          string
	RejectMember *Member // input member
	Prefix       string
	Member       *Member // record member
	From, To     *EnumValue
}

// FakeCopy is a conversion function: Func copies Src into Dst member by member.
// Structs get func(dst *D, src *S) that sets only the members present in src;
// unions, lists and maps get func(src S) D.
type FakeCopy struct {
	Func     string
	Src, Dst *Shape
	Members  []*FakeCopyMember // structs
	Variants []*FakeCopyMember // unions: Dst member <- Src member
	Elem     *FakeCopy         // lists and maps of non-scalars
}

// FakeCopyMember copies Src (of Via, when set: a member of the source one
// level down) to Dst; Copy converts non-scalars.
type FakeCopyMember struct {
	Dst, Src, Via *Member
	Copy          *FakeCopy
}

// buildFakeIR infers the fake's resources and per-operation plans.
func buildFakeIR(p *Package, names *nameSet) (*FakeIR, error) {
	f := &FakeIR{copies: map[[2]*Shape]*FakeCopy{}, readNames: map[string]bool{}, names: names}
	f.collectReadNames(p)
	var ops []fakeOpRef
	byNoun := map[string]*FakeResource{}
	for _, op := range p.Operations {
		verb, noun := splitVerb(op.Name)
		ops = append(ops, fakeOpRef{op, fakeVerbs[verb], noun})
	}
	// Resources come from create and put operations.
	for _, o := range ops {
		if (o.kind == FakeCreate || o.kind == FakePut) && o.noun != "" && byNoun[o.noun] == nil {
			r := &FakeResource{Noun: o.noun, ARNType: strings.ToLower(o.noun), Create: o.op, Account: -1}
			byNoun[o.noun] = r
			f.Resources = append(f.Resources, r)
		}
	}
	slices.SortFunc(f.Resources, func(a, b *FakeResource) int { return strings.Compare(a.Noun, b.Noun) })
	// Each operation is classified against them.
	for i := range ops {
		o := &ops[i]
		known := func(n string) bool { return byNoun[n] != nil }
		if o.kind == FakeRead && !known(o.noun) && singularIn(o.noun, known) != "" && hasListMember(o.op.Output) {
			o.kind, o.noun = FakeList, singularIn(o.noun, known)
		}
		if o.kind == FakeList {
			if n := singularIn(o.noun, known); n != "" {
				o.noun = n
			}
		}
		if o.kind == FakeStateless && byNoun[o.noun] != nil {
			o.kind = FakeAction
		}
	}
	for _, r := range f.Resources {
		r.Record = recordShape(r, ops)
		in := r.Create.Input
		if m := idMember(in, r.Noun); m != nil {
			r.IDMember = m.Name
		}
		for _, m := range in.Members {
			if m.Location == InLabel && m.Name != r.IDMember && m.GoType.Kind == GoString {
				r.Scope = append(r.Scope, m.Name)
			}
		}
		r.RecordID = recordMember(r.Record, GoString, strings.ToLower(r.Noun)+"id", strings.ToLower(r.Noun)+"identifier", strings.ToLower(r.Noun)+"name", "id")
		r.RecordARN = recordMember(r.Record, GoString, strings.ToLower(r.Noun)+"arn", "arn")
	}
	for _, r := range f.Resources {
		for i, s := range r.Scope {
			ls := strings.ToLower(s)
			if ls == "awsaccountid" || ls == "accountid" {
				r.Account = i
			}
			for _, q := range f.Resources {
				if q != r && len(q.Scope) == 0 && slices.Contains(idNames(q.Noun), ls) {
					r.Parent, r.ParentAt = q, i
					r.ParentARN = recordMember(r.Record, GoString, strings.ToLower(q.Noun)+"arn")
				}
			}
		}
		for _, m := range r.Record.Members {
			lower := strings.ToLower(m.Name)
			switch {
			case m.Target.Type == model.Timestamp:
				r.Created = append(r.Created, m)
				if strings.Contains(lower, "updat") || strings.Contains(lower, "modif") {
					r.Updated = append(r.Updated, m)
				}
			case m.Target.Kind == KindEnum && isStatusName(lower) && r.Status == nil:
				r.Status, r.OnCreate, r.OnUpdate = m, statusValue(m.Target, FakeCreate), statusValue(m.Target, FakeUpdate)
			}
		}
		r.Field = names.claim(lowerFirst(r.Noun) + "s")
	}
	for _, o := range ops {
		fo, err := f.plan(o.op, o.kind, byNoun[o.noun])
		if err != nil {
			return nil, err
		}
		o.op.Server.Fake = fo
	}
	if err := f.bindRules(p); err != nil {
		return nil, err
	}
	for _, c := range f.copies {
		f.Copies = append(f.Copies, c)
	}
	slices.SortFunc(f.Copies, func(a, b *FakeCopy) int { return strings.Compare(a.Func, b.Func) })
	return f, nil
}

// fakeOpRef is an operation with the role and noun its name gives it.
type fakeOpRef struct {
	op   *Operation
	kind FakeKind
	noun string
}

// plan decides what the fake does for op. An operation whose identifiers
// cannot be found in its input falls back to a stateless reply.
func (f *FakeIR) plan(op *Operation, kind FakeKind, r *FakeResource) (*FakeOperation, error) {
	fo := &FakeOperation{Kind: kind, Resource: r, Statuses: map[*Member]*EnumValue{}}
	out := op.Output
	for _, m := range out.Members {
		lower := strings.ToLower(m.Name)
		switch {
		case m.Location == InResponseCode:
			fo.Code = m
		case lower == "requestid" && m.GoType.Kind == GoString:
			fo.RequestID = m
		}
	}
	fo.NotFound = fakeError(op, "ResourceNotFoundException", "NotFoundException", "NotFound")
	if r == nil || kind == FakeStateless {
		fo.Kind, fo.Resource = FakeStateless, nil
		return fo, nil
	}
	in := op.Input
	for _, name := range r.Scope {
		m := memberByName(in, name)
		if m == nil || m.GoType.Kind != GoString {
			fo.Kind, fo.Resource = FakeStateless, nil
			return fo, nil
		}
		fo.Scope = append(fo.Scope, m)
	}
	if kind != FakeList {
		fo.ID = idMember(in, r.Noun)
		if fo.ID == nil && !(kind == FakeCreate && r.IDMember == "" && op == r.Create) {
			fo.Kind, fo.Resource = FakeStateless, nil
			return fo, nil
		}
		if fo.ID != nil && (fo.ID.GoType.Kind != GoString || fo.ID.Target.Kind != KindSimple) {
			fo.Kind, fo.Resource = FakeStateless, nil
			return fo, nil
		}
	}
	if kind == FakeCreate {
		for _, m := range in.Members {
			if m.IdempotencyToken && m.GoType.Kind == GoString && m.Target.Kind == KindSimple {
				fo.Token = m
				f.Tokens = true
			}
		}
	}
	switch kind {
	case FakeCreate, FakePut, FakeUpdate:
		fo.FromInput = f.copyFor(in, r.Record)
		fo.Conflict = fakeError(op, "ResourceExistsException", "AlreadyExistsException", "ResourceAlreadyExistsException", "ConflictException", "AlreadyExists", "Exists", "Conflict")
	}
	if kind == FakeList {
		fo.Items = itemsMember(op)
		if fo.Items == nil || fo.Items.Target.Elem.Target.Kind != KindStruct {
			fo.Kind, fo.Resource = FakeStateless, nil
			return fo, nil
		}
		fo.ItemCopy = f.copyFor(r.Record, fo.Items.Target.Elem.Target)
		if pg := op.Paginated; pg != nil {
			fo.PageSize, fo.PageToken, fo.NextToken = memberByName(in, pg.PageSize), memberByName(in, pg.InputToken), memberByName(out, pg.OutputToken)
		}
		fo.PageMax = 100
		if fo.PageSize != nil && fo.PageSize.Constraints.Range != nil && fo.PageSize.Constraints.Range.Max != nil {
			if mx, err := fo.PageSize.Constraints.Range.Max.Int64(); err == nil && mx > 0 && mx < int64(fo.PageMax) {
				fo.PageMax = int(mx)
			}
		}
		fo.BadToken = fakeError(op, "InvalidNextTokenException", "InvalidPaginationTokenException", "InvalidTokenException")
		for _, m := range in.Members {
			if m == fo.PageSize || m == fo.PageToken || slices.Contains(fo.Scope, m) {
				continue
			}
			if rm := recordMember(r.Record, -1, strings.ToLower(m.Name)); rm != nil && scalarCopyable(m.Target, rm.Target) && m.Target.Kind != KindList {
				fo.Filters = append(fo.Filters, &FakeFilter{Input: m, Record: rm})
			} else if m.Target.Kind == KindList {
				for _, name := range singulars(m.Name) {
					if rm := recordMember(r.Record, -1, strings.ToLower(name)); rm != nil && scalarCopyable(m.Target.Elem.Target, rm.Target) {
						fo.Filters = append(fo.Filters, &FakeFilter{Input: m, Record: rm, In: true})
						break
					}
				}
			}
		}
	}
	// The output: a member holding the whole record, then members by name.
	if kind != FakeList {
		for _, m := range out.Members {
			if m.Target.Kind == KindStruct && m.Location == InBody && (m.Target == r.Record || strings.HasPrefix(strings.ToLower(m.Name), strings.ToLower(r.Noun))) {
				fo.OutRecord, fo.OutCopy = m, f.copyFor(r.Record, m.Target)
				break
			}
		}
		if out != r.Record || fo.OutRecord == nil {
			if c := f.copyFor(r.Record, out); len(c.Members) > 0 {
				fo.Out = c
			} else {
				f.drop(c)
			}
		}
	}
	for _, m := range out.Members {
		if m.Target.Kind == KindEnum && isStatusName(strings.ToLower(m.Name)) && (fo.Out == nil || !fo.Out.sets(m)) {
			if v := statusValue(m.Target, kind); v != nil {
				fo.Statuses[m] = v
			}
		}
	}
	return fo, nil
}

// empty reports a struct conversion with nothing to copy: a new zero value does.
func (c *FakeCopy) empty() bool {
	return c != nil && c.Dst.Kind == KindStruct && len(c.Members) == 0
}

// sets reports whether the copy writes dst member m.
func (c *FakeCopy) sets(m *Member) bool {
	return slices.ContainsFunc(c.Members, func(cm *FakeCopyMember) bool { return cm.Dst == m })
}

// drop forgets a struct copy that turned out empty, unless another copy uses it.
func (f *FakeIR) drop(c *FakeCopy) {
	for _, o := range f.copies {
		for _, m := range append(slices.Clone(o.Members), o.Variants...) {
			if m.Copy == c {
				return
			}
		}
		if o.Elem == c {
			return
		}
	}
	delete(f.copies, [2]*Shape{c.Src, c.Dst})
}

// copyFor returns the conversion from src to dst, planning it (and every
// conversion it needs) the first time.
func (f *FakeIR) copyFor(src, dst *Shape) *FakeCopy {
	key := [2]*Shape{src, dst}
	if c, ok := f.copies[key]; ok {
		return c
	}
	c := &FakeCopy{Src: src, Dst: dst}
	f.copies[key] = c
	switch dst.Kind {
	case KindStruct:
		if src == dst {
			c.Func = f.names.claim("copy" + dst.Name)
		} else {
			c.Func = f.names.claim("fill" + dst.Name + "From" + src.Name)
		}
	default:
		if src == dst {
			c.Func = f.names.claim("clone" + dst.Name)
		} else {
			c.Func = f.names.claim("convert" + src.Name + "To" + dst.Name)
		}
	}
	switch dst.Kind {
	case KindStruct:
		for _, dm := range dst.Members {
			sm, via := f.matchMember(src, dm)
			if sm == nil {
				continue
			}
			if cm := f.copyMember(dm, sm); cm != nil {
				cm.Via = via
				c.Members = append(c.Members, cm)
			}
		}
	case KindUnion:
		for _, dm := range dst.Members {
			sm, _ := f.matchMember(src, dm)
			if sm == nil {
				continue
			}
			if cm := f.copyMember(dm, sm); cm != nil {
				c.Variants = append(c.Variants, cm)
			}
		}
	case KindList, KindMap:
		if !scalarCopyable(src.Elem.Target, dst.Elem.Target) {
			c.Elem = f.copyFor(src.Elem.Target, dst.Elem.Target)
		}
	}
	return c
}

// copyMember plans copying sm to dm, or returns nil when their types do not fit.
func (f *FakeIR) copyMember(dm, sm *Member) *FakeCopyMember {
	st, dt := sm.Target, dm.Target
	switch {
	case scalarCopyable(st, dt):
		return &FakeCopyMember{Dst: dm, Src: sm}
	case st.Kind == dt.Kind && (st.Kind == KindStruct || st.Kind == KindUnion):
		return &FakeCopyMember{Dst: dm, Src: sm, Copy: f.copyFor(st, dt)}
	case st.Kind == dt.Kind && (st.Kind == KindList || st.Kind == KindMap) && st.Sparse == dt.Sparse:
		se, de := st.Elem.Target, dt.Elem.Target
		if scalarCopyable(se, de) && se.GoType == de.GoType && !dt.Sparse && se.GoType.Kind != GoSlice && se.GoType.Kind != GoMap {
			return &FakeCopyMember{Dst: dm, Src: sm} // slices.Clone / maps.Clone
		}
		if scalarCopyable(se, de) || se.Kind == de.Kind {
			return &FakeCopyMember{Dst: dm, Src: sm, Copy: f.copyFor(st, dt)}
		}
	}
	return nil
}

// matchMember finds the member of src that fills dm: the same name (any
// case), or dm's name without a "Read" prefix (read-only variants of write
// shapes); for an operation input also a member of one of its structures.
// Secrets are never matched.
func (f *FakeIR) matchMember(src *Shape, dm *Member) (sm, via *Member) {
	want := []string{strings.ToLower(dm.Name)}
	if rest, ok := strings.CutPrefix(dm.Name, "Read"); ok && rest != "" {
		want = append(want, strings.ToLower(rest))
	}
	find := func(s *Shape) *Member {
		for _, w := range want {
			for _, m := range s.Members {
				if strings.ToLower(m.Name) == w && !f.secret(m) && m.Location != InResponseCode {
					return m
				}
			}
		}
		return nil
	}
	if m := find(src); m != nil {
		return m, nil
	}
	if src.IsInput {
		for _, v := range src.Members {
			if v.Target.Kind == KindStruct && !f.secret(v) {
				if m := find(v.Target); m != nil {
					return m, v
				}
			}
		}
	}
	return nil, nil
}

// secret reports a write-only secret: a sensitive member whose name says it
// is one, or that no shape of an output has.
func (f *FakeIR) secret(m *Member) bool {
	if !m.Sensitive {
		return false
	}
	lower := strings.ToLower(m.Name)
	for _, w := range []string{"secret", "password", "apikey", "token", "privatekey", "credential"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return !f.readNames[lower]
}

// collectReadNames gathers the member names of every shape an output can hold.
func (f *FakeIR) collectReadNames(p *Package) {
	seen := map[*Shape]bool{}
	var visit func(s *Shape)
	visit = func(s *Shape) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		for _, m := range s.Members {
			f.readNames[strings.ToLower(m.Name)] = true
			visit(m.Target)
		}
		if s.Elem != nil {
			visit(s.Elem.Target)
		}
	}
	for _, op := range p.Operations {
		visit(op.Output)
	}
}

// bindRules binds the rules of fakeRules that belong to this service.
func (f *FakeIR) bindRules(p *Package) error {
	var errs model.ErrorList
	for _, rule := range fakeRules {
		if rule.Service != p.Service.SDKID {
			continue
		}
		i := slices.IndexFunc(p.Operations, func(op *Operation) bool { return op.Name == rule.Operation })
		if i < 0 {
			continue
		}
		op := p.Operations[i]
		fo := op.Server.Fake
		ri := &FakeRuleIR{Doc: rule.Doc}
		fail := func(format string, args ...any) {
			errs = append(errs, model.Errorf(p.PosOf(op.ID), op.ID, "fake rule %q: %s", rule.Doc, fmt.Sprintf(format, args...)))
		}
		switch {
		case rule.RejectPrefix != nil:
			ri.RejectMember, ri.Prefix = memberByName(op.Input, rule.RejectPrefix.Member), rule.RejectPrefix.Prefix
			if ri.RejectMember == nil || ri.RejectMember.GoType.Kind != GoString {
				fail("the input has no string member %s", rule.RejectPrefix.Member)
				continue
			}
		case rule.Transition != nil:
			if fo.Resource == nil {
				fail("the fake does not keep a resource for this operation")
				continue
			}
			ri.Member = memberByName(fo.Resource.Record, rule.Transition.Member)
			if ri.Member == nil || ri.Member.Target.Kind != KindEnum {
				fail("record %s has no enum member %s", fo.Resource.Record.Name, rule.Transition.Member)
				continue
			}
			for _, v := range ri.Member.Target.Values {
				if v.String == rule.Transition.From {
					ri.From = v
				}
				if v.String == rule.Transition.To {
					ri.To = v
				}
			}
			if ri.To == nil || (rule.Transition.From != "" && ri.From == nil) {
				fail("enum %s has no value %q or %q", ri.Member.Target.Name, rule.Transition.From, rule.Transition.To)
				continue
			}
		}
		fo.Rules = append(fo.Rules, ri)
		f.Rules = append(f.Rules, ri)
	}
	return errs.Err()
}

// recordShape picks the shape the fake stores for resource r: the structure
// its read operation returns, else the items of its listing, else the
// structure its create operation returns, else the create input itself.
func recordShape(r *FakeResource, ops []fakeOpRef) *Shape {
	single := func(s *Shape) *Shape {
		var found *Shape
		for _, m := range s.Members {
			if m.Location != InBody {
				continue
			}
			if m.Target.Kind == KindStruct && !strings.EqualFold(m.Name, "requestid") {
				if found != nil {
					return nil
				}
				found = m.Target
			}
		}
		return found
	}
	for _, o := range ops {
		if o.noun == r.Noun && o.kind == FakeRead {
			if s := single(o.op.Output); s != nil {
				return s
			}
			return o.op.Output
		}
	}
	for _, o := range ops {
		if o.noun == r.Noun && o.kind == FakeList {
			if m := itemsMember(o.op); m != nil && m.Target.Elem.Target.Kind == KindStruct {
				return m.Target.Elem.Target
			}
		}
	}
	if s := single(r.Create.Output); s != nil {
		return s
	}
	return r.Create.Input
}

// itemsMember is the list member of a listing's output: @paginated items, else the only list of structures.
func itemsMember(op *Operation) *Member {
	if op.Paginated != nil && op.Paginated.Items != "" {
		if m := memberByName(op.Output, op.Paginated.Items); m != nil && m.Target.Kind == KindList {
			return m
		}
	}
	var found *Member
	for _, m := range op.Output.Members {
		if m.Target.Kind == KindList && m.Target.Elem.Target.Kind == KindStruct {
			if found != nil {
				return nil
			}
			found = m
		}
	}
	return found
}

func hasListMember(s *Shape) bool {
	return slices.ContainsFunc(s.Members, func(m *Member) bool { return m.Target.Kind == KindList })
}

// idNames are the lower-cased member names that identify a resource of noun.
func idNames(noun string) []string {
	n := strings.ToLower(noun)
	return []string{n + "id", n + "identifier", n + "name", n + "arn", n, "id", "identifier"}
}

// idMember is the string member of in that names a resource of noun.
func idMember(in *Shape, noun string) *Member {
	for _, want := range idNames(noun) {
		for _, m := range in.Members {
			if strings.ToLower(m.Name) == want && m.GoType.Kind == GoString && m.Target.Kind == KindSimple {
				return m
			}
		}
	}
	return nil
}

// recordMember returns the member of s whose lower-cased name is one of
// names (first name first), of Go kind k (any when k < 0).
func recordMember(s *Shape, k GoKind, names ...string) *Member {
	for _, n := range names {
		for _, m := range s.Members {
			if strings.ToLower(m.Name) == n && (k < 0 || (m.GoType.Kind == k && m.Target.Kind == KindSimple)) {
				return m
			}
		}
	}
	return nil
}

func memberByName(s *Shape, name string) *Member {
	for _, m := range s.Members {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// scalarCopyable reports whether a value of shape s converts to shape d with
// a Go conversion: the same scalar kind, or enums and strings.
func scalarCopyable(s, d *Shape) bool {
	switch {
	case s.Kind == KindSimple && d.Kind == KindSimple:
		return s.GoType.Kind == d.GoType.Kind
	case s.Kind == KindEnum || d.Kind == KindEnum:
		return (s.Kind == KindEnum || s.GoType.Kind == GoString && s.Kind == KindSimple) &&
			(d.Kind == KindEnum || d.GoType.Kind == GoString && d.Kind == KindSimple)
	case s.Kind == KindIntEnum || d.Kind == KindIntEnum:
		return (s.Kind == KindIntEnum || s.GoType.Kind == GoInt32 && s.Kind == KindSimple) &&
			(d.Kind == KindIntEnum || d.GoType.Kind == GoInt32 && d.Kind == KindSimple)
	}
	return false
}

// fakeError returns the first operation error whose name is one of names,
// else whose name contains one, with the members the fake fills.
func fakeError(op *Operation, names ...string) *FakeError {
	var found *Shape
	for _, n := range names {
		for _, e := range op.Errors {
			if e.ID.Name == n {
				found = e
				break
			}
		}
		if found != nil {
			break
		}
	}
	if found == nil {
		for _, n := range names {
			for _, e := range op.Errors {
				if strings.Contains(e.ID.Name, n) {
					found = e
					break
				}
			}
			if found != nil {
				break
			}
		}
	}
	if found == nil {
		return nil
	}
	fe := &FakeError{Shape: found, Message: messageMember(found)}
	for _, m := range found.Members {
		if m.Location != InBody {
			continue
		}
		switch strings.ToLower(m.Name) {
		case "resourceid", "resourcename", "resourceidentifier":
			if m.GoType.Kind == GoString && m.Target.Kind == KindSimple {
				fe.ResourceID = m
			}
		case "resourcetype":
			if m.Target.Kind == KindSimple && m.GoType.Kind == GoString || m.Target.Kind == KindEnum {
				fe.ResourceType = m
			}
		case "requestid":
			if m.GoType.Kind == GoString {
				fe.RequestID = m
			}
		}
	}
	return fe
}

// typeValue picks the enum value of an error's ResourceType that names noun.
func typeValue(m *Member, noun string) *EnumValue {
	if m == nil || m.Target.Kind != KindEnum {
		return nil
	}
	flat := func(s string) string {
		return strings.ToLower(strings.NewReplacer("_", "", "-", "", " ", "").Replace(s))
	}
	for _, v := range m.Target.Values {
		if flat(v.String) == flat(noun) {
			return v
		}
	}
	return nil
}

func isStatusName(lower string) bool {
	return strings.HasSuffix(lower, "status") || strings.HasSuffix(lower, "state")
}

// statusValue picks a plausible value of a status enum after an operation of kind k.
func statusValue(s *Shape, k FakeKind) *EnumValue {
	has := func(v *EnumValue, words ...string) bool {
		u := strings.ToUpper(v.String)
		for _, w := range words {
			if strings.Contains(u, w) {
				return true
			}
		}
		return false
	}
	pick := func(ok func(*EnumValue) bool) *EnumValue {
		for _, v := range s.Values {
			if ok(v) {
				return v
			}
		}
		return nil
	}
	done := func(v *EnumValue) bool { return has(v, "SUCCE", "COMPLET") }
	switch k {
	case FakeCreate, FakePut:
		if v := pick(func(v *EnumValue) bool { return has(v, "CREAT") && done(v) }); v != nil {
			return v
		}
		if v := pick(func(v *EnumValue) bool { return has(v, "ACTIVE", "AVAILABLE", "ENABLED", "READY", "CREATED") }); v != nil {
			return v
		}
		if len(s.Values) > 0 {
			return s.Values[0]
		}
	case FakeUpdate:
		return pick(func(v *EnumValue) bool { return has(v, "UPDAT") && done(v) })
	case FakeDelete:
		return pick(func(v *EnumValue) bool { return has(v, "DELET") })
	}
	return nil
}

// splitVerb splits an operation name into its first word and the rest:
// "CreateActionConnector" → "Create", "ActionConnector".
func splitVerb(name string) (verb, noun string) {
	rs := []rune(name)
	for i := 1; i < len(rs); i++ {
		if unicode.IsUpper(rs[i]) {
			return string(rs[:i]), string(rs[i:])
		}
	}
	return name, ""
}

// singulars returns the singular forms an English plural noun may have, most
// likely first: "Policies" → "Policy"; "Aliases" → "Aliase", "Alias".
func singulars(s string) []string {
	switch {
	case strings.HasSuffix(s, "ies"):
		return []string{strings.TrimSuffix(s, "ies") + "y"}
	case strings.HasSuffix(s, "ses"), strings.HasSuffix(s, "xes"), strings.HasSuffix(s, "zes"), strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "shes"):
		return []string{strings.TrimSuffix(s, "s"), strings.TrimSuffix(s, "es")}
	case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss"):
		return []string{strings.TrimSuffix(s, "s")}
	}
	return []string{s}
}

// singularIn returns the singular of plural that ok accepts, or "".
func singularIn(plural string, ok func(string) bool) string {
	for _, s := range singulars(plural) {
		if ok(s) {
			return s
		}
	}
	return ""
}

func lowerFirst(s string) string {
	rs := []rune(s)
	if len(rs) == 0 {
		return s
	}
	rs[0] = unicode.ToLower(rs[0])
	return string(rs)
}
