package generator

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUnifiedDiff pins the exact output of UnifiedDiff on small inputs, in
// the format of GNU diff -u (which `patch` and `git apply` read).
func TestUnifiedDiff(t *testing.T) {
	for _, tc := range []struct {
		name, a, b, want string
	}{
		{name: "equal", a: "x\ny\n", b: "x\ny\n", want: ""},
		{name: "both empty", a: "", b: "", want: ""},
		{
			name: "new file", a: "", b: "a\nb\n",
			want: "--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n",
		},
		{
			name: "removed file", a: "a\nb\n", b: "",
			want: "--- old\n+++ new\n@@ -1,2 +0,0 @@\n-a\n-b\n",
		},
		{
			name: "one line changed", a: "a\nb\nc\n", b: "a\nB\nc\n",
			want: "--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n",
		},
		{
			name: "single line file", a: "a\n", b: "b\n",
			want: "--- old\n+++ new\n@@ -1 +1 @@\n-a\n+b\n",
		},
		{
			name: "insertion at the start", a: "b\nc\n", b: "a\nb\nc\n",
			want: "--- old\n+++ new\n@@ -1,2 +1,3 @@\n+a\n b\n c\n",
		},
		{
			name: "context is three lines",
			a:    "1\n2\n3\n4\n5\n6\n7\n8\n9\n",
			b:    "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
			want: "--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
		},
		{
			name: "changes six lines apart share a hunk",
			a:    "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
			b:    "one\n2\n3\n4\n5\n6\n7\neight\n9\n10\n",
			want: "--- old\n+++ new\n@@ -1,10 +1,10 @@\n-1\n+one\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+eight\n 9\n 10\n",
		},
		{
			name: "changes seven lines apart get two hunks",
			a:    "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n",
			b:    "one\n2\n3\n4\n5\n6\n7\n8\nnine\n10\n11\n",
			want: "--- old\n+++ new\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n@@ -6,6 +6,6 @@\n 6\n 7\n 8\n-9\n+nine\n 10\n 11\n",
		},
		// A missing final newline is a change GNU diff shows with its marker;
		// a diff without a hunk would tell a reader there is nothing to do.
		{
			name: "newline added at end", a: "a", b: "a\n",
			want: "--- old\n+++ new\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n",
		},
		{
			name: "newline removed at end", a: "a\nb\n", b: "a\nb",
			want: "--- old\n+++ new\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n",
		},
		{
			name: "both without final newline", a: "a\nb", b: "a\nc",
			want: "--- old\n+++ new\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
		},
		{
			name: "a file that is one empty line", a: "", b: "\n",
			want: "--- old\n+++ new\n@@ -0,0 +1 @@\n+\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := UnifiedDiff("old", "new", tc.a, tc.b)
			assert.Equal(t, tc.want, got)
			if tc.a != tc.b {
				assert.Equal(t, tc.b, applyDiff(t, tc.a, got), "applying the diff to the old text")
			}
		})
	}
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$`)

// applyDiff applies a unified diff to a, as patch would, checking the hunk
// headers against the lines that follow them, and returns the result.
func applyDiff(t *testing.T, a, diff string) string {
	t.Helper()
	if diff == "" {
		return a
	}
	lines := strings.Split(strings.TrimSuffix(diff, "\n"), "\n")
	require.GreaterOrEqual(t, len(lines), 2)
	require.True(t, strings.HasPrefix(lines[0], "--- "), "first line %q", lines[0])
	require.True(t, strings.HasPrefix(lines[1], "+++ "), "second line %q", lines[1])
	src := splitKeepingEOL(a)
	var out []string
	next := 0 // next line of src to copy
	num := func(s string, def int) int {
		if s == "" {
			return def
		}
		n, err := strconv.Atoi(s)
		require.NoError(t, err)
		return n
	}
	for i := 2; i < len(lines); {
		m := hunkHeader.FindStringSubmatch(lines[i])
		require.NotNil(t, m, "line %d: want a hunk header, found %q", i+1, lines[i])
		aStart, aCount, bCount := num(m[1], 0), num(m[2], 1), num(m[4], 1)
		first := aStart - 1
		if aCount == 0 {
			first = aStart // an empty range names the line after which to insert
		}
		require.GreaterOrEqual(t, first, next, "hunks overlap or go backwards")
		out = append(out, src[next:first]...)
		next = first
		i++
		gotA, gotB := 0, 0
		for ; i < len(lines) && !strings.HasPrefix(lines[i], "@@"); i++ {
			l := lines[i]
			noEOL := i+1 < len(lines) && lines[i+1] == `\ No newline at end of file`
			text := l[1:]
			if !noEOL {
				text += "\n"
			}
			switch l[0] {
			case ' ':
				require.Less(t, next, len(src))
				require.Equal(t, src[next], text, "context line %d", next+1)
				out = append(out, text)
				next++
				gotA++
				gotB++
			case '-':
				require.Less(t, next, len(src))
				require.Equal(t, src[next], text, "removed line %d", next+1)
				next++
				gotA++
			case '+':
				out = append(out, text)
				gotB++
			default:
				t.Fatalf("line %d: unexpected %q", i+1, l)
			}
			if noEOL {
				i++
			}
		}
		require.Equal(t, aCount, gotA, "old line count of hunk %q", m[0])
		require.Equal(t, bCount, gotB, "new line count of hunk %q", m[0])
	}
	out = append(out, src[next:]...)
	return strings.Join(out, "")
}

// splitKeepingEOL splits s into lines that keep their "\n" (the last one may have none).
func splitKeepingEOL(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.SplitAfter(s, "\n")
	if parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

// changedLines counts the - and + lines of a diff's hunks.
func changedLines(diff string) int {
	n := 0
	for i, l := range strings.Split(diff, "\n") {
		if i >= 2 && (strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+")) {
			n++
		}
	}
	return n
}

// randomText returns n lines drawn from a small alphabet, so that texts share lines.
func randomLines(r *rand.Rand, n int) []string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("line %d", r.IntN(8))
	}
	return lines
}

// mutate returns lines with k random insertions, deletions and changes.
func mutateLines(r *rand.Rand, lines []string, k int) []string {
	out := append([]string(nil), lines...)
	for range k {
		i := r.IntN(len(out) + 1)
		switch r.IntN(3) {
		case 0:
			out = append(out[:i], append([]string{fmt.Sprintf("new %d", r.IntN(100))}, out[i:]...)...)
		case 1:
			if i < len(out) {
				out = append(out[:i], out[i+1:]...)
			}
		default:
			if i < len(out) {
				out[i] = fmt.Sprintf("changed %d", r.IntN(100))
			}
		}
	}
	return out
}

func diffJoin(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// TestUnifiedDiffApplies checks, on random texts (fixed seed), that every
// diff turns the old text into the new one and that its hunks are minimal in
// the sense of Myers: no more changed lines than a line-by-line LCS allows.
func TestUnifiedDiffApplies(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for i := range 300 {
		a := randomLines(r, r.IntN(40))
		b := mutateLines(r, a, r.IntN(10))
		if r.IntN(5) == 0 {
			b = randomLines(r, r.IntN(40))
		}
		as, bs := diffJoin(a), diffJoin(b)
		d := UnifiedDiff("a", "b", as, bs)
		if as == bs {
			assert.Empty(t, d)
			continue
		}
		require.Equal(t, bs, applyDiff(t, as, d), "case %d:\n%s", i, d)
		assert.Equal(t, len(a)+len(b)-2*lcsLen(a, b), changedLines(d), "case %d: not a shortest edit script:\n%s", i, d)
	}
}

// lcs is the length of a longest common subsequence of a and b.
func lcsLen(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestUnifiedDiffLarge checks files whose edit distance passes the cap of
// Myers' algorithm: the diff is then one coarse hunk, still correct, and it
// comes quickly.
func TestUnifiedDiffLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	var a, b []string
	for i := range 6000 {
		a = append(a, fmt.Sprintf("a%d", i))
		b = append(b, fmt.Sprintf("b%d", i))
	}
	as, bs := diffJoin(a), diffJoin(b)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	d := UnifiedDiff("a", "b", as, bs)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	require.Equal(t, bs, applyDiff(t, as, d))
	assert.Equal(t, 1, strings.Count(d, "\n@@ "), "one hunk replaces everything")
	assert.Contains(t, d, "@@ -1,6000 +1,6000 @@\n")
	t.Logf("6000 lines replaced: %v, %d MiB allocated", elapsed, (after.TotalAlloc-before.TotalAlloc)>>20)

	// Under the cap: a large file with a few scattered edits gets small hunks.
	big := randomLines(r, 20000)
	edited := mutateLines(r, big, 20)
	start = time.Now()
	d = UnifiedDiff("a", "b", diffJoin(big), diffJoin(edited))
	t.Logf("20000 lines, 20 edits: %v", time.Since(start))
	require.Equal(t, diffJoin(edited), applyDiff(t, diffJoin(big), d))
	assert.Less(t, strings.Count(d, "\n"), 400, "a few edits must not become a whole-file hunk")
}
