package modeldiff

import (
	"bytes"
	"encoding/json"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/generator"
	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/loader"
)

var update = flag.Bool("update", false, "rewrite testdata/*/expected.txt and expected.json from the current output")

// fixtureDirs lists testdata/<name> directories holding old.json and new.json.
func fixtureDirs(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir("testdata")
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	require.NotEmpty(t, out)
	return out
}

func load(t *testing.T, files ...string) *model.Model {
	t.Helper()
	m, err := loader.LoadFiles(files...)
	require.NoError(t, err)
	return m
}

func diffFixture(t *testing.T, name string, opts Options) *Report {
	t.Helper()
	dir := filepath.Join("testdata", name)
	r, err := Diff(load(t, filepath.Join(dir, "old.json")), load(t, filepath.Join(dir, "new.json")), opts)
	require.NoError(t, err)
	return r
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run: go test ./model/modeldiff -update")
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs (update with: go test ./model/modeldiff -update):\n%s", path,
			generator.UnifiedDiff(path, "got", string(want), string(got)))
	}
}

// jsonGoldens are the fixtures whose -json output is also kept.
var jsonGoldens = []string{"mixed", "AddedDefault", "ChangedOperationOutput"}

// TestFixtures compares the text report of every fixture pair with its
// expected.txt, and checks that the rule a fixture is named after is found.
func TestFixtures(t *testing.T) {
	rules := map[string]bool{}
	for _, r := range Rules {
		rules[r.Name] = true
	}
	for _, name := range fixtureDirs(t) {
		t.Run(name, func(t *testing.T) {
			r := diffFixture(t, name, Options{Documentation: true})
			var text bytes.Buffer
			require.NoError(t, r.WriteText(&text))
			checkGolden(t, filepath.Join("testdata", name, "expected.txt"), text.Bytes())
			if slices.Contains(jsonGoldens, name) {
				var js bytes.Buffer
				require.NoError(t, r.WriteJSON(&js))
				checkGolden(t, filepath.Join("testdata", name, "expected.json"), js.Bytes())
			}
			assert.Empty(t, r.Notes)
			if rules[name] {
				assert.True(t, slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Rule == name }),
					"fixture %s does not produce a %s finding", name, name)
			}
		})
	}
}

// TestEveryRuleHasFixture keeps the rule table and the fixtures in step.
func TestEveryRuleHasFixture(t *testing.T) {
	dirs := fixtureDirs(t)
	seen := map[string]bool{}
	for _, r := range Rules {
		assert.False(t, seen[r.Name], "rule %s listed twice", r.Name)
		seen[r.Name] = true
		assert.Contains(t, dirs, r.Name, "rule %s has no testdata/%s fixture", r.Name, r.Name)
		assert.NotEmpty(t, r.Category)
		assert.NotEmpty(t, r.Doc)
	}
}

// TestIdentity: a model compared with itself has no findings.
func TestIdentity(t *testing.T) {
	for _, name := range fixtureDirs(t) {
		for _, f := range []string{"old.json", "new.json"} {
			m := load(t, filepath.Join("testdata", name, f))
			r, err := Diff(m, m, Options{Documentation: true})
			require.NoError(t, err)
			assert.Empty(t, r.Findings, "%s/%s against itself", name, f)
		}
	}
}

func TestDocumentationOnlyOnRequest(t *testing.T) {
	r := diffFixture(t, ChangedDocumentation, Options{})
	assert.Empty(t, r.Findings)
}

// TestDirection: the same change is breaking or not depending on where the shape is used.
func TestDirection(t *testing.T) {
	byLoc := func(r *Report) map[string]Finding {
		out := map[string]Finding{}
		for _, f := range r.Findings {
			out[f.Rule+" "+f.Location()] = f
		}
		return out
	}
	cases := []struct {
		fixture, key string
		want         Category
	}{
		{TightenedLength, "TightenedLength example.diff#Name", BreakingWire},
		{TightenedLength, "TightenedLength example.diff#Thing$name", Compatible},
		{AddedRequiredMember, "AddedRequiredMember example.diff#Spec$owner", BreakingWire},
		{AddedRequiredMember, "AddedRequiredMember example.diff#Thing$owner", Compatible},
		{AddedRequiredTrait, "AddedRequiredTrait example.diff#Spec$name", BreakingWire},
		{AddedRequiredTrait, "AddedRequiredTrait example.diff#Thing$count", Compatible},
		{AddedRequiredTrait, "ChangedGoFieldType example.diff#Thing$count", BreakingGo},
		{RemovedRequiredTrait, "RemovedRequiredTrait example.diff#Thing$name", BreakingWire},
		{RemovedRequiredTrait, "RemovedRequiredTrait example.diff#Spec$name", Compatible},
		{RemovedEnumValue, "RemovedEnumValue example.diff#Color$GREEN", BreakingWire},
		{RemovedGoEnumConstant, "RemovedEnumValue example.diff#Status$RETIRED", Compatible},
		{RemovedGoEnumConstant, "RemovedGoEnumConstant example.diff#Status$RETIRED", BreakingGo},
		{AddedSparse, "AddedSparse example.diff#Labels", BreakingWire},
		{RemovedSparse, "RemovedSparse example.diff#Tags", BreakingWire},
	}
	for _, c := range cases {
		f, ok := byLoc(diffFixture(t, c.fixture, Options{}))[c.key]
		if assert.True(t, ok, "%s: no finding %s", c.fixture, c.key) {
			assert.Equal(t, c.want, f.Category, "%s: %s", c.fixture, c.key)
		}
	}
}

// TestGoBreaksNotRepeated: a Go break at a place that already breaks the wire is not reported again.
func TestGoBreaksNotRepeated(t *testing.T) {
	for _, name := range []string{RemovedRequiredTrait, ChangedShapeType, StringToEnum, RemovedEnumValue, ChangedMemberTarget} {
		r := diffFixture(t, name, Options{})
		broken := map[string]bool{}
		for _, f := range r.Findings {
			if f.Category == BreakingWire {
				broken[f.Location()] = true
			}
		}
		for _, f := range r.Findings {
			if f.Category == BreakingGo {
				assert.False(t, broken[f.Location()], "%s: %s repeats a breaking-wire finding", name, f.Location())
			}
		}
	}
}

// TestJSONStable: the JSON document is byte-identical across runs, has every
// key in a fixed order, and agrees with the text report.
func TestJSONStable(t *testing.T) {
	var first []byte
	for range 3 {
		r := diffFixture(t, "mixed", Options{})
		var buf bytes.Buffer
		require.NoError(t, r.WriteJSON(&buf))
		if first == nil {
			first = buf.Bytes()
			continue
		}
		require.Equal(t, string(first), buf.String())
	}
	var doc struct {
		Findings []map[string]string `json:"findings"`
		Summary  map[string]int      `json:"summary"`
		Notes    []string            `json:"notes"`
	}
	require.NoError(t, json.Unmarshal(first, &doc))
	require.NotEmpty(t, doc.Findings)
	for _, f := range doc.Findings {
		assert.Equal(t, []string{"category", "member", "message", "new", "old", "rule", "shape"}, slices.Sorted(maps.Keys(f)))
	}
	assert.Equal(t, []string{"breaking-go", "breaking-wire", "compatible", "total"}, slices.Sorted(maps.Keys(doc.Summary)))
	assert.Equal(t, len(doc.Findings), doc.Summary["total"])
	assert.NotNil(t, doc.Notes)
	// Top-level keys in order.
	s := string(first)
	assert.Less(t, strings.Index(s, `"findings"`), strings.Index(s, `"summary"`))
	assert.Less(t, strings.Index(s, `"summary"`), strings.Index(s, `"notes"`))

	// An empty report still has every key.
	var empty bytes.Buffer
	require.NoError(t, (&Report{}).WriteJSON(&empty))
	assert.JSONEq(t, `{"findings":[],"summary":{"breaking-wire":0,"breaking-go":0,"compatible":0,"total":0},"notes":[]}`, empty.String())
}

func TestSortOrder(t *testing.T) {
	id := func(s string) model.ShapeID { return model.MustShapeID(s) }
	fs := []Finding{
		{Rule: "B", Category: Compatible, Shape: id("a#A")},
		{Rule: "A", Category: BreakingGo, Shape: id("a#B")},
		{Rule: "A", Category: BreakingWire, Shape: id("a#C")},
		{Rule: "A", Category: BreakingGo, Shape: id("a#A"), Member: "y"},
		{Rule: "A", Category: BreakingGo, Shape: id("a#A"), Member: "x"},
	}
	sortFindings(fs)
	var got []string
	for _, f := range fs {
		got = append(got, string(f.Category)+" "+f.Location())
	}
	assert.Equal(t, []string{"breaking-wire a#C", "breaking-go a#A$x", "breaking-go a#A$y", "breaking-go a#B", "compatible a#A"}, got)
}

func TestLengthAndRangeBounds(t *testing.T) {
	i := func(v int64) *int64 { return &v }
	n := func(s string) *json.Number { x := json.Number(s); return &x }
	lengths := []struct {
		old, new *model.Length
		want     string // rule, or "" for none
	}{
		{nil, &model.Length{Max: i(10)}, TightenedLength},
		{&model.Length{Max: i(10)}, nil, LoosenedLength},
		{&model.Length{Min: i(0), Max: i(10)}, &model.Length{Max: i(10)}, ""},
		{&model.Length{Min: i(1)}, &model.Length{Min: i(2)}, TightenedLength},
		{&model.Length{Min: i(2), Max: i(5)}, &model.Length{Min: i(1), Max: i(4)}, TightenedLength},
		{&model.Length{Min: i(2), Max: i(5)}, &model.Length{Min: i(1), Max: i(6)}, LoosenedLength},
	}
	for _, c := range lengths {
		d := &differ{}
		d.length(c.old, c.new, model.MustShapeID("a#X"), "", usage{input: true})
		assert.Equal(t, c.want, ruleOf(d.findings), "%s -> %s", showLength(c.old), showLength(c.new))
	}
	ranges := []struct {
		old, new *model.Range
		want     string
	}{
		{nil, &model.Range{Min: n("0")}, TightenedRange},
		{&model.Range{Min: n("0")}, nil, LoosenedRange},
		{&model.Range{Min: n("1.5")}, &model.Range{Min: n("1.50")}, ""},
		{&model.Range{Max: n("10")}, &model.Range{Max: n("1e1")}, ""},
		{&model.Range{Min: n("-5"), Max: n("5")}, &model.Range{Min: n("-6"), Max: n("5")}, LoosenedRange},
		{&model.Range{Min: n("-5"), Max: n("5")}, &model.Range{Min: n("-6"), Max: n("4")}, TightenedRange},
	}
	for _, c := range ranges {
		d := &differ{}
		d.rangeTrait(c.old, c.new, model.MustShapeID("a#X"), "", usage{input: true})
		assert.Equal(t, c.want, ruleOf(d.findings), "%s -> %s", showRange(c.old), showRange(c.new))
	}
}

func ruleOf(fs []Finding) string {
	if len(fs) == 0 {
		return ""
	}
	return fs[0].Rule
}

// TestRealModels compares the Smithy AST and the botocore document of each
// reference service in ../shared: a cross-format comparison of two
// independent descriptions of the same API, so findings are expected (they
// show where the formats, or our loaders, disagree); the test checks that
// it runs, that the Go pass runs, and that each model against itself has no
// findings.
func TestRealModels(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "models")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("reference models not found at %s (the shared/ directory beside the repository): %v", root, err)
	}
	for _, x := range []string{"quicksight", "appfabric", "appflow"} {
		t.Run(x, func(t *testing.T) {
			// A model that does not load is the loaders' business (their own
			// tests cover it); this test needs two models to compare.
			ast, err := loader.LoadFiles(filepath.Join(root, "smithy-ast", x+".json"))
			if err != nil {
				t.Skipf("smithy-ast/%s.json does not load, nothing to compare: %v", x, err)
			}
			boto, err := loader.LoadFiles(filepath.Join(root, "botocore", x+".json"))
			if err != nil {
				t.Skipf("botocore/%s.json does not load, nothing to compare: %v", x, err)
			}
			r, err := Diff(ast, boto, Options{})
			require.NoError(t, err)
			assert.Empty(t, r.Notes, "the Go pass should run on both sides")
			counts := map[string]int{}
			for _, f := range r.Findings {
				counts[string(f.Category)+" "+f.Rule]++
			}
			t.Logf("%s: smithy-ast -> botocore: %s", x, r.Summary())
			for _, k := range slices.Sorted(maps.Keys(counts)) {
				t.Logf("  %5d %s", counts[k], k)
			}
			for _, m := range []*model.Model{ast, boto} {
				self, err := Diff(m, m, Options{Documentation: true})
				require.NoError(t, err)
				assert.Empty(t, self.Findings)
			}
		})
	}
}

// TestUnitUnionMember: a union member targeting smithy.api#Unit is compared
// like any other; the diff neither fails nor panics, whatever the IR builder
// makes of it (when it cannot build the IR, a note says why).
func TestUnitUnionMember(t *testing.T) {
	dir := filepath.Join("testdata", AddedUnionMember)
	data, err := os.ReadFile(filepath.Join(dir, "new.json"))
	require.NoError(t, err)
	data = bytes.Replace(data, []byte(`"flag": {`), []byte(`"nothing": {"target": "smithy.api#Unit"}, "flag": {`), 1)
	m, err := loader.Load(loader.Source{Name: "new.json", Data: data})
	require.NoError(t, err)
	r, err := Diff(load(t, filepath.Join(dir, "old.json")), m, Options{})
	require.NoError(t, err)
	var added []string
	for _, f := range r.Findings {
		if f.Rule == AddedUnionMember {
			added = append(added, f.Member)
		}
	}
	assert.ElementsMatch(t, []string{"flag", "nothing"}, added)
	t.Logf("notes: %q", r.Notes)
}

// TestCrossFixtures compares fixture models with other fixture models (a
// spread sample of the pairs, both directions): no error, no panic,
// deterministic output.
func TestCrossFixtures(t *testing.T) {
	var models []*model.Model
	for _, name := range fixtureDirs(t) {
		for _, f := range []string{"old.json", "new.json"} {
			models = append(models, load(t, filepath.Join("testdata", name, f)))
		}
	}
	pairs := 0
	for i, a := range models {
		for j, b := range models {
			if (i+j)%16 != 0 {
				continue
			}
			pairs++
			r1, err := Diff(a, b, Options{Documentation: true})
			require.NoError(t, err, "%d vs %d", i, j)
			if pairs%8 == 0 {
				r2, err := Diff(a, b, Options{Documentation: true})
				require.NoError(t, err)
				require.Equal(t, r1, r2, "%d vs %d: not deterministic", i, j)
			}
		}
	}
	t.Logf("%d pairs of %d models", pairs, len(models))
}
