package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/smithygen/smithygen/generator"
)

// verbose is what -v prints on stderr: a progress line as each target enters
// each phase, then a table of the time each phase took per target:
//
//	smithygen: [1/3] generated/quicksight: loading specs/quicksight.json
//	smithygen: [1/3] generated/quicksight: building IR
//	smithygen: [1/3] generated/quicksight: emitting files
//	smithygen: [1/3] generated/quicksight: emitted 13 files (367.7 KiB)
//	...
//	smithygen: planning: comparing 39 files with disk
//	smithygen: writing 2 files, removing 0
//	smithygen: timings:
//	target                load   IR     emit   plan    write  total
//	generated/quicksight  2.4ms  2.0ms  66ms   0.35ms  -      71ms
//	...
//	all (3 targets)       12ms   9.0ms  204ms  1.4ms   3.1ms  229ms
//
// Writing is one atomic step for all targets, so it has a total only; with
// -check its cell says "-check". A load served from an earlier target's
// model says "cached".
//
// A nil *verbose prints nothing, so callers need not check -v.
type verbose struct {
	w    io.Writer
	rows []timingRow
	// write is the one atomic write of all targets; writeSkipped: -check.
	write        time.Duration
	writeSkipped bool
}

// timingRow is one target's line of the timings table.
type timingRow struct {
	out              string
	cached           bool
	load, ir, emit   time.Duration
	plan             time.Duration
	files            int
	planned, removed int
}

// newVerbose returns the reporter for -v, or nil when on is false.
func newVerbose(on bool, w io.Writer) *verbose {
	if !on {
		return nil
	}
	return &verbose{w: w}
}

func (v *verbose) printf(format string, args ...any) {
	fmt.Fprintf(v.w, "smithygen: "+format+"\n", args...)
}

// renderOptions hooks the progress lines into generator.RenderWith.
func (v *verbose) renderOptions() generator.RenderOptions {
	if v == nil {
		return generator.RenderOptions{}
	}
	return generator.RenderOptions{Progress: v.progress}
}

func (v *verbose) progress(p generator.Progress) {
	at := fmt.Sprintf("[%d/%d] %s", p.Index+1, p.Count, p.Target.Out)
	switch p.Phase {
	case generator.PhaseLoad:
		names := make([]string, len(p.Target.Models))
		for i, m := range p.Target.Models {
			names[i] = m.Name
		}
		if p.Cached {
			v.printf("%s: loading %s (already loaded for an earlier target)", at, strings.Join(names, ", "))
		} else {
			v.printf("%s: loading %s", at, strings.Join(names, ", "))
		}
	case generator.PhaseIR:
		v.printf("%s: building IR", at)
	case generator.PhaseEmit:
		v.printf("%s: emitting files", at)
	case generator.PhaseDone:
		r := p.Rendered
		size := 0
		for _, f := range r.Files {
			size += len(f.Data)
		}
		v.printf("%s: emitted %d files (%.1f KiB)", at, len(r.Files), float64(size)/1024)
		tm := r.Timings
		v.rows = append(v.rows, timingRow{out: p.Target.Out, cached: tm.LoadCached, load: tm.Load, ir: tm.IR, emit: tm.Emit, files: len(r.Files)})
	}
}

// planAll is generator.Plan, one target at a time when -v is on so that
// each target's share is timed; the result is the same.
func (v *verbose) planAll(rendered []*generator.Rendered) ([]generator.Change, []generator.Summary, error) {
	if v == nil {
		return generator.Plan(rendered)
	}
	files := 0
	for _, r := range rendered {
		files += len(r.Files)
	}
	v.printf("planning: comparing %d files with disk", files)
	var changes []generator.Change
	var sums []generator.Summary
	for i, r := range rendered {
		t0 := time.Now()
		c, s, err := generator.Plan([]*generator.Rendered{r})
		if err != nil {
			return nil, nil, err
		}
		if i < len(v.rows) {
			row := &v.rows[i]
			row.plan = time.Since(t0)
			for _, ch := range c {
				if ch.Action == "remove" {
					row.removed++
				} else {
					row.planned++
				}
			}
		}
		changes = append(changes, c...)
		sums = append(sums, s...)
	}
	return changes, sums, nil
}

// writing reports what Apply is about to do.
func (v *verbose) writing(changes []generator.Change) {
	if v == nil {
		return
	}
	written, removed := 0, 0
	for _, c := range changes {
		if c.Action == "remove" {
			removed++
		} else {
			written++
		}
	}
	v.printf("writing %d files, removing %d", written, removed)
}

// wrote records how long the write took.
func (v *verbose) wrote(d time.Duration) {
	if v != nil {
		v.write = d
	}
}

// checked records that -check wrote nothing.
func (v *verbose) checked() {
	if v != nil {
		v.writeSkipped = true
	}
}

// summary prints the timings table. Writing is one atomic step over all
// targets, so it has a total only.
func (v *verbose) summary() {
	if v == nil {
		return
	}
	v.printf("timings:")
	tw := tabwriter.NewWriter(v.w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "target\tload\tIR\temit\tplan\twrite\ttotal")
	var load, ir, emit, plan time.Duration
	for _, r := range v.rows {
		loadCell := fmtDuration(r.load)
		if r.cached {
			loadCell = "cached"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t-\t%s\n", r.out, loadCell, fmtDuration(r.ir), fmtDuration(r.emit),
			fmtDuration(r.plan), fmtDuration(r.load+r.ir+r.emit+r.plan))
		load, ir, emit, plan = load+r.load, ir+r.ir, emit+r.emit, plan+r.plan
	}
	writeCell := fmtDuration(v.write)
	if v.writeSkipped {
		writeCell = "-check"
	}
	all := "all (1 target)"
	if len(v.rows) != 1 {
		all = fmt.Sprintf("all (%d targets)", len(v.rows))
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", all, fmtDuration(load), fmtDuration(ir),
		fmtDuration(emit), fmtDuration(plan), writeCell, fmtDuration(load+ir+emit+plan+v.write))
	tw.Flush()
}

// fmtDuration formats d for the table in milliseconds (seconds from 10s up),
// ASCII only so that CI logs show it as is.
func fmtDuration(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	switch {
	case d >= 10*time.Second:
		return d.Round(100 * time.Millisecond).String()
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.0fms", ms)
	case d >= time.Millisecond:
		return fmt.Sprintf("%.1fms", ms)
	}
	return fmt.Sprintf("%.2fms", ms)
}
