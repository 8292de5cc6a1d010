package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/smithygen/smithygen/bench"
)

func cores() int { return runtime.GOMAXPROCS(0) }

// topLines counts the lines of the SDK's service/quicksight package alone.
func topLines() int {
	out, err := bench.GoTool(".", nil, "list", "-f", "{{.Dir}}", sdkModule)
	if err != nil {
		return 0
	}
	files, _ := filepath.Glob(filepath.Join(strings.TrimSpace(string(out)), "*.go"))
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, _ := os.ReadFile(f)
		n += strings.Count(string(data), "\n")
	}
	return n
}

// scaled is one model of the scale table.
type scaled struct {
	name      string
	synthetic bool
	shapes    int
	lines     int
	gen       time.Duration // wall
	genCPU    time.Duration
	compile   bench.Usage
}

// SyntheticSizes are the structure counts of the synthetic models.
var SyntheticSizes = []int{40, 120, 360}

// scale: generation and compile time against the number of shapes.
func (e *env) scale(r *report) {
	mod, err := e.module()
	if err != nil {
		r.fail("Scale", "linear", err)
		return
	}
	var models []bench.Model
	defaults, err := bench.DefaultModels()
	if err != nil {
		r.fail("Scale", "linear", err)
		return
	}
	models = append(models, defaults...)
	for _, n := range SyntheticSizes {
		models = append(models, bench.Synthetic(n))
	}
	var rows []scaled
	for i, m := range models {
		s := scaled{name: m.Name, synthetic: strings.HasPrefix(m.Name, "synth")}
		rel := fmt.Sprintf("scale/m%d", i)
		var gens, genCPUs []time.Duration
		for range 3 {
			dir := filepath.Join(mod.Dir, filepath.FromSlash(rel))
			os.RemoveAll(dir)
			ph, _, err := bench.Generate(m, dir)
			if err != nil {
				r.fail("Scale: "+m.Name, "linear", err)
				return
			}
			gens, genCPUs = append(gens, ph.Total()), append(genCPUs, ph.CPU)
			s.shapes = ph.IRShapes
		}
		s.gen, s.genCPU = median(gens), median(genCPUs)
		job, err := bench.NewCompileJob(m.Name, mod.Dir, "./"+rel, prefix(mod.Path+"/"+rel), e.scratch("c-"+fmt.Sprint(i)), bench.ModuleEnv)
		if err != nil {
			r.fail("Scale: "+m.Name, "linear", err)
			return
		}
		s.lines, _ = job.Lines()
		fmt.Printf("  %s: %d shapes, generated in %s; compiling %d lines\n", m.Name, s.shapes, dur(s.gen), s.lines)
		if s.compile, err = job.Run(); err != nil {
			r.fail("Scale: "+m.Name, "linear", err)
			return
		}
		rows = append(rows, s)
	}
	if e.wholeOK && e.wholeCompile.CPU > 0 {
		rows = append(rows, scaled{name: "QuickSight, whole official model", shapes: e.wholePh.IRShapes, lines: e.wholeLines,
			gen: e.wholePh.Total(), genCPU: e.wholePh.CPU, compile: e.wholeCompile})
	}
	var b strings.Builder
	b.WriteString("## Scale: generation and compile time against model size\n\n")
	b.WriteString("Generation in process (load → write, median of 3; CPU is the process's user + system time, GC included); compile of the generated package with the compiler alone (one run each; the whole model's from the compile rows). CPU time is the steadier figure on a shared machine.\n\n")
	b.WriteString("| model | shapes | lines | generate wall | generate CPU | µs CPU/shape | compile wall | compile CPU | ms CPU/shape | compiler peak |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, s := range rows {
		fmt.Fprintf(&b, "| %s | %d | %d | %s | %s | %.0f | %s | %s | %.1f | %s |\n", s.name, s.shapes, s.lines, dur(s.gen), dur(s.genCPU),
			float64(s.genCPU.Microseconds())/float64(s.shapes), dur(s.compile.Wall), dur(s.compile.CPU),
			float64(s.compile.CPU.Milliseconds())/float64(s.shapes), mib(s.compile.MaxRSS))
	}
	r.section(b.String())

	// Linearity: the marginal cost per shape of the last synthetic step
	// against that of the first.
	var syn []scaled
	for _, s := range rows {
		if s.synthetic {
			syn = append(syn, s)
		}
	}
	if len(syn) < 3 {
		return
	}
	marginal := func(a, b scaled, f func(scaled) time.Duration) float64 {
		return float64(f(b)-f(a)) / float64(b.shapes-a.shapes)
	}
	first, last := syn[:2], syn[len(syn)-2:]
	for _, m := range []struct {
		name string
		f    func(scaled) time.Duration
	}{
		{"generation CPU", func(s scaled) time.Duration { return s.genCPU }},
		{"compile CPU", func(s scaled) time.Duration { return s.compile.CPU }},
	} {
		a, b := marginal(first[0], first[1], m.f), marginal(last[0], last[1], m.f)
		x := b / a
		r.add(row{fmt.Sprintf("Scale: marginal %s cost per shape, synthetic %d→%d shapes vs %d→%d", m.name, last[0].shapes, last[1].shapes, first[0].shapes, first[1].shapes),
			fmt.Sprintf("%s/shape", dur(time.Duration(b))), fmt.Sprintf("%s/shape", dur(time.Duration(a))), ratio(x), "≤ 1.5× (linear)", yes(x <= 1.5)})
	}
}
