package generator

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/loader"
)

// officialServices are the services whose official models ../shared holds.
var officialServices = []string{"quicksight", "appfabric", "appflow"}

// sharedModels returns the directory of the official models beside the
// checkout (../shared/models), or skips the test when it is absent.
func sharedModels(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(rootDir, "..", "shared", "models")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared not found: ", err)
	}
	return dir
}

// loadOfficial loads ../shared/models/<format>/<svc>.json, named <format>/<svc>.json in positions.
func loadOfficial(t testing.TB, format, svc string) *model.Model {
	t.Helper()
	p := filepath.Join(sharedModels(t), format, svc+".json")
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	start := time.Now()
	m, err := loader.Load(loader.Source{Name: format + "/" + svc + ".json", Data: data})
	require.NoError(t, err, "loading %s", p)
	t.Logf("loaded %s/%s.json: %d shapes in %v", format, svc, m.Len(), time.Since(start).Round(time.Millisecond))
	return m
}

// buildOfficial builds the IR of the model's only service, for ops (all when nil).
func buildOfficial(t testing.TB, m *model.Model, pkg string, ops []string) *Package {
	t.Helper()
	svc, err := m.ServiceByID("")
	require.NoError(t, err)
	p, err := BuildIR(m, svc, Options{Package: pkg, Operations: ops})
	require.NoError(t, err)
	return p
}

func operationNames(p *Package) []string {
	var out []string
	for _, op := range p.Operations {
		out = append(out, op.ID.Name)
	}
	return out
}

// crossFormatAllowed lists the differences between the Go APIs generated
// from the botocore and the Smithy JSON AST models of a service that are real
// differences of the two models, each with its reason. A key is a shape ID or
// a member ID and covers the differences reported on exactly that ID.
//
// Additions are not listed: the AST files are a few months older than the
// botocore ones, so shapes, members and enum values that only the botocore
// model has are expected, and TestCrossFormat checks each one against the raw
// AST file instead (the AST must really lack it, or, for a shape, the
// botocore model must reach it only through additions).
var crossFormatAllowed = map[string]string{
	// Unions in the AST that the botocore model declares as structures (no "union": true).
	"com.amazonaws.quicksight#DataSourceParameters": unionNowStructure,
	"com.amazonaws.quicksight#PhysicalTable":        unionNowStructure,
	"com.amazonaws.quicksight#TransformOperation":   unionNowStructure,
	// Members of the type DataSourceParameters, a struct (held by pointer) in
	// botocore and a union (an interface) in the AST.
	"com.amazonaws.quicksight#AssetBundleImportJobDataSourceOverrideParameters$DataSourceParameters": dataSourceParametersMember,
	"com.amazonaws.quicksight#CreateDataSourceRequest$DataSourceParameters":                          dataSourceParametersMember,
	"com.amazonaws.quicksight#DataSource$DataSourceParameters":                                       dataSourceParametersMember,
	"com.amazonaws.quicksight#UpdateDataSourceRequest$DataSourceParameters":                          dataSourceParametersMember,
	"com.amazonaws.quicksight#RegisteredUserDashboardFeatureConfigurations":                          "members SharedView and Bookmarks are in the other order in the botocore model",
	// Members @required in the AST that the botocore model no longer lists as required.
	"com.amazonaws.quicksight#CalculatedField$DataSetIdentifier":                  requiredDropped,
	"com.amazonaws.quicksight#ColumnIdentifier$DataSetIdentifier":                 requiredDropped,
	"com.amazonaws.quicksight#CustomContentVisual$DataSetIdentifier":              requiredDropped,
	"com.amazonaws.quicksight#EmptyVisual$DataSetIdentifier":                      requiredDropped,
	"com.amazonaws.quicksight#InsightVisual$DataSetIdentifier":                    requiredDropped,
	"com.amazonaws.quicksight#LayerMapVisual$DataSetIdentifier":                   requiredDropped,
	"com.amazonaws.quicksight#DefaultFilterControlConfiguration$Title":            requiredDropped,
	"com.amazonaws.quicksight#FilterDateTimePickerControl$Title":                  requiredDropped,
	"com.amazonaws.quicksight#FilterDropDownControl$Title":                        requiredDropped,
	"com.amazonaws.quicksight#FilterListControl$Title":                            requiredDropped,
	"com.amazonaws.quicksight#FilterRelativeDateTimeControl$Title":                requiredDropped,
	"com.amazonaws.quicksight#FilterSliderControl$Title":                          requiredDropped,
	"com.amazonaws.quicksight#FilterTextAreaControl$Title":                        requiredDropped,
	"com.amazonaws.quicksight#FilterTextFieldControl$Title":                       requiredDropped,
	"com.amazonaws.quicksight#ParameterDateTimePickerControl$Title":               requiredDropped,
	"com.amazonaws.quicksight#ParameterDropDownControl$Title":                     requiredDropped,
	"com.amazonaws.quicksight#ParameterListControl$Title":                         requiredDropped,
	"com.amazonaws.quicksight#ParameterSliderControl$Title":                       requiredDropped,
	"com.amazonaws.quicksight#ParameterTextAreaControl$Title":                     requiredDropped,
	"com.amazonaws.quicksight#ParameterTextFieldControl$Title":                    requiredDropped,
	"com.amazonaws.quicksight#FilterOperation$ConditionExpression":                requiredDropped,
	"com.amazonaws.quicksight#StartDashboardSnapshotJobRequest$UserConfiguration": requiredDropped,
}

const (
	unionNowStructure          = "a union in the AST, a structure in the botocore model"
	dataSourceParametersMember = "DataSourceParameters is a union in the AST, a structure in botocore"
	requiredDropped            = "@required in the AST, not required in the botocore model"
)

// apiDiff is one difference of the generated Go API, reported on a shape or member ID.
type apiDiff struct {
	ID    string
	What  string
	Added string // for something only the first package has: "shape", "member" or the enum value
}

// goTypeString renders a Go type as Go source.
func goTypeString(t GoType) string { return fmt.Sprintf("%#v", goType(t)) }

// memberAPI renders what the Go API shows of a member.
func memberAPI(m *Member) string {
	typ := goTypeString(m.GoType)
	if m.Pointer {
		typ = "*" + typ
	}
	s := m.GoName + " " + typ
	if m.Required {
		s += " required"
	}
	if m.Variant != "" {
		s += " variant " + m.Variant
	}
	return s
}

// compareAPIs reports every difference of the Go API between the shapes of
// two packages, matched by shape name: Go name, kind, Go type, members (field
// name, type, pointer, required, union variant, order), list and map
// elements, enum constants and values; and shapes only one package has.
func compareAPIs(a, b *Package, aName, bName string) []apiDiff {
	var diffs []apiDiff
	add := func(id model.ShapeID, added, format string, args ...any) {
		diffs = append(diffs, apiDiff{id.String(), fmt.Sprintf(format, args...), added})
	}
	byName := func(p *Package) map[string]*Shape {
		out := map[string]*Shape{}
		for _, s := range p.Shapes {
			out[s.ID.Name] = s
		}
		return out
	}
	// Shapes without a Go type of their own (simple shapes, lists, maps) are
	// compared through the members that target them.
	declared := func(s *Shape) bool { return s.Kind != KindSimple && s.Kind != KindList && s.Kind != KindMap }
	as, bs := byName(a), byName(b)
	for _, sb := range b.Shapes {
		if as[sb.ID.Name] == nil && declared(sb) {
			add(sb.ID, "", "only in %s", bName)
		}
	}
	for _, sa := range a.Shapes {
		sb := bs[sa.ID.Name]
		if sb == nil {
			if declared(sa) {
				add(sa.ID, "shape", "only in %s", aName)
			}
			continue
		}
		if sa.Name != sb.Name {
			add(sa.ID, "", "Go name %s in %s, %s in %s", sa.Name, aName, sb.Name, bName)
		}
		sameKind := sa.Kind == sb.Kind
		if !sameKind {
			// The members' Go forms cannot be compared (a struct field and a
			// union variant); which members exist still can.
			add(sa.ID, "", "kind %s in %s, %s in %s", irKindName(sa.Kind), aName, irKindName(sb.Kind), bName)
		} else if ga, gb := goTypeString(sa.GoType), goTypeString(sb.GoType); ga != gb {
			add(sa.ID, "", "Go type %s in %s, %s in %s", ga, aName, gb, bName)
		}
		inB := map[string]*Member{}
		for _, m := range sb.Members {
			inB[m.Name] = m
		}
		inA := map[string]bool{}
		var orderA, orderB []string
		for _, m := range sa.Members {
			inA[m.Name] = true
			other := inB[m.Name]
			if other == nil {
				add(m.ID, "member", "member only in %s", aName)
				continue
			}
			orderA = append(orderA, m.Name)
			if x, y := memberAPI(m), memberAPI(other); sameKind && x != y {
				add(m.ID, "", "%q in %s, %q in %s", x, aName, y, bName)
			}
		}
		for _, m := range sb.Members {
			if inA[m.Name] {
				orderB = append(orderB, m.Name)
			} else {
				add(sa.ID.WithMember(m.Name), "", "member only in %s", bName)
			}
		}
		if !slices.Equal(orderA, orderB) {
			add(sa.ID, "", "member order %v in %s, %v in %s", orderA, aName, orderB, bName)
		}
		for _, pair := range [][2]*Member{{sa.Elem, sb.Elem}, {sa.Key, sb.Key}} {
			if sameKind && pair[0] != nil && pair[1] != nil {
				if x, y := memberAPI(pair[0]), memberAPI(pair[1]); x != y {
					add(pair[0].ID, "", "%q in %s, %q in %s", x, aName, y, bName)
				}
			}
		}
		valueKey := func(v *EnumValue) string { return fmt.Sprintf("%q/%d", v.String, v.Int) }
		vb := map[string]*EnumValue{}
		for _, v := range sb.Values {
			vb[valueKey(v)] = v
		}
		va := map[string]bool{}
		for _, v := range sa.Values {
			va[valueKey(v)] = true
			switch o := vb[valueKey(v)]; {
			case o == nil:
				add(sa.ID, v.String, "enum value %q (%s) only in %s", v.String, v.Const, aName)
			case o.Const != v.Const:
				add(sa.ID, "", "enum value %q is %s in %s, %s in %s", v.String, v.Const, aName, o.Const, bName)
			}
		}
		for _, v := range sb.Values {
			if !va[valueKey(v)] {
				add(sa.ID, "", "enum value %q (%s) only in %s", v.String, v.Const, bName)
			}
		}
	}
	slices.SortFunc(diffs, func(x, y apiDiff) int { return strings.Compare(x.ID+"\x00"+x.What, y.ID+"\x00"+y.What) })
	return diffs
}

func irKindName(k Kind) string {
	return [...]string{"struct", "union", "enum", "intEnum", "list", "map", "simple"}[k]
}

// rawAST is the part of a JSON AST file the checks of additions read,
// decoded with encoding/json rather than our loader.
type rawAST struct {
	Shapes map[string]struct {
		Type    string `json:"type"`
		Members map[string]struct {
			Traits map[string]any `json:"traits"`
		} `json:"members"`
	} `json:"shapes"`
}

// checkAddition tells whether d, something only the botocore package has, is
// really absent from the raw AST file (or, for a shape, reached in the
// botocore package only through other additions), and why not.
func checkAddition(d apiDiff, raw *rawAST, pb *Package, added map[string]bool) (bool, string) {
	id := model.MustShapeID(strings.SplitN(d.ID, "$", 2)[0])
	shape, inRaw := raw.Shapes[id.String()]
	switch d.Added {
	case "member":
		member := strings.SplitN(d.ID, "$", 2)[1]
		if _, has := shape.Members[member]; inRaw && has {
			return false, "the AST file has this member: the loaders disagree"
		}
		return true, ""
	case "shape":
		// Every reference to the shape must come from an addition.
		for _, s := range pb.Shapes {
			for _, m := range append(slices.Clone(s.Members), s.Elem, s.Key) {
				if m == nil || m.Target == nil || m.Target.ID != id {
					continue
				}
				if !added[s.ID.String()] && !added[m.ID.String()] {
					return false, fmt.Sprintf("%s, in both models, refers to it", m.ID)
				}
			}
		}
		return true, ""
	default: // an enum value
		for _, m := range shape.Members {
			if m.Traits["smithy.api#enumValue"] == d.Added {
				return false, "the AST file has this enum value: the loaders disagree"
			}
		}
		return true, ""
	}
}

// TestCrossFormat generates the Go API of each official service from its
// botocore model and from its Smithy JSON AST model, for the operations both
// hold, and compares them shape by shape. The loaders promise the same
// model.Model "as far as the generated Go API is concerned".
func TestCrossFormat(t *testing.T) {
	dir := sharedModels(t)
	used := map[string]bool{}
	compared := 0 // services whose comparison ran to the end
	for _, svc := range officialServices {
		t.Run(svc, func(t *testing.T) {
			boto := loadOfficial(t, "botocore", svc)
			ast := loadOfficial(t, "smithy-ast", svc)
			data, err := os.ReadFile(filepath.Join(dir, "smithy-ast", svc+".json"))
			require.NoError(t, err)
			var raw rawAST
			require.NoError(t, json.Unmarshal(data, &raw))

			bAll := operationNames(buildOfficial(t, boto, svc, nil))
			aAll := operationNames(buildOfficial(t, ast, svc, nil))
			var common, onlyB, onlyA []string
			for _, op := range bAll {
				if slices.Contains(aAll, op) {
					common = append(common, op)
				} else {
					onlyB = append(onlyB, op)
				}
			}
			for _, op := range aAll {
				if !slices.Contains(bAll, op) {
					onlyA = append(onlyA, op)
				}
			}
			t.Logf("%d operations in both; only in botocore: %d; only in the AST: %d %v", len(common), len(onlyB), len(onlyA), onlyA)
			require.NotEmpty(t, common)
			pb := buildOfficial(t, boto, svc, common)
			pa := buildOfficial(t, ast, svc, common)
			diffs := compareAPIs(pb, pa, "botocore", "ast")
			compared++

			// What only the botocore package has: members, and shapes of every
			// kind (a new list of a new structure brings both).
			added := map[string]bool{}
			for _, d := range diffs {
				if d.Added == "member" {
					added[d.ID] = true
				}
			}
			for _, s := range pb.Shapes {
				if !slices.ContainsFunc(pa.Shapes, func(x *Shape) bool { return x.ID.Name == s.ID.Name }) {
					added[s.ID.String()] = true
				}
			}
			var report strings.Builder
			bad, additions, nullability := 0, 0, 0
			for _, d := range diffs {
				if reason, ok := crossFormatAllowed[d.ID]; ok {
					used[d.ID] = true
					fmt.Fprintf(&report, "  allowed   %s: %s (%s)\n", d.ID, d.What, reason)
					continue
				}
				if nullabilityOnly(d.ID, pb, pa) {
					nullability++
					continue
				}
				if d.Added != "" {
					if ok, why := checkAddition(d, &raw, pb, added); ok {
						additions++
						continue
					} else {
						d.What += "; not a plain addition: " + why
					}
				}
				bad++
				fmt.Fprintf(&report, "  DIFFERS   %s: %s\n", d.ID, d.What)
			}
			t.Logf("%d shapes compared: %d additions of the newer botocore model, %d members held by value in botocore "+
				"and by pointer in the AST (nullability: see nullabilityOnly), %d other differences:\n%s",
				len(pb.Shapes), additions, nullability, len(diffs)-additions-nullability, report.String())
			if bad > 0 {
				t.Errorf("%d differences of the Go API between the botocore and the AST model of %s are neither additions nor listed in crossFormatAllowed (see the DIFFERS lines above)", bad, svc)
			}
		})
	}
	if compared == len(officialServices) {
		for key := range crossFormatAllowed {
			assert.True(t, used[key], "crossFormatAllowed lists %s, which no longer differs: remove it", key)
		}
	}
}

// nullabilityOnly reports whether the difference at member id is only that
// the botocore package holds the member by value (the loader gives unboxed
// booleans and numbers a zero @default, the Smithy 1.0 meaning of "box") while
// the AST package holds it by pointer (AWS's Smithy 2.0 model has no default
// there). service-2 files do not carry Smithy 2.0 nullability, so this is a
// real difference of the two models, checked member by member here: same Go
// type, botocore member defaulted, AST member not.
func nullabilityOnly(id string, pb, pa *Package) bool {
	mid, err := model.ParseShapeID(id)
	if err != nil || mid.Member == "" {
		return false
	}
	find := func(p *Package) *Member {
		for _, s := range p.Shapes {
			if s.ID.Name == mid.Name {
				for _, m := range s.Members {
					if m.Name == mid.Member {
						return m
					}
				}
			}
		}
		return nil
	}
	b, a := find(pb), find(pa)
	if b == nil || a == nil {
		return false
	}
	return b.GoName == a.GoName && fmt.Sprintf("%#v", goType(b.GoType)) == fmt.Sprintf("%#v", goType(a.GoType)) &&
		!b.Pointer && a.Pointer && b.HasDefault && !a.HasDefault
}
