package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/smithygen/smithygen/bench"
)

// genSpeed: the built smithygen over the whole QuickSight model, against
// gofmt -l over the files it wrote, interleaved; then the phases in process.
func (e *env) genSpeed(r *report) {
	const figure, target = "Generate the whole QuickSight model (types, JSON, validators, server), built binary, wall", "≤ 1.5×"
	m, err := bench.OfficialQuickSight()
	if err != nil {
		r.fail(figure, target, err)
		return
	}
	e.whole, e.wholeOK = m, true
	r.note("The official QuickSight model (../shared/models/botocore/quicksight.json) is measured as published. The generator warns about the @pattern traits Go's RE2 cannot run (lookaheads, repetition counts over 1000, ...) and leaves them unchecked, as it does for any model.")
	modelFile := filepath.Join(e.work, "quicksight.json")
	if err := os.WriteFile(modelFile, m.Data, 0o644); err != nil {
		r.fail(figure, target, err)
		return
	}
	var ours, gofmt []bench.Usage
	var phases []bench.Phases
	var size int64
	var nfiles int
	for i := range e.rounds {
		out := filepath.Join(e.work, fmt.Sprintf("gen%d", i))
		u, err := bench.Run(cmdIn(e.root, e.smithygen, "generate", "-model", modelFile, "-out", out))
		if err != nil {
			r.fail(figure, target, err)
			return
		}
		files, _ := filepath.Glob(filepath.Join(out, "*.go"))
		g, err := runQuiet(e.gofmt, append([]string{"-l"}, files...)...)
		if err != nil {
			r.fail(figure, target, err)
			return
		}
		size, nfiles = dirSize(files), len(files)
		os.RemoveAll(out)
		ours, gofmt = append(ours, u), append(gofmt, g)
		// The phases, in process, calling the generator's functions one by one.
		ph, _, err := bench.Generate(m, out)
		os.RemoveAll(out)
		if err != nil {
			r.fail(figure, target, err)
			return
		}
		phases = append(phases, ph)
	}
	ow, gw := walls(ours), walls(gofmt)
	x := pairedRatio(ow, gw)
	r.add(row{fmt.Sprintf("Generate the whole QuickSight model (%d files, %.1f MiB), built binary, wall", nfiles, float64(size)/(1<<20)),
		dur(median(ow)) + spread(ow), "gofmt -l over the same files: " + dur(median(gw)) + spread(gw), ratio(x), target, yes(x <= 1.5)})
	oc, gc := cpus(ours), cpus(gofmt)
	r.add(row{"… CPU time (user+sys) and cores used (CPU ÷ wall, of 2)",
		fmt.Sprintf("%s, %.2f cores", dur(median(oc)), float64(median(oc))/float64(median(ow))),
		fmt.Sprintf("%s, %.2f cores", dur(median(gc)), float64(median(gc))/float64(median(gw))),
		ratio(pairedRatio(oc, gc)), "— (reported)", "—"})
	var rss []int64
	for _, u := range ours {
		rss = append(rss, u.MaxRSS)
	}
	r.add(row{"… peak memory of smithygen (ru_maxrss)", mib(median(rss)), "—", "—", "— (reported)", "—"})

	e.wholePh = medianPhases(phases)
	prof, err := bench.ProfileRender(m)
	if err != nil {
		r.note("profiling the render phase: %v", err)
	}
	r.section(phaseTable(e.wholePh, prof, median(ow)))
}
func phaseTable(ph bench.Phases, prof bench.RenderProfile, binary time.Duration) string {
	var b strings.Builder
	total := ph.Total()
	fmt.Fprintf(&b, "## Generation phases, whole QuickSight model (%d shapes in the model, %d generated, %d files, %.1f MiB)\n\n",
		ph.Shapes, ph.IRShapes, ph.Files, float64(ph.Bytes)/(1<<20))
	b.WriteString("In process, calling the generator's functions step by step (medians of the rounds, interleaved with the binary's runs; wall time). `generator.Generate` emits the files with jennifer one after the other while it gofmts those already emitted on every core; it does not expose the two apart, so its CPU time is split by a CPU profile of it below.\n\n")
	b.WriteString("| phase | wall | share |\n| --- | --- | --- |\n")
	for _, p := range []struct {
		name string
		d    time.Duration
	}{
		{"load (botocore.Load: parse into model.Builder)", ph.Load},
		{"model build (Builder.Build: prelude, mixins, validation)", ph.Build},
		{"IR (generator.BuildIR)", ph.IR},
		{"render (generator.Generate: emit + format)", ph.Render},
		{"write (generator.Plan + Apply, empty directory)", ph.Write},
	} {
		fmt.Fprintf(&b, "| %s | %s | %.0f%% |\n", p.name, dur(p.d), 100*float64(p.d)/float64(total))
	}
	fmt.Fprintf(&b, "| **total in process** | **%s** (CPU %s) | |\n| built binary (table above) | %s | |\n\n", dur(total), dur(ph.CPU), dur(binary))
	if prof.Emit+prof.Format > 0 {
		fmt.Fprintf(&b, "CPU time of render, from its profile: **emit** (emitters building jennifer statements, jennifer rendering them to text) %.0f%%, **format** (`go/format.Source`) %.0f%%, garbage collector (background marking) %.0f%%.", 100*prof.Emit, 100*prof.Format, 100*prof.GC)
	}
	fmt.Fprintf(&b, " Cross-check: `format.Source` run once more, on one core, over the final files takes %s.\n", dur(ph.Format))
	return b.String()
}

func medianPhases(ps []bench.Phases) bench.Phases {
	pick := func(f func(bench.Phases) time.Duration) time.Duration {
		var xs []time.Duration
		for _, p := range ps {
			xs = append(xs, f(p))
		}
		return median(xs)
	}
	out := ps[0]
	out.Load = pick(func(p bench.Phases) time.Duration { return p.Load })
	out.Build = pick(func(p bench.Phases) time.Duration { return p.Build })
	out.IR = pick(func(p bench.Phases) time.Duration { return p.IR })
	out.Render = pick(func(p bench.Phases) time.Duration { return p.Render })
	out.Format = pick(func(p bench.Phases) time.Duration { return p.Format })
	out.Write = pick(func(p bench.Phases) time.Duration { return p.Write })
	out.CPU = pick(func(p bench.Phases) time.Duration { return p.CPU })
	return out
}

// defaultRun: the built binary regenerating the three embedded services
// into an empty directory.
func (e *env) defaultRun(r *report) {
	const target = "< 150 ms"
	n := max(9, 2*e.rounds+1)
	figure := fmt.Sprintf("Default run (3 embedded services, every artifact) into an empty directory, built binary, wall, median of %d", n)
	var us []bench.Usage
	for i := range n {
		out := filepath.Join(e.work, fmt.Sprintf("default%d", i))
		u, err := bench.Run(cmdIn(e.root, e.smithygen, "-out", out))
		os.RemoveAll(out)
		if err != nil {
			r.fail(figure, target, err)
			return
		}
		us = append(us, u)
	}
	w, c := walls(us), cpus(us)
	budget := 150 * time.Millisecond
	r.add(row{figure, fmt.Sprintf("%s%s (CPU %s, %.2f cores)", dur(median(w)), spread(w), dur(median(c)), float64(median(c))/float64(median(w))),
		"budget 150 ms", ratio(float64(median(w)) / float64(budget)), target, yes(median(w) < budget)})
}

func walls(us []bench.Usage) []time.Duration {
	var out []time.Duration
	for _, u := range us {
		out = append(out, u.Wall)
	}
	return out
}

func cpus(us []bench.Usage) []time.Duration {
	var out []time.Duration
	for _, u := range us {
		out = append(out, u.CPU)
	}
	return out
}

func dirSize(files []string) int64 {
	var n int64
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			n += fi.Size()
		}
	}
	return n
}
