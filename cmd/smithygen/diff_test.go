package main

import (
	"bytes"
	"encoding/json"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// diffFixture returns the old and new model of a modeldiff fixture.
func diffFixture(name string) (string, string) {
	dir := filepath.Join("..", "..", "model", "modeldiff", "testdata", name)
	return filepath.Join(dir, "old.json"), filepath.Join(dir, "new.json")
}

func runDiff(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(append([]string{"diff"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestDiffExitCodes(t *testing.T) {
	wireOld, wireNew := diffFixture("RemovedMember")  // breaking-wire only
	goOld, goNew := diffFixture("ChangedGoFieldType") // breaking-go only
	compOld, compNew := diffFixture("AddedMember")    // compatible only
	badModel := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(badModel, []byte(`{"smithy": "2.0", "shapes": {"a#B": {"type": "structure", "members": {"c": {"target": "a#Missing"}}}}}`), 0o644))
	cases := []struct {
		name string
		args []string
		want int
	}{
		{"no arguments", nil, 2},
		{"one file", []string{wireOld}, 2},
		{"three files", []string{wireOld, wireNew, wireNew}, 2},
		{"positional and -old", []string{"-old", wireOld, wireOld, wireNew}, 2},
		{"-old without -new", []string{"-old", wireOld}, 2},
		{"bad -fail-on", []string{"-fail-on", "sometimes", wireOld, wireNew}, 2},
		{"unknown flag", []string{"-frobnicate", wireOld, wireNew}, 2},
		{"help", []string{"-h"}, 0},
		{"rules", []string{"-rules"}, 0},
		{"missing file", []string{wireOld, filepath.Join(t.TempDir(), "nope.json")}, 1},
		{"invalid model", []string{badModel, wireNew}, 1},
		{"unknown service", []string{"-service", "Nope", wireOld, wireNew}, 1},
		{"known service", []string{"-service", "example.diff#Svc", "-fail-on", "breaking", wireOld, wireNew}, 1},
		{"report only", []string{wireOld, wireNew}, 0},
		{"fail-on none", []string{"-fail-on", "none", wireOld, wireNew}, 0},
		{"wire: fail-on breaking", []string{"-fail-on", "breaking", wireOld, wireNew}, 1},
		{"wire: fail-on breaking-wire", []string{"-fail-on", "breaking-wire", wireOld, wireNew}, 1},
		{"wire: fail-on breaking-go", []string{"-fail-on", "breaking-go", wireOld, wireNew}, 0},
		{"go: fail-on breaking", []string{"-fail-on", "breaking", goOld, goNew}, 1},
		{"go: fail-on breaking-wire", []string{"-fail-on", "breaking-wire", goOld, goNew}, 0},
		{"go: fail-on breaking-go", []string{"-fail-on", "breaking-go", goOld, goNew}, 1},
		{"compatible: fail-on breaking", []string{"-fail-on", "breaking", compOld, compNew}, 0},
		{"flags after files", []string{wireOld, wireNew, "-json", "-fail-on", "breaking"}, 1},
		{"-old and -new", []string{"-old", wireOld, "-new", wireNew, "-fail-on", "breaking"}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runDiff(c.args...)
			assert.Equal(t, c.want, code, "stderr: %s", stderr)
			if c.want != 0 {
				assert.NotEmpty(t, stderr)
			}
		})
	}
}

func TestDiffText(t *testing.T) {
	for _, name := range []string{"RemovedMember", "ChangedGoFieldType", "mixed"} {
		o, n := diffFixture(name)
		code, stdout, stderr := runDiff(o, n, "-docs")
		require.Equal(t, 0, code, stderr)
		want, err := os.ReadFile(filepath.Join(filepath.Dir(o), "expected.txt"))
		require.NoError(t, err)
		assert.Equal(t, string(want), stdout)
		assert.Empty(t, stderr)
	}
	o, _ := diffFixture("RemovedMember")
	code, stdout, _ := runDiff(o, o)
	assert.Equal(t, 0, code)
	assert.Equal(t, "0 breaking-wire, 0 breaking-go, 0 compatible\n", stdout)
}

func TestDiffJSON(t *testing.T) {
	o, n := diffFixture("mixed")
	code, stdout, stderr := runDiff("-json", o, n)
	require.Equal(t, 0, code, stderr)
	want, err := os.ReadFile(filepath.Join(filepath.Dir(o), "expected.json"))
	require.NoError(t, err)
	assert.Equal(t, string(want), stdout)
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	assert.Contains(t, doc, "findings")
	assert.Contains(t, doc, "summary")
}

// TestDiffSeveralFiles: -old/-new assemble a side from several files.
func TestDiffSeveralFiles(t *testing.T) {
	o, n := diffFixture("RemovedMember")
	data, err := os.ReadFile(n)
	require.NoError(t, err)
	var doc struct {
		Smithy string                     `json:"smithy"`
		Shapes map[string]json.RawMessage `json:"shapes"`
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	first := map[string]json.RawMessage{}
	second := map[string]json.RawMessage{}
	for id, s := range doc.Shapes {
		if strings.Contains(id, "Thing") {
			second[id] = s
		} else {
			first[id] = s
		}
	}
	dir := t.TempDir()
	write := func(name string, shapes map[string]json.RawMessage) string {
		b, err := json.Marshal(map[string]any{"smithy": "2.0", "shapes": shapes})
		require.NoError(t, err)
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b, 0o644))
		return p
	}
	a, b := write("a.json", first), write("b.json", second)
	_, whole, _ := runDiff(o, n)
	code, split, stderr := runDiff("-old", o, "-new", a, "-new", b)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, whole, split)
}

func TestDiffRules(t *testing.T) {
	code, stdout, _ := runDiff("-rules")
	require.Equal(t, 0, code)
	assert.Contains(t, stdout, "AddedRequiredMember")
	assert.Contains(t, stdout, "ChangedGoFieldType")
}

// TestDiffHelp: diff -h lists every flag with a description, and the manual
// (the package doc of main.go) mentions each of them.
func TestDiffHelp(t *testing.T) {
	code, _, help := runDiff("-h")
	require.Equal(t, 0, code)
	assert.Contains(t, help, "usage: smithygen diff")
	f, err := parser.ParseFile(token.NewFileSet(), "main.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	require.NoError(t, err)
	manual := f.Doc.Text()
	assert.Contains(t, manual, "smithygen diff OLD NEW")
	var flags []string
	for _, m := range regexp.MustCompile(`(?m)^  -([\w-]+)`).FindAllStringSubmatch(help, -1) {
		flags = append(flags, m[1])
	}
	assert.ElementsMatch(t, []string{"docs", "fail-on", "json", "new", "new-service", "old", "old-service", "rules", "service"}, flags)
	for _, fl := range flags {
		assert.Regexp(t, regexp.MustCompile(`(?m)^  -`+fl+`\b.*\n\s+\S`), help, "-%s has no description", fl)
		assert.Regexp(t, regexp.MustCompile(`-`+fl+`\b`), manual, "the manual does not mention -%s", fl)
	}
}
