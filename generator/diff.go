package generator

import (
	"fmt"
	"strings"
)

// UnifiedDiff renders the difference between two texts as a unified diff with
// three lines of context, or "" when they are equal. It uses Myers' O(ND)
// algorithm on lines.
func UnifiedDiff(oldName, newName, a, b string) string {
	if a == b {
		return ""
	}
	al, bl := splitLines(a), splitLines(b)
	// A missing final newline is marked on the last line, as GNU diff does, so
	// that texts differing only there still give a hunk.
	const noNewline = "\n\\ No newline at end of file"
	if len(al) > 0 && !strings.HasSuffix(a, "\n") {
		al[len(al)-1] += noNewline
	}
	if len(bl) > 0 && !strings.HasSuffix(b, "\n") {
		bl[len(bl)-1] += noNewline
	}
	ops := myers(al, bl)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	const context = 3
	// Group edits into hunks.
	type line struct {
		kind byte // ' ', '-', '+'
		text string
		ai   int // index in a (for ' ' and '-')
		bi   int // index in b (for ' ' and '+')
	}
	var lines []line
	ai, bi := 0, 0
	for _, op := range ops {
		switch op {
		case ' ':
			lines = append(lines, line{' ', al[ai], ai, bi})
			ai++
			bi++
		case '-':
			lines = append(lines, line{'-', al[ai], ai, bi})
			ai++
		case '+':
			lines = append(lines, line{'+', bl[bi], ai, bi})
			bi++
		}
	}
	for i := 0; i < len(lines); {
		if lines[i].kind == ' ' {
			i++
			continue
		}
		start := max(0, i-context)
		end := i
		for end < len(lines) {
			if lines[end].kind != ' ' {
				end++
				continue
			}
			// Look ahead: stop the hunk when the next change is more than 2*context away.
			j := end
			for j < len(lines) && lines[j].kind == ' ' {
				j++
			}
			if j == len(lines) || j-end > 2*context {
				end = min(len(lines), end+context)
				break
			}
			end = j
		}
		aStart, bStart := lines[start].ai, lines[start].bi
		aCount, bCount := 0, 0
		for _, l := range lines[start:end] {
			if l.kind != '+' {
				aCount++
			}
			if l.kind != '-' {
				bCount++
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(aStart, aCount), hunkRange(bStart, bCount))
		for _, l := range lines[start:end] {
			out.WriteByte(l.kind)
			out.WriteString(l.text)
			out.WriteByte('\n')
		}
		i = end
	}
	return out.String()
}

func hunkRange(start, count int) string {
	if count == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if count == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// maxEditDistance bounds the work of myers; beyond it the diff is a plain
// replacement of the whole text (still a correct diff, only a coarse one).
const maxEditDistance = 4000

// myers returns the edit script turning a into b as a sequence of ' ', '-', '+'.
func myers(a, b []string) []byte {
	n, m := len(a), len(b)
	maxD := min(n+m, maxEditDistance)
	offset := maxD + 1
	v := make([]int, 2*maxD+3)
	// trace[d] holds v[-d-1 .. d+1] as it was before step d.
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v[offset-d-1:offset+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
				x = v[offset+k+1]
			} else {
				x = v[offset+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[offset+k] = x
			if x >= n && y >= m {
				return backtrack(trace, n, m, d)
			}
		}
	}
	ops := make([]byte, 0, n+m)
	for range n {
		ops = append(ops, '-')
	}
	for range m {
		ops = append(ops, '+')
	}
	return ops
}

func backtrack(trace [][]int, n, m, d int) []byte {
	x, y := n, m
	var ops []byte
	for ; d > 0; d-- {
		v := trace[d]
		at := func(k int) int { return v[k+d+1] }
		k := x - y
		var prevK int
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := at(prevK)
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			ops = append(ops, ' ')
			x--
			y--
		}
		if x == prevX {
			ops = append(ops, '+')
		} else {
			ops = append(ops, '-')
		}
		x, y = prevX, prevY
	}
	for x > 0 && y > 0 {
		ops = append(ops, ' ')
		x--
		y--
	}
	for i, j := 0, len(ops)-1; i < j; i, j = i+1, j-1 {
		ops[i], ops[j] = ops[j], ops[i]
	}
	return ops
}
