package generator

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/loader"
	"github.com/smithygen/smithygen/specs"
)

// TestSpecsAgreeWithBotocore checks our hand-written specs (specs/*.json)
// against the current official botocore models, fact by fact, at the model
// level (all three loaded with model/loader), and against the older official
// Smithy JSON AST where only it holds the fact (shape and member names of
// enums, defaults, pagination, the service's ARN namespace and title). It
// also checks that our documentation is our own. It is the Go form of the
// colleague's throwaway checker check_specs.py.
func TestSpecsAgreeWithBotocore(t *testing.T) {
	dir := sharedModels(t)
	corpus := officialDocs(t, dir)
	for _, d := range specs.Default {
		svc := strings.TrimSuffix(d.Model, ".json")
		t.Run(svc, func(t *testing.T) {
			c := checkSpec(t, d, loadSpec(t, d), loadOfficial(t, "botocore", svc), loadOfficial(t, "smithy-ast", svc), corpus)
			for _, n := range c.notes {
				t.Log("note:", n)
			}
			t.Logf("%s: %d operations, %d shapes checked against botocore", d.Model, len(c.svc.Operations), c.checked)
			if len(c.errs) > 0 {
				t.Errorf("%d differences between %s and the official models:\n%s", len(c.errs), d.Model, strings.Join(c.errs, "\n"))
			}
		})
	}
}

// loadSpec loads one of our embedded specs.
func loadSpec(t *testing.T, d specs.Target) *model.Model {
	t.Helper()
	data, err := specs.FS.ReadFile(d.Model)
	require.NoError(t, err)
	spec, err := loader.Load(loader.Source{Name: path.Join("specs", d.Model), Data: data})
	require.NoError(t, err)
	return spec
}

// checkSpec runs every check on spec, the model of target d, and returns the checker with its findings.
func checkSpec(t *testing.T, d specs.Target, spec, boto, ast *model.Model, corpus *officialText) *specChecker {
	t.Helper()
	c := &specChecker{spec: spec, boto: boto, ast: ast,
		ns: model.MustShapeID(d.Service).Namespace, file: path.Join("specs", d.Model)}
	c.svc = spec.Shape(model.MustShapeID(d.Service))
	require.NotNil(t, c.svc, "service %s not in %s", d.Service, d.Model)
	data, err := specs.FS.ReadFile(d.Model)
	require.NoError(t, err)
	var raw struct {
		Smithy string `json:"smithy"`
	}
	require.NoError(t, json.Unmarshal(data, &raw))
	if raw.Smithy != "2.0" {
		c.errorf(c.svc.Pos, model.ShapeID{}, `"smithy" is %q, want "2.0"`, raw.Smithy)
	}
	c.run()
	c.checkDocs(corpus)
	slices.Sort(c.errs)
	return c
}

// specChecker compares one spec with the official models of its service.
type specChecker struct {
	spec, boto, ast *model.Model
	svc             *model.Shape // our service shape
	file, ns        string
	errs, notes     []string
	checked         int
	preludeUsed     map[string]bool // botocore shapes our spec replaces with prelude targets
}

func (c *specChecker) errorf(pos model.Pos, id model.ShapeID, format string, args ...any) {
	c.errs = append(c.errs, model.Errorf(pos, id, format, args...).Error())
}

// official returns the shape of an official model with our shape's name.
func (c *specChecker) official(m *model.Model, id model.ShapeID) *model.Shape {
	return m.Shape(model.ShapeID{Namespace: c.ns, Name: id.Name})
}

func (c *specChecker) service(m *model.Model) *model.Shape {
	svcs := m.Services()
	if len(svcs) != 1 {
		return nil
	}
	return svcs[0]
}

func (c *specChecker) run() {
	c.preludeUsed = map[string]bool{}
	c.checkGraph()
	c.checkService()
	closure := c.botoClosure()
	for _, op := range c.svc.Operations {
		c.checkOperation(c.spec.Shape(op))
	}
	for _, id := range closure {
		c.checkShape(id)
	}
	// Every botocore shape of the closure is defined in the spec or replaced
	// by a prelude target; the spec defines nothing else.
	want := map[model.ShapeID]bool{c.svc.ID: true}
	for _, op := range c.svc.Operations {
		want[op] = true
	}
	for _, id := range closure {
		want[id] = true
		if c.spec.Shape(id) == nil && !c.preludeUsed[id.Name] {
			c.errorf(model.Pos{File: c.file}, id, "botocore shape missing from the spec")
		}
	}
	for _, s := range c.spec.Shapes() {
		if s.ID.Namespace == c.ns && !want[s.ID] {
			c.errorf(s.Pos, s.ID, "not in the botocore closure of the spec's operations")
		}
	}
}

// checkGraph checks that every shape of the spec is in the service's
// namespace and reachable from the service.
func (c *specChecker) checkGraph() {
	seen := map[model.ShapeID]bool{}
	var visit func(id model.ShapeID)
	visit = func(id model.ShapeID) {
		s := c.spec.Shape(id)
		if id.IsZero() || seen[id] || s == nil {
			return
		}
		seen[id] = true
		for _, r := range slices.Concat(s.Operations, s.Resources, s.Errors, []model.ShapeID{s.Input, s.Output}) {
			visit(r)
		}
		for _, m := range s.Members {
			visit(m.Target)
		}
	}
	visit(c.svc.ID)
	for _, s := range c.spec.Shapes() {
		switch {
		case s.ID.IsPrelude():
		case s.ID.Namespace != c.ns:
			c.errorf(s.Pos, s.ID, "shape outside the service namespace %s", c.ns)
		case !seen[s.ID]:
			c.errorf(s.Pos, s.ID, "not reachable from the service")
		}
	}
}

// botoClosure lists the botocore shapes the spec's operations reach, in
// visiting order.
func (c *specChecker) botoClosure() []model.ShapeID {
	var out []model.ShapeID
	seen := map[model.ShapeID]bool{}
	var visit func(id model.ShapeID)
	visit = func(id model.ShapeID) {
		if id.IsZero() || id == model.UnitID || seen[id] {
			return
		}
		seen[id] = true
		s := c.boto.Shape(id)
		if s == nil {
			return
		}
		out = append(out, id)
		for _, m := range s.Members {
			visit(m.Target)
		}
	}
	for _, op := range c.svc.Operations {
		b := c.official(c.boto, op)
		if b == nil {
			continue
		}
		visit(b.Input)
		visit(b.Output)
		for _, e := range b.Errors {
			visit(e)
		}
	}
	return out
}

// checkService compares the service shape: version, operations, SDK
// identity, signing name, protocol and title.
func (c *specChecker) checkService() {
	s, b, a := c.svc, c.service(c.boto), c.service(c.ast)
	if b == nil || a == nil {
		c.errorf(s.Pos, s.ID, "the official models do not hold exactly one service each")
		return
	}
	if s.Version != b.Version {
		c.errorf(s.Pos, s.ID, "version %q, botocore %q", s.Version, b.Version)
	}
	for _, op := range s.Operations {
		if !slices.ContainsFunc(b.Operations, func(o model.ShapeID) bool { return o.Name == op.Name }) {
			c.errorf(s.Pos, s.ID, "operation %s is not in the botocore model", op.Name)
		}
	}
	api := func(sh *model.Shape) map[string]any {
		tr, _ := sh.Traits.Get(model.MustShapeID("aws.api#service"))
		if tr == nil {
			return nil
		}
		v, _ := tr.Value.(map[string]any)
		return v
	}
	mine, bo, as := api(s), api(b), api(a)
	want := map[string]any{"sdkId": bo["sdkId"], "endpointPrefix": bo["endpointPrefix"], "arnNamespace": as["arnNamespace"]}
	if !reflect.DeepEqual(mine, want) {
		c.errorf(s.Pos, s.ID, "aws.api#service %v, want %v (sdkId and endpointPrefix from botocore, arnNamespace from the AST)", mine, want)
	}
	for _, tr := range []string{"aws.auth#sigv4", "aws.protocols#restJson1"} {
		id := model.MustShapeID(tr)
		got, _ := s.Traits.Get(id)
		wantB, _ := b.Traits.Get(id)
		wantA, _ := a.Traits.Get(id)
		switch {
		case got == nil || wantB == nil:
			c.errorf(s.Pos, s.ID, "%s: ours %v, botocore %v", tr, specTraitValue(got), specTraitValue(wantB))
		case !sameNode(got.Value, wantB.Value):
			c.errorf(s.Pos, s.ID, "%s %v, botocore %v", tr, got.Value, wantB.Value)
		case wantA == nil || !sameNode(wantA.Value, wantB.Value):
			c.errorf(s.Pos, s.ID, "%s: botocore %v and the AST %v disagree", tr, wantB.Value, specTraitValue(wantA))
		}
	}
	if s.Traits.Title() != a.Traits.Title() {
		c.errorf(s.Pos, s.ID, "title %q, AST %q", s.Traits.Title(), a.Traits.Title())
	}
}

func specTraitValue(tr *model.Trait) any {
	if tr == nil {
		return "(none)"
	}
	return tr.Value
}

// unit returns the input or output an operation names, smithy.api#Unit when none.
func specUnit(id model.ShapeID) model.ShapeID {
	if id.IsZero() {
		return model.UnitID
	}
	return id
}

func shapeNames(ids []model.ShapeID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id.Name
	}
	return out
}

// checkOperation compares an operation: input, output, errors, @http and
// the other traits, @paginated, @idempotent and @readonly.
func (c *specChecker) checkOperation(op *model.Shape) {
	if op == nil {
		return
	}
	b, a := c.official(c.boto, op.ID), c.official(c.ast, op.ID)
	if b == nil {
		c.errorf(op.Pos, op.ID, "operation not in the botocore model")
		return
	}
	for _, io := range []struct {
		what         string
		mine, theirs model.ShapeID
		trait        model.ShapeID
	}{{"input", op.Input, b.Input, model.TraitInput}, {"output", op.Output, b.Output, model.TraitOutput}} {
		mine, theirs := specUnit(io.mine), specUnit(io.theirs)
		if mine.Name != theirs.Name || mine.IsPrelude() != theirs.IsPrelude() {
			c.errorf(op.Pos, op.ID, "%s %s, botocore %s", io.what, mine, theirs)
		}
		if s := c.spec.Shape(mine); s != nil && mine != model.UnitID && !s.Traits.Has(io.trait) {
			c.errorf(s.Pos, s.ID, "the %s of %s lacks %s", io.what, op.ID.Name, io.trait)
		}
	}
	if !slices.Equal(shapeNames(op.Errors), shapeNames(b.Errors)) {
		c.errorf(op.Pos, op.ID, "errors %v, botocore %v", shapeNames(op.Errors), shapeNames(b.Errors))
	}
	// Traits: the same as botocore's, except what botocore does not hold.
	c.compareTraits(op.Pos, op.ID, &op.Traits, &b.Traits, model.TraitDocumentation, model.TraitPaginated,
		model.TraitIdempotent, model.TraitReadonly)
	for _, tr := range []model.ShapeID{model.TraitIdempotent, model.TraitReadonly} {
		want := b.Traits.Has(tr) || (a != nil && a.Traits.Has(tr))
		if op.Traits.Has(tr) != want {
			c.errorf(op.Pos, op.ID, "%s present: %v; botocore or the AST: %v", tr, op.Traits.Has(tr), want)
		}
	}
	pg := op.Traits.Paginated()
	switch {
	case a != nil && a.Traits.Has(model.TraitPaginated):
		if !reflect.DeepEqual(pg, a.Traits.Paginated()) {
			c.errorf(op.Pos, op.ID, "paginated %+v, AST %+v", pg, a.Traits.Paginated())
		}
	case pg != nil:
		c.notes = append(c.notes, fmt.Sprintf("%s: paginated %+v is not in the AST (inferred from sibling operations)", op.ID.Name, *pg))
	}
	if pg != nil {
		in, out := c.spec.Shape(op.Input), c.spec.Shape(op.Output)
		for _, m := range []struct {
			key, name string
			in        *model.Shape
		}{{"inputToken", pg.InputToken, in}, {"pageSize", pg.PageSize, in}, {"outputToken", pg.OutputToken, out}, {"items", pg.Items, out}} {
			if m.name != "" && (m.in == nil || m.in.Member(m.name) == nil) {
				c.errorf(op.Pos, op.ID, "paginated %s %q is not a member", m.key, m.name)
			}
		}
	}
	if op.Traits.Documentation() == "" {
		c.errorf(op.Pos, op.ID, "missing documentation")
	}
}

// specIgnoredTraits are checked separately, or are ours alone: documentation
// (ours), defaults (against the AST: botocore has Smithy 1.0 nullability),
// @input/@output (botocore marks only structures used once) and enum values.
var specIgnoredTraits = []model.ShapeID{model.TraitDocumentation, model.TraitDefault, model.TraitAddedDefault,
	model.TraitClientOptional, model.TraitInput, model.TraitOutput, model.TraitEnumValue}

// compareTraits wants the same traits with the same values on ours and
// theirs, except those ignored. It covers @length, @range, @pattern,
// @sensitive, @jsonName, the HTTP bindings, @timestampFormat, @error,
// @httpError, @retryable, @idempotencyToken, @http, @required, ...
func (c *specChecker) compareTraits(pos model.Pos, id model.ShapeID, ours, theirs *model.Traits, ignore ...model.ShapeID) {
	skip := func(tr model.ShapeID) bool {
		return slices.Contains(specIgnoredTraits, tr) || slices.Contains(ignore, tr)
	}
	for _, tr := range ours.All() {
		if skip(tr.ID) {
			continue
		}
		o, ok := theirs.Get(tr.ID)
		switch {
		case !ok:
			c.errorf(pos, id, "%s %s is not in botocore", tr.ID, specJSON(tr.Value))
		case !sameNode(tr.Value, o.Value):
			c.errorf(pos, id, "%s %s, botocore %s", tr.ID, specJSON(tr.Value), specJSON(o.Value))
		}
	}
	for _, tr := range theirs.All() {
		if !skip(tr.ID) && !ours.Has(tr.ID) {
			c.errorf(pos, id, "missing %s %s (botocore has it)", tr.ID, specJSON(tr.Value))
		}
	}
}

// jsonText renders a node value as JSON, for messages.
func specJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(data)
}

// sameValue compares node values, numbers by value (1 and 1.0 are equal).
func sameNode(a, b any) bool {
	norm := func(v any) any {
		data, _ := json.Marshal(v)
		var out any
		_ = json.Unmarshal(data, &out)
		return out
	}
	return reflect.DeepEqual(norm(a), norm(b))
}

// checkShape compares one botocore shape of the closure with ours.
func (c *specChecker) checkShape(id model.ShapeID) {
	mine := c.spec.Shape(id)
	if mine == nil {
		return // replaced by a prelude target (checked by checkTarget), or missing (checked by run)
	}
	b, a := c.boto.Shape(id), c.ast.Shape(id)
	c.checked++
	if mine.Type != b.Type {
		c.errorf(mine.Pos, id, "type %s, botocore %s", mine.Type, b.Type)
		return
	}
	if mine.Traits.Documentation() == "" {
		c.errorf(mine.Pos, id, "missing documentation")
	}
	var astTraits *model.Traits
	if a != nil {
		astTraits = &a.Traits
	}
	c.checkDefaults(mine.Pos, id, &mine.Traits, astTraits, model.ShapeID{})
	c.compareTraits(mine.Pos, id, &mine.Traits, &b.Traits)
	// Enum member names are checked against the AST below: botocore's are
	// derived from the values.
	if mine.Type != model.Enum && !slices.Equal(specMemberNames(mine), specMemberNames(b)) {
		c.errorf(mine.Pos, id, "members %v, botocore %v", specMemberNames(mine), specMemberNames(b))
	}
	switch mine.Type {
	case model.Enum:
		var values, want []any
		for _, m := range mine.Members {
			v, _ := m.Traits.EnumValue()
			values = append(values, v)
			if !regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`).MatchString(m.ID.Member) {
				c.errorf(m.Pos, m.ID, "enum member name is not UPPER_SNAKE")
			}
			if a != nil && a.Type == model.Enum {
				for _, am := range a.Members {
					if av, _ := am.Traits.EnumValue(); av == v && am.ID.Member != m.ID.Member {
						c.errorf(m.Pos, m.ID, "the AST names the value %q %s", v, am.ID.Member)
					}
				}
			}
		}
		for _, m := range b.Members {
			v, _ := m.Traits.EnumValue()
			want = append(want, v)
		}
		if !reflect.DeepEqual(values, want) {
			c.errorf(mine.Pos, id, "enum values %v, botocore %v", values, want)
		}
		return
	}
	for _, m := range mine.Members {
		bm := b.Member(m.ID.Member)
		if bm == nil {
			continue
		}
		c.checkTarget(m, bm)
		if mine.Type == model.Structure || mine.Type == model.Union {
			c.compareTraits(m.Pos, m.ID, &m.Traits, &bm.Traits)
			if m.Traits.Documentation() == "" {
				c.errorf(m.Pos, m.ID, "missing documentation")
			}
			var astMember *model.Traits
			if a != nil {
				if am := a.Member(m.ID.Member); am != nil {
					astMember = &am.Traits
				}
			}
			c.checkDefaults(m.Pos, m.ID, &m.Traits, astMember, m.Target)
		} else if m.Traits.Len() > 0 {
			c.errorf(m.Pos, m.ID, "traits on a list or map member are not checked")
		}
	}
}

func specMemberNames(s *model.Shape) []string {
	var out []string
	for _, m := range s.Members {
		out = append(out, m.ID.Member)
	}
	return out
}

// checkTarget compares the target of our member with botocore's, by name.
// Our member may target a prelude shape where botocore has a plain shape of
// the same type and no traits, if the AST does so too.
func (c *specChecker) checkTarget(m, bm *model.Member) {
	if m.Target.IsPrelude() && !bm.Target.IsPrelude() {
		var astTarget model.ShapeID
		if am := c.ast.MemberOf(model.ShapeID{Namespace: c.ns, Name: m.ID.Name, Member: m.ID.Member}); am != nil {
			astTarget = am.Target
		}
		if astTarget != m.Target {
			c.errorf(m.Pos, m.ID, "targets the prelude's %s but the AST does not (it targets %v)", m.Target, specJSON(astTarget.String()))
		}
		bt, pt := c.boto.Shape(bm.Target), c.spec.Shape(m.Target)
		extra := slices.DeleteFunc(bt.Traits.All(), func(tr *model.Trait) bool { return tr.ID == model.TraitDocumentation })
		if bt.Type != pt.Type || len(extra) > 0 {
			c.errorf(m.Pos, m.ID, "the prelude's %s cannot stand for botocore's %s (a %s with %d traits)", m.Target, bm.Target.Name, bt.Type, len(extra))
		}
		c.preludeUsed[bm.Target.Name] = true
		return
	}
	if m.Target.Name != bm.Target.Name || m.Target.IsPrelude() != bm.Target.IsPrelude() {
		c.errorf(m.Pos, m.ID, "target %s, botocore %s", m.Target, bm.Target)
	}
}

// checkDefaults wants each default-related trait of ours justified by the
// AST (botocore carries Smithy 1.0 nullability), or, on a member the AST
// lacks, repeating the default of its target; and a member targeting a shape
// with a default to carry the same default, as Smithy 2.0 requires.
func (c *specChecker) checkDefaults(pos model.Pos, id model.ShapeID, ours, ast *model.Traits, target model.ShapeID) {
	var targetDefault *model.Trait
	if t := c.spec.Shape(target); !target.IsZero() && t != nil && !target.IsPrelude() {
		targetDefault, _ = t.Traits.Get(model.TraitDefault)
	}
	for _, tid := range []model.ShapeID{model.TraitDefault, model.TraitAddedDefault, model.TraitClientOptional} {
		tr, ok := ours.Get(tid)
		if !ok {
			continue
		}
		if ast != nil {
			if at, ok := ast.Get(tid); ok {
				if !sameNode(at.Value, tr.Value) {
					c.errorf(pos, id, "%s %v, AST %v", tid, tr.Value, at.Value)
				}
				continue
			}
		}
		if tid == model.TraitDefault && targetDefault != nil && sameNode(targetDefault.Value, tr.Value) {
			continue
		}
		c.errorf(pos, id, "%s %v is not justified by the AST", tid, tr.Value)
	}
	if targetDefault != nil {
		if tr, ok := ours.Get(model.TraitDefault); !ok || !sameNode(tr.Value, targetDefault.Value) {
			c.errorf(pos, id, "targets %s, whose default is %v, without the same default", target.Name, targetDefault.Value)
		}
	}
}

// officialText is the official documentation our docs must not copy: every
// documentation string of the botocore and AST models, and the boto3 pages
// of ../shared/seeds.
type officialText struct {
	docs  map[string]bool // normalized whole documentation strings
	grams map[string]string
}

// docWords splits documentation into lower-case words, HTML tags dropped.
func docWords(s string) []string {
	s = strings.ToLower(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(s, " "))
	return regexp.MustCompile(`[a-z0-9']+`).FindAllString(s, -1)
}

const sharedRun = 6 // words in a row that may not be shared with official text

func officialDocs(t *testing.T, modelsDir string) *officialText {
	t.Helper()
	o := &officialText{docs: map[string]bool{}, grams: map[string]string{}}
	add := func(doc string) {
		w := docWords(doc)
		o.docs[strings.Join(w, " ")] = true
		for i := 0; i+sharedRun <= len(w); i++ {
			o.grams[strings.Join(w[i:i+sharedRun], " ")] = doc
		}
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if s, ok := e.(string); ok && (k == "documentation" || k == "smithy.api#documentation") {
					add(s)
				} else {
					walk(e)
				}
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for _, format := range []string{"botocore", "smithy-ast"} {
		for _, svc := range officialServices {
			data, err := os.ReadFile(filepath.Join(modelsDir, format, svc+".json"))
			require.NoError(t, err)
			var v any
			require.NoError(t, json.Unmarshal(data, &v))
			walk(v)
		}
	}
	seeds, err := filepath.Glob(filepath.Join(modelsDir, "..", "seeds", "*"))
	require.NoError(t, err)
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		require.NoError(t, err)
		add(string(data))
	}
	return o
}

// checkDocs checks every documentation string of the spec: present, one
// sentence, no HTML but <p>, not copied, and sharing no run of six words with
// official text.
func (c *specChecker) checkDocs(o *officialText) {
	check := func(pos model.Pos, id model.ShapeID, tr *model.Traits) {
		d, ok := tr.Get(model.TraitDocumentation)
		if !ok {
			return
		}
		doc, _ := d.Value.(string)
		w := docWords(doc)
		if strings.TrimSpace(doc) == "" {
			c.errorf(pos, id, "empty documentation")
			return
		}
		if o.docs[strings.Join(w, " ")] && len(w) > 3 {
			c.errorf(pos, id, "documentation copied verbatim: %q", doc)
		}
		for i := 0; i+sharedRun <= len(w); i++ {
			if src, ok := o.grams[strings.Join(w[i:i+sharedRun], " ")]; ok {
				c.errorf(pos, id, "documentation shares %q with official text %q", strings.Join(w[i:i+sharedRun], " "), specAbbrev(src, 120))
				break
			}
		}
		text := strings.TrimSpace(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(doc, ""))
		if len(regexp.MustCompile(`[.!?](\s|$)`).FindAllString(text, -1)) > 1 {
			c.errorf(pos, id, "documentation longer than one sentence: %q", doc)
		}
		if regexp.MustCompile(`<[^/p]|</[^p]|<p[^>]`).MatchString(doc) {
			c.errorf(pos, id, "documentation uses HTML other than <p>: %q", doc)
		}
	}
	for _, s := range c.spec.Shapes() {
		if s.ID.Namespace != c.ns {
			continue
		}
		check(s.Pos, s.ID, &s.Traits)
		for _, m := range s.Members {
			check(m.Pos, m.ID, &m.Traits)
		}
	}
}

func specAbbrev(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// TestSpecsCheckerCatchesMutations makes sure the spec checks can fail: each
// mutation of a spec (one wrong fact, done on the loaded model) must be
// reported. The mutations are those of the colleague's mutation_test.py.
func TestSpecsCheckerCatchesMutations(t *testing.T) {
	dir := sharedModels(t)
	corpus := officialDocs(t, dir)
	targets := map[string]specs.Target{}
	for _, d := range specs.Default {
		targets[strings.TrimSuffix(d.Model, ".json")] = d
	}
	official := map[string][2]*model.Model{}
	for svc := range targets {
		official[svc] = [2]*model.Model{loadOfficial(t, "botocore", svc), loadOfficial(t, "smithy-ast", svc)}
	}
	type mutation struct {
		svc, name string
		mutate    func(m *model.Model, shape func(string) *model.Shape, member func(string, string) *model.Member)
	}
	set := func(tr *model.Traits, id model.ShapeID, v any) { tr.Set(&model.Trait{ID: id, Value: v}) }
	pre := model.Prelude
	for _, mu := range []mutation{
		{"quicksight", "drop required", func(_ *model.Model, _ func(string) *model.Shape, m func(string, string) *model.Member) {
			m("AuthConfig", "AuthenticationType").Traits.Delete(model.TraitRequired)
		}},
		{"quicksight", "add required", func(_ *model.Model, _ func(string) *model.Shape, m func(string, string) *model.Member) {
			set(&m("ActionConnector", "CreatedTime").Traits, model.TraitRequired, map[string]any{})
		}},
		{"quicksight", "pattern", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			set(&s("Email").Traits, model.TraitPattern, "^.+$")
		}},
		{"quicksight", "length", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			set(&s("Endpoint").Traits, model.TraitLength, map[string]any{"min": json.Number("1"), "max": json.Number("8191")})
		}},
		{"quicksight", "enum value removed", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			s("ActionConnectorType").Members = s("ActionConnectorType").Members[1:]
		}},
		{"quicksight", "union made a structure", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			s("AuthenticationMetadata").Type = model.Structure
		}},
		{"quicksight", "label dropped", func(_ *model.Model, _ func(string) *model.Shape, m func(string, string) *model.Member) {
			m("DescribeActionConnectorRequest", "ActionConnectorId").Traits.Delete(model.TraitHTTPLabel)
		}},
		{"quicksight", "query name", func(_ *model.Model, _ func(string) *model.Shape, m func(string, string) *model.Member) {
			set(&m("ListActionConnectorsRequest", "NextToken").Traits, model.TraitHTTPQuery, "NextToken")
		}},
		{"quicksight", "error dropped", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			op := s("CreateActionConnector")
			op.Errors = op.Errors[:len(op.Errors)-1]
		}},
		{"quicksight", "http code", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			h := s("CreateActionConnector").Traits.HTTP()
			set(&s("CreateActionConnector").Traits, model.TraitHTTP, map[string]any{"method": h.Method, "uri": h.URI, "code": json.Number("201")})
		}},
		{"quicksight", "sensitive dropped", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			s("ClientSecret").Traits.Delete(model.TraitSensitive)
		}},
		{"quicksight", "copied doc", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			set(&s("Tag").Traits, model.TraitDocumentation, "<p>The key or keys of the key-value pairs for the resource tag or tags assigned to the resource.</p>")
		}},
		{"quicksight", "readonly dropped", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			s("DescribeActionConnector").Traits.Delete(model.TraitReadonly)
		}},
		{"quicksight", "member default dropped", func(_ *model.Model, _ func(string) *model.Shape, m func(string, string) *model.Member) {
			m("ListActionConnectorsResponse", "Status").Traits.Delete(model.TraitDefault)
		}},
		{"quicksight", "error kind", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			set(&s("InternalFailureException").Traits, model.TraitError, "client")
		}},
		{"quicksight", "sigv4 name", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			set(&s("QuickSight_20180401").Traits, model.MustShapeID("aws.auth#sigv4"), map[string]any{"name": "qs"})
		}},
		{"quicksight", "prelude where the AST has none", func(_ *model.Model, _ func(string) *model.Shape, m func(string, string) *model.Member) {
			m("ActionConnectorError", "Message").Target = pre("String")
		}},
		{"quicksight", "input target", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			s("DeleteActionConnector").Input = s("DescribeActionConnector").Input
		}},
		{"quicksight", "service version", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			s("QuickSight_20180401").Version = "2018-04-02"
		}},
		{"appfabric", "timestamp format", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			set(&s("DateTime").Traits, model.TraitTimestampFormat, "epoch-seconds")
		}},
		{"appfabric", "idempotency token dropped", func(_ *model.Model, _ func(string) *model.Shape, m func(string, string) *model.Member) {
			m("CreateAppBundleRequest", "clientToken").Traits.Delete(model.TraitIdempotencyToken)
		}},
		{"appfabric", "retryable dropped", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			s("ThrottlingException").Traits.Delete(model.Prelude("retryable"))
		}},
		{"appfabric", "header name", func(_ *model.Model, _ func(string) *model.Shape, m func(string, string) *model.Member) {
			set(&m("ThrottlingException", "retryAfterSeconds").Traits, model.TraitHTTPHeader, "Retry")
		}},
		{"appfabric", "enum member renamed", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			m := s("Persona").Members[0]
			m.ID = m.ID.WithMember(m.ID.Member + "_")
		}},
		{"appfabric", "named shape where the AST uses the prelude", func(_ *model.Model, _ func(string) *model.Shape, m func(string, string) *model.Member) {
			m("AppAuthorization", "authUrl").Target = model.ShapeID{Namespace: "com.amazonaws.appfabric", Name: "String2048"}
		}},
		{"appfabric", "range", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			set(&s("MaxResults").Traits, model.TraitRange, map[string]any{"min": json.Number("0"), "max": json.Number("50")})
		}},
		{"appfabric", "paginated items", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			set(&s("ListAppAuthorizations").Traits, model.TraitPaginated, map[string]any{"inputToken": "nextToken", "outputToken": "nextToken", "pageSize": "maxResults", "items": "x"})
		}},
		{"appfabric", "output trait dropped", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			s("GetAppAuthorizationResponse").Traits.Delete(model.TraitOutput)
		}},
		{"appflow", "boolean default dropped", func(_ *model.Model, _ func(string) *model.Shape, m func(string, string) *model.Member) {
			m("DeleteConnectorProfileRequest", "forceDelete").Traits.Delete(model.TraitDefault)
		}},
		{"appflow", "member removed", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			cp := s("ConnectorProfile")
			cp.Members = slices.DeleteFunc(cp.Members, func(m *model.Member) bool { return m.ID.Member == "privateConnectionProvisioningState" })
		}},
		{"appflow", "members reordered", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			cp := s("ConnectorProfile")
			cp.Members[0], cp.Members[1] = cp.Members[1], cp.Members[0]
		}},
		{"appflow", "length min", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			l := s("ConnectorProfileName").Traits.Length()
			set(&s("ConnectorProfileName").Traits, model.TraitLength, map[string]any{"min": json.Number("1"), "max": json.Number(fmt.Sprint(*l.Max))})
		}},
		{"appflow", "extra readonly", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			set(&s("DescribeConnectorProfiles").Traits, model.TraitReadonly, map[string]any{})
		}},
		{"appflow", "error kind", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			set(&s("InternalServerException").Traits, model.TraitError, "client")
		}},
		{"appflow", "jsonName", func(_ *model.Model, _ func(string) *model.Shape, m func(string, string) *model.Member) {
			set(&m("CreateConnectorProfileResponse", "connectorProfileArn").Traits, model.TraitJSONName, "arn")
		}},
		{"appflow", "two sentences", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			set(&s("ConnectorType").Traits, model.TraitDocumentation, "<p>One. Two.</p>")
		}},
		{"appflow", "six words of botocore's documentation", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			set(&s("ConnectorType").Traits, model.TraitDocumentation, "Ours: the name of the connector profile, rewritten")
		}},
		{"appflow", "HTML", func(_ *model.Model, s func(string) *model.Shape, _ func(string, string) *model.Member) {
			set(&s("ConnectorType").Traits, model.TraitDocumentation, "<p>A <b>type</b>.</p>")
		}},
	} {
		t.Run(mu.svc+"/"+mu.name, func(t *testing.T) {
			d := targets[mu.svc]
			spec := loadSpec(t, d)
			ns := model.MustShapeID(d.Service).Namespace
			shape := func(name string) *model.Shape {
				s := spec.Shape(model.ShapeID{Namespace: ns, Name: name})
				require.NotNil(t, s, "no shape %s", name)
				return s
			}
			member := func(name, m string) *model.Member {
				mem := shape(name).Member(m)
				require.NotNil(t, mem, "no member %s$%s", name, m)
				return mem
			}
			mu.mutate(spec, shape, member)
			c := checkSpec(t, d, spec, official[mu.svc][0], official[mu.svc][1], corpus)
			require.NotEmpty(t, c.errs, "the mutation went unnoticed")
			t.Log(c.errs[0])
		})
	}
}
