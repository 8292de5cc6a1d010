package main

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/specs"
)

// durationCell matches one duration of the timings table.
const durationCell = `(?:\d+\.\d+ms|\d+ms|[\d.]+s)`

// timingRowRe matches one row of the timings table: target, load, IR, emit,
// plan, write, total.
var timingRowRe = regexp.MustCompile(`^(\S.*?)\s{2,}(` + durationCell + `|cached)\s+(` + durationCell + `)\s+(` +
	durationCell + `)\s+(` + durationCell + `)\s+(` + durationCell + `|-check|-)\s+(` + durationCell + `)$`)

// timings parses the table -v prints after "smithygen: timings:" into rows
// by target (the first cell), each holding its other six cells.
func timings(t *testing.T, stderr string) map[string][]string {
	t.Helper()
	_, table, ok := strings.Cut(stderr, "smithygen: timings:\n")
	require.True(t, ok, "no timings table in:\n%s", stderr)
	lines := strings.Split(strings.TrimSuffix(table, "\n"), "\n")
	require.Regexp(t, `^target\s+load\s+IR\s+emit\s+plan\s+write\s+total$`, lines[0])
	rows := map[string][]string{}
	for _, line := range lines[1:] {
		m := timingRowRe.FindStringSubmatch(line)
		require.NotNil(t, m, "not a row of the timings table: %q", line)
		rows[m[1]] = m[2:]
	}
	return rows
}

// progressLines returns the lines of stderr before the timings table, with
// the output directory replaced by OUT.
func progressLines(stderr, out string) []string {
	before, _, _ := strings.Cut(stderr, "smithygen: timings:\n")
	return strings.Split(strings.TrimSuffix(strings.ReplaceAll(before, out, "OUT"), "\n"), "\n")
}

// TestVerboseGenerate runs generate -v on one model: progress lines in
// phase order on stderr, then a table whose rows add up; stdout is what it
// is without -v.
func TestVerboseGenerate(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "model.json")
	out := filepath.Join(dir, "out")
	writeFile(t, model, goodModel)

	r := runCmd(t, "generate", "-v", "-model", model, "-out", out)
	require.Equal(t, 0, r.code, r.stderr)
	s := summaries(t, r.stdout)[filepath.ToSlash(out)]
	require.NotEqual(t, "0", s.written)

	lines := progressLines(r.stderr, out)
	n := s.written
	want := []string{ // regular expressions
		`smithygen: \[1/1\] OUT: loading model\.json`,
		`smithygen: \[1/1\] OUT: building IR`,
		`smithygen: \[1/1\] OUT: emitting files`,
		`smithygen: \[1/1\] OUT: emitted ` + n + ` files \(\d+\.\d KiB\)`,
		`smithygen: planning: comparing ` + n + ` files with disk`,
		`smithygen: writing ` + n + ` files, removing 0`,
	}
	require.Len(t, lines, len(want), "progress lines:\n%s", r.stderr)
	for i, w := range want {
		assert.Regexp(t, "^"+w+"$", lines[i])
	}

	rows := timings(t, r.stderr)
	require.Len(t, rows, 2, "one row per target and a total: %v", rows)
	row, ok := rows[out]
	require.True(t, ok, "no row for %s in %v", out, rows)
	assert.Equal(t, "-", row[4], "writing is timed for all targets together")
	all := rows["all (1 target)"]
	require.NotNil(t, all, "no total row in %v", rows)
	assert.Equal(t, row[:4], all[:4], "with one target, the total row repeats its phases")
	assert.NotEqual(t, "-", all[4], "the total row times the write")

	// The same run without -v prints the same stdout and nothing on stderr.
	quiet := runCmd(t, "generate", "-model", model, "-out", filepath.Join(dir, "quiet"))
	require.Equal(t, 0, quiet.code, quiet.stderr)
	assert.Empty(t, quiet.stderr)
	assert.Equal(t, summaries(t, strings.ReplaceAll(r.stdout, out, "X")), summaries(t, strings.ReplaceAll(quiet.stdout, filepath.Join(dir, "quiet"), "X")))
}

// TestVerboseCheck: with -check nothing is written, so the write cell says
// so, and an up-to-date tree still exits 0 with empty stdout.
func TestVerboseCheck(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "model.json")
	out := filepath.Join(dir, "out")
	writeFile(t, model, goodModel)
	require.Equal(t, 0, runCmd(t, "generate", "-model", model, "-out", out).code)
	before := snapshot(t, out)

	r := runCmd(t, "generate", "-check", "-v", "-model", model, "-out", out)
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Empty(t, r.stdout)
	assert.NotContains(t, r.stderr, "smithygen: writing")
	assert.Equal(t, "-check", timings(t, r.stderr)["all (1 target)"][4])
	assert.Equal(t, before, snapshot(t, out))

	// Out of date: exit 1, the diff on stdout, the timings still on stderr.
	writeFile(t, filepath.Join(out, "doc.go"), before["doc.go"]+"// edited\n")
	r = runCmd(t, "generate", "-check", "-v", "-model", model, "-out", out)
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stdout, "-// edited")
	assert.Contains(t, timings(t, r.stderr), out)
}

// TestVerboseConfigCached: two targets of one config file share a model; the
// second says it is served from the first one's load.
func TestVerboseConfigCached(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "model.json"), goodModel)
	writeFile(t, filepath.Join(dir, "smithygen.json"), `{"targets": [
		{"models": ["model.json"], "out": "a", "package": "a"},
		{"models": ["model.json"], "out": "b", "package": "b", "artifacts": ["types"]}
	]}`)
	r := runCmd(t, "generate", "-config", filepath.Join(dir, "smithygen.json"), "-v")
	require.Equal(t, 0, r.code, r.stderr)
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	assert.Contains(t, r.stderr, "smithygen: [1/2] "+a+": loading model.json\n")
	assert.Contains(t, r.stderr, "smithygen: [2/2] "+b+": loading model.json (already loaded for an earlier target)\n")
	rows := timings(t, r.stderr)
	require.Len(t, rows, 3)
	assert.NotEqual(t, "cached", rows[a][0])
	assert.Equal(t, "cached", rows[b][0])
	assert.Contains(t, rows, "all (2 targets)")
}

// TestVerboseDefault: smithygen -v without a command reports every default
// service, in the order of specs.Default.
func TestVerboseDefault(t *testing.T) {
	out := filepath.Join(t.TempDir(), "gen")
	r := runCmd(t, "-v", "-out", out)
	require.Equal(t, 0, r.code, r.stderr)
	rows := timings(t, r.stderr)
	require.Len(t, rows, len(specs.Default)+1)
	last := -1
	for i, d := range specs.Default {
		dir := filepath.Join(out, d.Package)
		assert.Contains(t, rows, dir)
		line := "smithygen: [" + strconv.Itoa(i+1) + "/" + strconv.Itoa(len(specs.Default)) + "] " + dir + ": loading specs/" + d.Model + "\n"
		at := strings.Index(r.stderr, line)
		require.GreaterOrEqual(t, at, 0, "no line %q in:\n%s", line, r.stderr)
		assert.Greater(t, at, last, "targets reported out of order")
		last = at
	}
}

func TestFmtDuration(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0.00ms"},
		{344 * time.Microsecond, "0.34ms"},
		{2345 * time.Microsecond, "2.3ms"},
		{66 * time.Millisecond, "66ms"},
		{1500 * time.Millisecond, "1500ms"},
		{12345 * time.Millisecond, "12.3s"},
	} {
		assert.Equal(t, tc.want, fmtDuration(tc.d), "%v", tc.d)
	}
}
