package main

import (
	"fmt"
	"math"
	"os/exec"
	"slices"
	"strings"
	"time"
)

// row is one line of the results table.
type row struct {
	Figure, Ours, Anchor, Ratio, Target, Met string
}

// report collects the table and the sections printed under it.
type report struct {
	rows     []row
	sections []string // markdown blocks after the table
	notes    []string
}

func (r *report) add(x row) {
	r.rows = append(r.rows, x)
	fmt.Printf("  %s: %s | %s | %s | %s | %s\n", x.Figure, x.Ours, x.Anchor, x.Ratio, x.Target, x.Met)
}

// fail records a row whose measurement could not be made.
func (r *report) fail(figure, target string, err error) {
	msg := strings.ReplaceAll(strings.SplitN(err.Error(), "\n", 2)[0], "|", "/")
	r.add(row{figure, "—", "—", "—", target, "not measured: " + msg})
}

func (r *report) note(format string, args ...any) {
	r.notes = append(r.notes, fmt.Sprintf(format, args...))
}

func (r *report) section(s string) { r.sections = append(r.sections, s) }

func (r *report) table() string {
	var b strings.Builder
	b.WriteString("| figure | ours | anchor | ratio | target | met? |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, x := range r.rows {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", x.Figure, x.Ours, x.Anchor, x.Ratio, x.Target, x.Met)
	}
	return b.String()
}

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

func median[T int64 | float64 | time.Duration](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// pairedRatio is the median over rounds of a[i]/b[i]: each round's pair
// was measured back to back, so drifts of the machine's load cancel.
func pairedRatio[T int64 | float64 | time.Duration](a, b []T) float64 {
	var xs []float64
	for i := range min(len(a), len(b)) {
		if b[i] != 0 {
			xs = append(xs, float64(a[i])/float64(b[i]))
		}
	}
	return median(xs)
}

// spread is (max-min)/median, to show how noisy a figure was.
func spread[T int64 | float64 | time.Duration](xs []T) string {
	if len(xs) < 2 {
		return ""
	}
	m := float64(median(xs))
	if m == 0 {
		return ""
	}
	return fmt.Sprintf(" ±%.0f%%", 100*float64(slices.Max(xs)-slices.Min(xs))/2/m)
}

func dur(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.0f ms", float64(d)/1e6)
	case d >= time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/1e6)
	default:
		return fmt.Sprintf("%.1f µs", float64(d)/1e3)
	}
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

func ratio(x float64) string {
	switch {
	case math.IsInf(x, 0) || math.IsNaN(x):
		return "—"
	case x >= 10:
		return fmt.Sprintf("%.0f×", x)
	default:
		return fmt.Sprintf("%.2f×", x)
	}
}

func cmdIn(dir, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	return cmd
}
