package generator

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
)

// emitFake writes fake.go: the in-memory Handler. Its lifecycle is inferred
// from the model (buildFakeIR); the store, pagination and options are the
// static fake_runtime.go.
func (g *gen) emitFake(f *jen.File) error {
	sir, err := buildServerIR(g.pkg)
	if err != nil {
		return err
	}
	fir := sir.Fake
	g.emitFakeType(f, fir)
	emitFakeSnapshot(f, fir)
	emitFakeRestore(f, fir)
	for _, op := range g.pkg.Operations {
		emitFakeOperation(f, op, tokenPrefixes(g.pkg, op.Server.Fake.Resource))
	}
	for _, c := range fir.Copies {
		emitFakeCopy(f, c)
	}
	return nil
}

// emitFakeType writes the Fake struct, one table per resource:
//
//	type Fake struct { mu sync.Mutex; cfg fakeConfig; ...; actionConnectors fakeTable[ActionConnector] }
func (g *gen) emitFakeType(f *jen.File, fir *FakeIR) {
	var doc strings.Builder
	fmt.Fprintf(&doc, "Fake is an in-memory %s, safe for concurrent use. It implements Handler,\n", g.pkg.Service.SDKID)
	doc.WriteString("and http.Handler by serving itself with NewServer. To change one operation,\n")
	doc.WriteString("embed *Fake in a type that overrides it and serve that with NewServer.\n")
	if len(fir.Resources) > 0 {
		doc.WriteString("\nIt keeps these resources, with a lifecycle inferred from the operation names:\n")
		for _, r := range fir.Resources {
			key := append(append([]string{}, r.Scope...), r.IDMember)
			if r.IDMember == "" {
				key[len(key)-1] = "an ID it makes up"
			}
			fmt.Fprintf(&doc, "  - %s, created by %s and keyed by %s\n", r.Noun, r.Create.Name, strings.Join(key, " and "))
		}
	}
	if len(fir.Rules) > 0 {
		doc.WriteString("\nIt also follows what the service documentation states:\n")
		for _, r := range fir.Rules {
			fmt.Fprintf(&doc, "  - %s\n", r.Doc)
		}
	}
	fileComment(f, strings.TrimSuffix(doc.String(), "\n"))
	f.Type().Id("Fake").StructFunc(func(grp *jen.Group) {
		grp.Id("cfg").Id("fakeConfig")
		grp.Id("serverOnce").Qual("sync", "Once")
		grp.Id("server").Qual("net/http", "Handler")
		grp.Line()
		grp.Id("mu").Qual("sync", "Mutex")
		for _, r := range fir.Resources {
			grp.Id(r.Field).Id("fakeTable").Types(jen.Id(r.Record.Name))
		}
		if fir.Tokens {
			grp.Id("tokens").Map(jen.String()).String().Comment("operation and idempotency token -> key of the record made")
		}
	})
	f.Line()
	f.Var().Id("_").Id("Handler").Op("=").Parens(jen.Op("*").Id("Fake")).Parens(jen.Nil())
	f.Line()
}

// emitFakeSnapshot writes Snapshot: the tables in resource order, then the
// idempotency tokens, with the runtime helpers of fake_runtime.go:
//
//	func (f *Fake) Snapshot() ([]byte, error) {
//		f.mu.Lock(); defer f.mu.Unlock()
//		return fakeSnapshot(func(tables smithyjson.Object) error { ...snapshotFakeTable(&f.actionConnectors, tables.Key("ActionConnector")) }, f.tokens)
//	}
func emitFakeSnapshot(f *jen.File, fir *FakeIR) {
	fileComment(f, "Snapshot returns the fake's state as JSON, written with the package's own\n"+
		"encoders: every stored record, oldest first, and the idempotency tokens. Equal\n"+
		"states give equal bytes. The format is versioned; Restore reads it back.\n"+
		"Records hold no write-only secret, as the fake never stores one.")
	f.Func().Params(jen.Id("f").Op("*").Id("Fake")).Id("Snapshot").Params().Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(grp *jen.Group) {
		grp.Id("f").Dot("mu").Dot("Lock").Call()
		grp.Defer().Id("f").Dot("mu").Dot("Unlock").Call()
		tables := jen.Func().Params(jen.Id("tables").Op("*").Qual(smithyJSONPkg, "Object")).Error().BlockFunc(func(b *jen.Group) {
			for _, r := range fir.Resources {
				b.If(jen.Err().Op(":=").Id("snapshotFakeTable").Call(jen.Op("&").Id("f").Dot(r.Field), jen.Id("tables").Dot("Key").Call(jen.Lit(r.Noun))),
					jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			}
			b.Return(jen.Nil())
		})
		tokens := jen.Nil()
		if fir.Tokens {
			tokens = jen.Id("f").Dot("tokens")
		}
		grp.Return(jen.Id("fakeSnapshot").Call(tables, tokens))
	})
	f.Line()
}

// emitFakeRestore writes Restore: read every table into fresh ones, then
// swap them in, so that a snapshot that does not read changes nothing:
//
//	func (f *Fake) Restore(data []byte) error {
//		var next struct{ actionConnectors fakeTable[ActionConnector]; tokens map[string]string }
//		err := restoreFake(data, func(r *jsonReader, name string) (bool, error) { switch name { case "ActionConnector": ... } }, &next.tokens)
//		...; f.mu.Lock(); f.actionConnectors = next.actionConnectors; f.tokens = next.tokens
//	}
func emitFakeRestore(f *jen.File, fir *FakeIR) {
	fileComment(f, "Restore replaces the fake's state with a snapshot Snapshot wrote. A snapshot\n"+
		"that does not read (another version or service, or not JSON) is an error\n"+
		"and leaves the state as it was.")
	f.Func().Params(jen.Id("f").Op("*").Id("Fake")).Id("Restore").Params(jen.Id("data").Index().Byte()).Error().BlockFunc(func(grp *jen.Group) {
		if len(fir.Resources) > 0 || fir.Tokens {
			grp.Var().Id("next").StructFunc(func(st *jen.Group) {
				for _, r := range fir.Resources {
					st.Id(r.Field).Id("fakeTable").Types(jen.Id(r.Record.Name))
				}
				if fir.Tokens {
					st.Id("tokens").Map(jen.String()).String()
				}
			})
		}
		table := jen.Func().Params(jen.Id("r").Op("*").Id("jsonReader"), jen.Id("name").String()).Params(jen.Bool(), jen.Error()).BlockFunc(func(b *jen.Group) {
			if len(fir.Resources) > 0 {
				b.Switch(jen.Id("name")).BlockFunc(func(sw *jen.Group) {
					for _, r := range fir.Resources {
						sw.Case(jen.Lit(r.Noun)).Block(jen.Return(jen.True(), jen.Id("restoreFakeTable").Call(jen.Id("r"), jen.Op("&").Id("next").Dot(r.Field))))
					}
				})
			}
			b.Return(jen.False(), jen.Nil())
		})
		tokens := jen.Nil()
		if fir.Tokens {
			tokens = jen.Op("&").Id("next").Dot("tokens")
		}
		grp.If(jen.Err().Op(":=").Id("restoreFake").Call(jen.Id("data"), table, tokens), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		grp.Id("f").Dot("mu").Dot("Lock").Call()
		grp.Defer().Id("f").Dot("mu").Dot("Unlock").Call()
		for _, r := range fir.Resources {
			grp.Id("f").Dot(r.Field).Op("=").Id("next").Dot(r.Field)
		}
		if fir.Tokens {
			grp.Id("f").Dot("tokens").Op("=").Id("next").Dot("tokens")
		}
		grp.Return(jen.Nil())
	})
	f.Line()
}

// tokenPrefixes lists the prefixes of the idempotency token keys of the
// operations that create records of r ("CreateThing\x00"), in operation
// order; a delete of r drops the tokens that made the record.
func tokenPrefixes(p *Package, r *FakeResource) []string {
	if r == nil {
		return nil
	}
	var out []string
	for _, op := range p.Operations {
		if fo := op.Server.Fake; fo.Resource == r && fo.Token != nil && (fo.Kind == FakeCreate || fo.Kind == FakePut) {
			out = append(out, op.Name+"\x00")
		}
	}
	return out
}

// fakeCtx is what the statements of one fake operation refer to.
type fakeCtx struct {
	op     *Operation
	fo     *FakeOperation
	in     *jen.Statement
	grp    *jen.Group
	tokens []string // token key prefixes of the creates of the resource (tokenPrefixes)
}

// emitFakeOperation writes the fake's implementation of one operation:
//
//	func (f *Fake) Op(ctx context.Context, in *OpInput) (*OpOutput, error)
func emitFakeOperation(f *jen.File, op *Operation, tokens []string) {
	fo := op.Server.Fake
	r := fo.Resource
	var doc string
	switch fo.Kind {
	case FakeCreate:
		doc = fmt.Sprintf("%s stores a new %s; one that exists already is a conflict.", op.Name, r.Noun)
	case FakePut:
		doc = fmt.Sprintf("%s stores a %s, replacing any with the same key.", op.Name, r.Noun)
	case FakeRead:
		doc = fmt.Sprintf("%s returns a stored %s.", op.Name, r.Noun)
	case FakeUpdate:
		doc = fmt.Sprintf("%s merges the members set in its input into a stored %s.", op.Name, r.Noun)
	case FakeDelete:
		doc = fmt.Sprintf("%s removes a stored %s.", op.Name, r.Noun)
	case FakeList:
		doc = fmt.Sprintf("%s lists the stored %s records of a scope, oldest first, a page at a time.", op.Name, r.Noun)
	case FakeAction:
		doc = fmt.Sprintf("%s acts on a stored %s.", op.Name, r.Noun)
	default:
		doc = fmt.Sprintf("%s keeps no state: it returns an output with plausible values.", op.Name)
	}
	fileComment(f, doc)
	f.Func().Params(jen.Id("f").Op("*").Id("Fake")).Id(op.Name).
		Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("in").Op("*").Id(op.Input.Name)).
		Params(jen.Op("*").Id(op.Output.Name), jen.Error()).BlockFunc(func(grp *jen.Group) {
		c := &fakeCtx{op: op, fo: fo, in: jen.Id("in"), grp: grp, tokens: tokens}
		for _, rule := range fo.Rules {
			if rule.RejectMember != nil {
				c.rejectPrefix(rule)
			}
		}
		switch fo.Kind {
		case FakeCreate, FakePut:
			c.create()
		case FakeRead, FakeUpdate, FakeDelete, FakeAction:
			c.existing()
		case FakeList:
			c.list()
		default:
			grp.Id("out").Op(":=").New(jen.Id(op.Output.Name))
			c.finishOutput(grp)
		}
	})
	f.Line()
}

// str renders member m of base as a string.
func str(base *jen.Statement, m *Member) *jen.Statement {
	if m.Pointer {
		return jen.Id("fakeDeref").Call(base.Clone().Dot(m.GoName))
	}
	return jen.String().Call(base.Clone().Dot(m.GoName))
}

func (c *fakeCtx) scopeParts() []jen.Code {
	var parts []jen.Code
	for _, m := range c.fo.Scope {
		parts = append(parts, str(c.in, m))
	}
	return parts
}

// account renders the account of the ARNs the operation makes.
func (c *fakeCtx) account() jen.Code {
	r := c.fo.Resource
	if r.Account >= 0 {
		return str(c.in, c.fo.Scope[r.Account])
	}
	return jen.Id("f").Dot("cfg").Dot("account")
}

// lock writes the lock of the fake's state until the method returns.
func (c *fakeCtx) lock() {
	c.grp.Id("f").Dot("mu").Dot("Lock").Call()
	c.grp.Defer().Id("f").Dot("mu").Dot("Unlock").Call()
}

// parentCheck fails with not-found when the scope names a parent resource that does not exist.
func (c *fakeCtx) parentCheck() {
	r := c.fo.Resource
	if r.Parent == nil {
		return
	}
	c.grp.Id("parentID").Op(":=").Id("fakeNormalizeID").Call(str(c.in, c.fo.Scope[r.ParentAt]))
	c.grp.If(jen.Id("f").Dot(r.Parent.Field).Dot("get").Call(jen.Id("fakeKey").Call(jen.Id("parentID"))).Op("==").Nil()).Block(
		jen.Return(jen.Nil(), c.errorValue(c.fo.NotFound, r.Parent.Noun, shownID(c.fo.Scope[r.ParentAt], "parentID"), "does not exist", "fakeNotFound")),
	)
}

// create stores a new record built from the input.
func (c *fakeCtx) create() {
	grp, fo, r := c.grp, c.fo, c.fo.Resource
	if fo.ID != nil {
		grp.Id("id").Op(":=").Id("fakeNormalizeID").Call(str(c.in, fo.ID))
	} else {
		grp.Id("id").Op(":=").Id("fakeNewID").Call()
	}
	grp.Id("scope").Op(":=").Id("fakeKey").Call(c.scopeParts()...)
	grp.Id("key").Op(":=").Id("fakeKey").Call(append(c.scopeParts(), jen.Id("id"))...)
	c.lock()
	if fo.Token != nil {
		grp.Id("token").Op(":=").Lit(c.op.Name + "\x00").Op("+").Add(str(c.in, fo.Token))
		grp.If(c.tokenSet()).Block(
			jen.If(jen.List(jen.Id("made"), jen.Id("ok")).Op(":=").Id("f").Dot("tokens").Index(jen.Id("token")), jen.Id("ok")).Block(
				jen.If(jen.Id("rec").Op(":=").Id("f").Dot(r.Field).Dot("get").Call(jen.Id("made")), jen.Id("rec").Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
					g.Comment("A retry: the same token made this record.")
					c.output(g)
				}),
			),
		)
	}
	c.parentCheck()
	if fo.Kind == FakeCreate && fo.ID != nil {
		grp.If(jen.Id("f").Dot(r.Field).Dot("get").Call(jen.Id("key")).Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), c.errorValue(fo.Conflict, r.Noun, shownID(fo.ID, "id"), "already exists", "fakeConflict")),
		)
	}
	if len(r.Created) > 0 {
		grp.Id("now").Op(":=").Id("f").Dot("now").Call()
	}
	grp.Id("rec").Op(":=").New(jen.Id(r.Record.Name))
	if fo.FromInput != nil && len(fo.FromInput.Members) > 0 {
		grp.Id(fo.FromInput.Func).Call(jen.Id("rec"), jen.Id("in"))
	}
	if r.RecordID != nil {
		grp.Id("rec").Dot(r.RecordID.GoName).Op("=").Add(assignString(r.RecordID, jen.Id("id")))
	}
	arnPath := []jen.Code{c.account()}
	if r.Parent != nil {
		arnPath = append(arnPath, jen.Lit(r.Parent.ARNType), jen.Id("parentID"))
		if r.ParentARN != nil {
			grp.Id("rec").Dot(r.ParentARN.GoName).Op("=").Add(assignString(r.ParentARN,
				jen.Id("f").Dot("arn").Call(c.account(), jen.Lit(r.Parent.ARNType), jen.Id("parentID"))))
		}
	}
	arnPath = append(arnPath, jen.Lit(r.ARNType), jen.Id("id"))
	if r.RecordARN != nil {
		grp.Id("rec").Dot(r.RecordARN.GoName).Op("=").Add(assignString(r.RecordARN, jen.Id("f").Dot("arn").Call(arnPath...)))
	}
	for _, m := range r.Created {
		grp.Id("rec").Dot(m.GoName).Op("=").Add(assignTime(m))
	}
	if r.Status != nil && r.OnCreate != nil {
		grp.Id("rec").Dot(r.Status.GoName).Op("=").Id(r.OnCreate.Const)
	}
	c.transitions()
	grp.Id("f").Dot(r.Field).Dot("put").Call(jen.Id("key"), jen.Id("scope"), jen.Id("rec"))
	if fo.Token != nil {
		grp.If(c.tokenSet()).Block(
			jen.If(jen.Id("f").Dot("tokens").Op("==").Nil()).Block(jen.Id("f").Dot("tokens").Op("=").Map(jen.String()).String().Values()),
			jen.Id("f").Dot("tokens").Index(jen.Id("token")).Op("=").Id("key"),
		)
	}
	c.output(grp)
}

// tokenSet renders the condition that the request carries an idempotency token.
func (c *fakeCtx) tokenSet() jen.Code {
	if cond := presentCond(c.fo.Token, c.in.Clone().Dot(c.fo.Token.GoName)); cond != nil {
		return cond
	}
	return str(c.in, c.fo.Token).Op("!=").Lit("")
}

// existing finds the record the input names, then reads, updates, deletes or acts on it.
func (c *fakeCtx) existing() {
	grp, fo, r := c.grp, c.fo, c.fo.Resource
	grp.Id("id").Op(":=").Id("fakeNormalizeID").Call(str(c.in, fo.ID))
	grp.Id("key").Op(":=").Id("fakeKey").Call(append(c.scopeParts(), jen.Id("id"))...)
	c.lock()
	method := "get"
	if fo.Kind == FakeDelete {
		method = "remove"
	}
	grp.Id("rec").Op(":=").Id("f").Dot(r.Field).Dot(method).Call(jen.Id("key"))
	grp.If(jen.Id("rec").Op("==").Nil()).Block(
		jen.Return(jen.Nil(), c.errorValue(fo.NotFound, r.Noun, shownID(fo.ID, "id"), "does not exist", "fakeNotFound")),
	)
	if fo.Kind == FakeDelete && len(c.tokens) > 0 {
		args := []jen.Code{jen.Id("f").Dot("tokens"), jen.Id("key")}
		for _, p := range c.tokens {
			args = append(args, jen.Lit(p))
		}
		grp.Id("fakeDropTokens").Call(args...)
	}
	switch fo.Kind {
	case FakeUpdate, FakeAction:
		if fo.Kind == FakeUpdate && fo.FromInput != nil && len(fo.FromInput.Members) > 0 {
			grp.Id(fo.FromInput.Func).Call(jen.Id("rec"), jen.Id("in"))
		}
		if len(r.Updated) > 0 {
			grp.Id("now").Op(":=").Id("f").Dot("now").Call()
			for _, m := range r.Updated {
				grp.Id("rec").Dot(m.GoName).Op("=").Add(assignTime(m))
			}
		}
		if fo.Kind == FakeUpdate && r.Status != nil && r.OnUpdate != nil {
			grp.Id("rec").Dot(r.Status.GoName).Op("=").Id(r.OnUpdate.Const)
		}
		c.transitions()
	}
	c.output(grp)
}

// list writes a filtered, paginated listing of a scope.
func (c *fakeCtx) list() {
	grp, fo, r := c.grp, c.fo, c.fo.Resource
	grp.Id("scope").Op(":=").Id("fakeKey").Call(c.scopeParts()...)
	c.lock()
	c.parentCheck()
	var filters []jen.Code
	for _, flt := range fo.Filters {
		if cond := filterMismatch(flt); cond != nil {
			filters = append(filters, jen.If(cond).Block(jen.Continue()))
		}
	}
	if len(filters) == 0 {
		grp.Id("recs").Op(":=").Id("f").Dot(r.Field).Dot("list").Call(jen.Id("scope"))
	} else {
		grp.Var().Id("recs").Index().Op("*").Id(r.Record.Name)
		grp.For(jen.List(jen.Id("_"), jen.Id("rec")).Op(":=").Range().Id("f").Dot(r.Field).Dot("list").Call(jen.Id("scope"))).Block(
			append(filters, jen.Id("recs").Op("=").Append(jen.Id("recs"), jen.Id("rec")))...)
	}
	grp.Id("size").Op(":=").Lit(fo.PageMax)
	if ps := fo.PageSize; ps != nil && ps.Target.Kind == KindSimple && isInt(ps.GoType.Kind) {
		v := c.in.Clone().Dot(ps.GoName)
		val := v.Clone()
		if ps.Pointer {
			val = jen.Op("*").Add(v.Clone())
		}
		cond := jen.Add(val.Clone()).Op(">").Lit(0).Op("&&").Int().Call(val.Clone()).Op("<").Id("size")
		if ps.Pointer {
			cond = v.Clone().Op("!=").Nil().Op("&&").Add(cond)
		}
		grp.If(cond).Block(jen.Id("size").Op("=").Int().Call(val.Clone()))
	}
	token := jen.Lit("")
	if fo.PageToken != nil && fo.PageToken.GoType.Kind == GoString {
		token = str(c.in, fo.PageToken)
	}
	next := jen.Id("_")
	if nt := fo.NextToken; nt != nil && nt.GoType.Kind == GoString {
		next = jen.Id("next")
	}
	grp.List(jen.Id("page"), next, jen.Err()).Op(":=").Id("fakePage").Call(jen.Id("recs"), token, jen.Id("size"))
	grp.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), c.badToken()))
	grp.Id("out").Op(":=").New(jen.Id(c.op.Output.Name))
	items := jen.Id("out").Dot(fo.Items.GoName)
	elem := fo.Items.Target.Elem
	grp.Add(items.Clone()).Op("=").Make(goType(fo.Items.Target.GoType), jen.Len(jen.Id("page")))
	switch {
	case fo.ItemCopy.empty() && elem.Pointer:
		grp.For(jen.Id("i").Op(":=").Range().Id("page")).Block(items.Clone().Index(jen.Id("i")).Op("=").New(jen.Id(elem.Target.Name)))
	case fo.ItemCopy.empty():
	case elem.Pointer:
		grp.For(jen.List(jen.Id("i"), jen.Id("rec")).Op(":=").Range().Id("page")).Block(
			items.Clone().Index(jen.Id("i")).Op("=").New(jen.Id(elem.Target.Name)),
			jen.Id(fo.ItemCopy.Func).Call(items.Clone().Index(jen.Id("i")), jen.Id("rec")),
		)
	default:
		grp.For(jen.List(jen.Id("i"), jen.Id("rec")).Op(":=").Range().Id("page")).Block(
			jen.Id(fo.ItemCopy.Func).Call(jen.Op("&").Add(items.Clone()).Index(jen.Id("i")), jen.Id("rec")),
		)
	}
	if nt := fo.NextToken; nt != nil && nt.GoType.Kind == GoString {
		grp.If(jen.Id("next").Op("!=").Lit("")).Block(jen.Id("out").Dot(nt.GoName).Op("=").Add(assignString(nt, jen.Id("next"))))
	}
	c.finishOutput(grp)
}

func isInt(k GoKind) bool { return k == GoInt8 || k == GoInt16 || k == GoInt32 || k == GoInt64 }

// filterMismatch is the condition under which rec fails a listing filter, or nil when the filter cannot be written.
func filterMismatch(flt *FakeFilter) jen.Code {
	in := jen.Id("in").Dot(flt.Input.GoName)
	rec := jen.Id("rec").Dot(flt.Record.GoName)
	recVal := rec.Clone()
	if flt.Record.Pointer {
		recVal = jen.Op("*").Add(rec.Clone())
	}
	if flt.In {
		if flt.Input.Target.GoType.ElemPointer {
			return nil
		}
		elemType := goType(*flt.Input.Target.GoType.Elem)
		v := recVal
		if flt.Input.Target.Elem.Target != flt.Record.Target {
			v = elemType.Clone().Call(recVal)
		}
		cond := jen.Len(in.Clone()).Op(">").Lit(0).Op("&&")
		if flt.Record.Pointer {
			cond.Parens(rec.Clone().Op("==").Nil().Op("||").Op("!").Qual("slices", "Contains").Call(in.Clone(), v))
		} else {
			cond.Op("!").Qual("slices", "Contains").Call(in.Clone(), v)
		}
		return cond
	}
	present := presentCond(flt.Input, in)
	inVal := derefField(flt.Input, in)
	mismatch := recVal.Clone()
	if flt.Input.Target != flt.Record.Target {
		mismatch = goType(flt.Input.GoType).Call(recVal)
	}
	mismatch = mismatch.Op("!=").Add(inVal)
	if flt.Record.Pointer {
		mismatch = rec.Clone().Op("==").Nil().Op("||").Add(mismatch)
	}
	if present == nil {
		return mismatch
	}
	if flt.Record.Pointer {
		return jen.Add(present).Op("&&").Parens(mismatch)
	}
	return jen.Add(present).Op("&&").Add(mismatch)
}

// output writes into grp: build the operation's output from rec and return it.
func (c *fakeCtx) output(grp *jen.Group) {
	fo := c.fo
	grp.Id("out").Op(":=").New(jen.Id(c.op.Output.Name))
	if fo.OutRecord != nil {
		grp.Id("out").Dot(fo.OutRecord.GoName).Op("=").New(jen.Id(fo.OutRecord.Target.Name))
		if !fo.OutCopy.empty() {
			grp.Id(fo.OutCopy.Func).Call(jen.Id("out").Dot(fo.OutRecord.GoName), jen.Id("rec"))
		}
	}
	if fo.Out != nil {
		grp.Id(fo.Out.Func).Call(jen.Id("out"), jen.Id("rec"))
	}
	c.finishOutput(grp)
}

// finishOutput writes into grp: set the plausible values every reply carries and return out.
func (c *fakeCtx) finishOutput(grp *jen.Group) {
	fo := c.fo
	for _, m := range c.op.Output.Members {
		if v, ok := fo.Statuses[m]; ok {
			grp.Id("out").Dot(m.GoName).Op("=").Id(v.Const)
		}
	}
	if m := fo.RequestID; m != nil {
		grp.Id("out").Dot(m.GoName).Op("=").Add(assignString(m, jen.Id("requestID").Call(jen.Id("ctx"))))
	}
	if m := fo.Code; m != nil && isInt(m.GoType.Kind) {
		if m.Pointer {
			fn := map[GoKind]string{GoInt8: "Int8", GoInt16: "Int16", GoInt32: "Int32", GoInt64: "Int64"}[m.GoType.Kind]
			grp.Id("out").Dot(m.GoName).Op("=").Qual(smithyPtrPkg, fn).Call(jen.Lit(c.op.HTTP.Code))
		} else {
			grp.Id("out").Dot(m.GoName).Op("=").Lit(c.op.HTTP.Code)
		}
	}
	grp.Return(jen.Id("out"), jen.Nil())
}

// transitions writes the rules that move the record's status.
func (c *fakeCtx) transitions() {
	for _, rule := range c.fo.Rules {
		if rule.Member == nil {
			continue
		}
		c.grp.Comment("Rule: " + rule.Doc)
		set := jen.Id("rec").Dot(rule.Member.GoName).Op("=").Id(rule.To.Const)
		if rule.From != nil {
			c.grp.If(jen.Id("rec").Dot(rule.Member.GoName).Op("==").Id(rule.From.Const)).Block(set)
		} else {
			c.grp.Add(set)
		}
	}
}

// rejectPrefix writes a rule refusing input whose member starts with a prefix.
func (c *fakeCtx) rejectPrefix(rule *FakeRuleIR) {
	m := rule.RejectMember
	path := "/" + m.Name
	msg := fmt.Sprintf("Value at '%s' failed to satisfy constraint: Member must not start with %q", path, rule.Prefix)
	c.grp.Comment("Rule: " + rule.Doc)
	c.grp.If(jen.Qual("strings", "HasPrefix").Call(str(c.in, m), jen.Lit(rule.Prefix))).Block(
		jen.Return(jen.Nil(), c.invalid(path, msg)),
	)
}

// invalid renders the operation's validation error for one failing member.
func (c *fakeCtx) invalid(path, msg string) jen.Code {
	v := jen.Id("fakeInvalid").Call(jen.Id("ctx"), jen.Lit(path), jen.Lit(msg))
	if vm := c.op.Server.Validation; vm != nil {
		return jen.Id(vm.Func).Call(v)
	}
	return jen.Id("genericValidationError").Call(v)
}

// badToken renders the error for a page token the fake did not issue.
func (c *fakeCtx) badToken() jen.Code {
	if fe := c.fo.BadToken; fe != nil {
		return c.errorValue(fe, "", jen.Lit(""), "", "")
	}
	name := "NextToken"
	if c.fo.PageToken != nil {
		name = c.fo.PageToken.Name
	}
	return c.invalid("/"+name, fmt.Sprintf("Value at '/%s' failed to satisfy constraint: Member must be a token returned by a previous call", name))
}

// shownID renders the identifier an error message names: the variable v, or
// the redaction text when the input member m it came from is @sensitive.
func shownID(m *Member, v string) jen.Code {
	if m != nil && m.Sensitive {
		return jen.Lit(redactedText)
	}
	return jen.Id(v)
}

// errorValue renders an error of shape fe about resource noun id; without
// fe, the runtime fallback fallback(noun, id).
func (c *fakeCtx) errorValue(fe *FakeError, noun string, id jen.Code, what, fallback string) jen.Code {
	if fe == nil {
		return jen.Id(fallback).Call(jen.Lit(noun), id)
	}
	msg := jen.Lit("The pagination token is not valid.")
	if noun != "" {
		msg = jen.Lit(noun + " ").Op("+").Add(id).Op("+").Lit(" " + what + ".")
	}
	fields := jen.Dict{}
	if fe.Message != nil {
		fields[jen.Id(fe.Message.GoName)] = assignString(fe.Message, msg)
	}
	if fe.ResourceID != nil && noun != "" {
		fields[jen.Id(fe.ResourceID.GoName)] = assignString(fe.ResourceID, id)
	}
	if rt := fe.ResourceType; rt != nil && noun != "" {
		if rt.Target.Kind == KindEnum {
			if v := typeValue(rt, noun); v != nil {
				fields[jen.Id(rt.GoName)] = jen.Id(v.Const)
			}
		} else {
			fields[jen.Id(rt.GoName)] = assignString(rt, jen.Lit(noun))
		}
	}
	if fe.RequestID != nil {
		fields[jen.Id(fe.RequestID.GoName)] = assignString(fe.RequestID, jen.Id("requestID").Call(jen.Id("ctx")))
	}
	return jen.Op("&").Id(fe.Shape.Name).Values(fields)
}

// assignString renders string value v for a field of member m.
func assignString(m *Member, v jen.Code) jen.Code {
	if m.Pointer {
		return jen.Qual(smithyPtrPkg, "String").Call(v)
	}
	return v
}

// assignTime renders the timestamp now for a field of member m.
func assignTime(m *Member) jen.Code {
	if m.Pointer {
		return jen.Qual(smithyPtrPkg, "Time").Call(jen.Id("now"))
	}
	return jen.Id("now")
}

// emitFakeCopy writes one conversion function.
//
//	func fillDFromS(dst *D, src *S)   // structs: copies the members src has set
//	func convertSToD(src S) D         // unions, lists, maps
func emitFakeCopy(f *jen.File, c *FakeCopy) {
	if c.empty() {
		return
	}
	switch c.Dst.Kind {
	case KindStruct:
		if c.Src == c.Dst {
			fileComment(f, fmt.Sprintf("%s copies the members set in src into dst, deeply, leaving out write-only secrets.", c.Func))
		} else {
			fileComment(f, fmt.Sprintf("%s copies the members set in src that %s also has into dst, deeply,\nleaving out write-only secrets.", c.Func, c.Dst.Name))
		}
		f.Func().Id(c.Func).Params(jen.Id("dst").Op("*").Id(c.Dst.Name), jen.Id("src").Op("*").Id(c.Src.Name)).BlockFunc(func(grp *jen.Group) {
			for _, cm := range c.Members {
				src := jen.Id("src")
				if cm.Via != nil {
					src = jen.Id("src").Dot(cm.Via.GoName)
				}
				field := src.Clone().Dot(cm.Src.GoName)
				stmts := copyInto(jen.Id("dst").Dot(cm.Dst.GoName), cm.Dst, field, cm.Src, cm.Copy)
				cond := presentCond(cm.Src, field)
				if cm.Via != nil {
					viaCond := jen.Id("src").Dot(cm.Via.GoName).Op("!=").Nil()
					if cond != nil {
						cond = viaCond.Op("&&").Add(cond)
					} else {
						cond = viaCond
					}
				}
				if cond != nil {
					grp.If(cond).Block(stmts...)
				} else {
					for _, st := range stmts {
						grp.Add(st)
					}
				}
			}
		})
	case KindUnion:
		if c.Src == c.Dst {
			fileComment(f, fmt.Sprintf("%s copies a %s deeply, leaving out write-only secrets.", c.Func, c.Src.Name))
		} else {
			fileComment(f, fmt.Sprintf("%s converts a %s to the %s member of the same name, or\nnil when %s has none.", c.Func, c.Src.Name, c.Dst.Name, c.Dst.Name))
		}
		f.Func().Id(c.Func).Params(jen.Id("src").Id(c.Src.Name)).Id(c.Dst.Name).BlockFunc(func(grp *jen.Group) {
			grp.Switch(jen.Id("u").Op(":=").Id("src").Assert(jen.Type())).BlockFunc(func(sw *jen.Group) {
				for _, cm := range c.Variants {
					sw.Case(jen.Op("*").Id(cm.Src.Variant)).BlockFunc(func(b *jen.Group) {
						b.Id("out").Op(":=").New(jen.Id(cm.Dst.Variant))
						for _, st := range copyValue(jen.Id("out").Dot("Value"), cm.Dst, jen.Id("u").Dot("Value"), cm.Src, cm.Copy) {
							b.Add(st)
						}
						b.Return(jen.Id("out"))
					})
				}
				sw.Case(jen.Op("*").Id("UnknownUnionMember")).Block(
					jen.Return(jen.Op("&").Id("UnknownUnionMember").Values(jen.Dict{
						jen.Id("Tag"):   jen.Id("u").Dot("Tag"),
						jen.Id("Value"): jen.Qual("slices", "Clone").Call(jen.Id("u").Dot("Value")),
					})),
				)
			})
			grp.Return(jen.Nil())
		})
	case KindList:
		fileComment(f, fmt.Sprintf("%s copies a list deeply, converting its items.", c.Func))
		f.Func().Id(c.Func).Params(jen.Id("src").Add(goType(c.Src.GoType))).Add(goType(c.Dst.GoType)).BlockFunc(func(grp *jen.Group) {
			grp.If(jen.Id("src").Op("==").Nil()).Block(jen.Return(jen.Nil()))
			grp.Id("out").Op(":=").Make(goType(c.Dst.GoType), jen.Len(jen.Id("src")))
			grp.For(jen.Id("i").Op(":=").Range().Id("src")).Block(
				copyElem(jen.Id("out").Index(jen.Id("i")), c.Dst.Elem, jen.Id("src").Index(jen.Id("i")), c.Src.Elem, c.Elem)...,
			)
			grp.Return(jen.Id("out"))
		})
	case KindMap:
		fileComment(f, fmt.Sprintf("%s copies a map deeply, converting its values.", c.Func))
		f.Func().Id(c.Func).Params(jen.Id("src").Add(goType(c.Src.GoType))).Add(goType(c.Dst.GoType)).BlockFunc(func(grp *jen.Group) {
			grp.If(jen.Id("src").Op("==").Nil()).Block(jen.Return(jen.Nil()))
			grp.Id("out").Op(":=").Make(goType(c.Dst.GoType), jen.Len(jen.Id("src")))
			grp.For(jen.List(jen.Id("k"), jen.Id("e")).Op(":=").Range().Id("src")).Block(
				append([]jen.Code{jen.Var().Id("v").Add(elemType(c.Dst.GoType))},
					append(copyElem(jen.Id("v"), c.Dst.Elem, jen.Id("e"), c.Src.Elem, c.Elem),
						jen.Id("out").Index(jen.Id("k")).Op("=").Id("v"))...)...,
			)
			grp.Return(jen.Id("out"))
		})
	}
	f.Line()
}

// copyInto returns statements setting struct field dst (member dm) from the
// present source field src (member sm).
func copyInto(dst *jen.Statement, dm *Member, src *jen.Statement, sm *Member, c *FakeCopy) []jen.Code {
	switch {
	case c.empty():
		return []jen.Code{dst.Clone().Op("=").New(jen.Id(c.Dst.Name))}
	case c != nil && c.Dst.Kind == KindStruct:
		return []jen.Code{dst.Clone().Op("=").New(jen.Id(c.Dst.Name)), jen.Id(c.Func).Call(dst.Clone(), src)}
	case c != nil:
		return []jen.Code{dst.Clone().Op("=").Id(c.Func).Call(src)}
	case dm.Target.Kind == KindList:
		return []jen.Code{dst.Clone().Op("=").Qual("slices", "Clone").Call(src)}
	case dm.Target.Kind == KindMap:
		return []jen.Code{dst.Clone().Op("=").Qual("maps", "Clone").Call(src)}
	}
	v := convertScalar(sm.Target, dm.Target, derefField(sm, src))
	if dm.Pointer {
		return []jen.Code{dst.Clone().Op("=").Id("fakePtr").Call(v)}
	}
	return []jen.Code{dst.Clone().Op("=").Add(v)}
}

// copyValue returns statements setting the union variant value dst from src (both values, not pointers).
func copyValue(dst *jen.Statement, dm *Member, src *jen.Statement, sm *Member, c *FakeCopy) []jen.Code {
	switch {
	case c.empty():
		return nil
	case c != nil && c.Dst.Kind == KindStruct:
		return []jen.Code{jen.Id(c.Func).Call(jen.Op("&").Add(dst), jen.Op("&").Add(src))}
	case c != nil:
		return []jen.Code{dst.Clone().Op("=").Id(c.Func).Call(src)}
	case dm.Target.Kind == KindList:
		return []jen.Code{dst.Clone().Op("=").Qual("slices", "Clone").Call(src)}
	case dm.Target.Kind == KindMap:
		return []jen.Code{dst.Clone().Op("=").Qual("maps", "Clone").Call(src)}
	}
	return []jen.Code{dst.Clone().Op("=").Add(convertScalar(sm.Target, dm.Target, src))}
}

// copyElem returns statements setting list item or map value dst from src.
func copyElem(dst *jen.Statement, de *Member, src *jen.Statement, se *Member, c *FakeCopy) []jen.Code {
	if de.Pointer {
		inner := jen.Op("*").Add(src.Clone())
		var set []jen.Code
		switch {
		case c.empty():
			set = []jen.Code{dst.Clone().Op("=").New(jen.Id(c.Dst.Name))}
		case c != nil && c.Dst.Kind == KindStruct:
			set = []jen.Code{dst.Clone().Op("=").New(jen.Id(c.Dst.Name)), jen.Id(c.Func).Call(dst.Clone(), src.Clone())}
		default:
			set = []jen.Code{dst.Clone().Op("=").Id("fakePtr").Call(convertScalar(se.Target, de.Target, inner))}
		}
		return []jen.Code{jen.If(src.Clone().Op("!=").Nil()).Block(set...)}
	}
	return copyValue(dst, de, src, se, c)
}

// convertScalar converts scalar v of shape s to shape d, copying what is held by reference.
func convertScalar(s, d *Shape, v jen.Code) jen.Code {
	switch {
	case d.Kind == KindEnum || d.Kind == KindIntEnum:
		if s == d {
			return v
		}
		return jen.Id(d.Name).Call(v)
	case s.Kind == KindEnum:
		return jen.String().Call(v)
	case s.Kind == KindIntEnum:
		return jen.Int32().Call(v)
	}
	switch d.GoType.Kind {
	case GoBytes:
		return jen.Qual("bytes", "Clone").Call(v)
	case GoDocument:
		return jen.Qual("slices", "Clone").Call(v)
	case GoBigInt:
		return jen.New(jen.Qual("math/big", "Int")).Dot("Set").Call(v)
	case GoBigFloat:
		return jen.New(jen.Qual("math/big", "Float")).Dot("Copy").Call(v)
	}
	return v
}
