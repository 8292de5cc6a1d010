package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/smithygen/smithygen/bench"
)

const sdkModule = "github.com/aws/aws-sdk-go-v2/service/quicksight"

// module returns the temporary module of the whole-model package (creating it).
func (e *env) module() (*bench.TempModule, error) {
	if e.mod != nil {
		return e.mod, nil
	}
	mod, err := bench.NewTempModule("benchmod")
	if err != nil {
		return nil, err
	}
	e.mod = mod
	return mod, nil
}

func (e *env) scratch(name string) string {
	dir := filepath.Join(e.work, name)
	os.MkdirAll(dir, 0o755)
	return dir
}

func prefix(p string) func(string) bool {
	return func(s string) bool { return s == p || strings.HasPrefix(s, p+"/") }
}

// compile: the compiler alone on our packages and on the SDK's, every
// dependency prebuilt, interleaved.
func (e *env) compile(r *report) {
	const (
		smallFigure = "Compile generated/quicksight (action connectors) vs the SDK's service/quicksight, wall"
		wholeFigure = "Compile the whole-QuickSight-model package vs the SDK's service/quicksight, wall"
	)
	fail := func(err error) {
		r.fail(smallFigure, "≥ 20× faster", err)
		r.fail(wholeFigure, "≤ 1×", err)
	}
	small, err := bench.NewCompileJob("generated/quicksight", e.root, "./generated/quicksight", prefix("github.com/smithygen/smithygen/generated/quicksight"), e.scratch("c-small"), nil)
	if err != nil {
		fail(err)
		return
	}
	sdkJob, err := bench.NewCompileJob("SDK", e.root, sdkModule, prefix(sdkModule), e.scratch("c-sdk"), nil)
	if err != nil {
		fail(err)
		return
	}
	jobs := []*bench.CompileJob{small, sdkJob}
	var whole *bench.CompileJob
	if e.wholeOK {
		if whole, err = e.wholeJob(); err != nil {
			r.fail(wholeFigure, "≤ 1×", err)
		} else {
			jobs = append(jobs, whole)
		}
	} else {
		r.fail(wholeFigure, "≤ 1×", bench.ErrNoShared)
	}
	lines := map[*bench.CompileJob]int{}
	for _, j := range jobs {
		lines[j], _ = j.Lines()
	}
	// The action-connector package compiles in seconds: it runs between
	// the big compiles, several times, so that its median is steady.
	var order []*bench.CompileJob
	for round := range e.heavy {
		big := jobs[1:]
		if round%2 == 1 {
			big = []*bench.CompileJob{jobs[len(jobs)-1]}
			if len(jobs) == 3 {
				big = append(big, jobs[1])
			}
		}
		order = append(order, small)
		for _, j := range big {
			order = append(order, j, small)
		}
	}
	res := map[*bench.CompileJob][]bench.Usage{}
	for _, j := range order {
		fmt.Printf("  compiling %s (%d lines)\n", j.Name, lines[j])
		u, err := j.Run()
		if err != nil {
			fail(err)
			return
		}
		res[j] = append(res[j], u)
	}
	summary := func(j *bench.CompileJob) (string, string) {
		w, c := walls(res[j]), cpus(res[j])
		var rss []int64
		for _, u := range res[j] {
			rss = append(rss, u.MaxRSS)
		}
		return fmt.Sprintf("%s%s (CPU %s)", dur(median(w)), spread(w), dur(median(c))), mib(median(rss))
	}
	rss := func(j *bench.CompileJob) []int64 {
		var xs []int64
		for _, u := range res[j] {
			xs = append(xs, u.MaxRSS)
		}
		return xs
	}
	sdkTime, sdkMem := summary(sdkJob)
	sdkDesc := fmt.Sprintf("SDK, %d packages, %d lines: %s", len(sdkJob.Packages()), lines[sdkJob], sdkTime)

	sTime, sMem := summary(small)
	x := float64(median(walls(res[sdkJob]))) / float64(median(walls(res[small])))
	xcpu := float64(median(cpus(res[sdkJob]))) / float64(median(cpus(res[small])))
	r.add(row{fmt.Sprintf("Compile generated/quicksight (action connectors, %d lines) vs the SDK's service/quicksight, wall", lines[small]),
		sTime, sdkDesc, fmt.Sprintf("%s faster (CPU: %s)", ratio(x), ratio(xcpu)), "≥ 20× faster", yes(x >= 20)})
	r.add(row{"… peak compiler memory", sMem, sdkMem, ratio(float64(median(rss(sdkJob)))/float64(median(rss(small)))) + " less", "— (reported)", "—"})
	if whole == nil {
		return
	}
	wTime, wMem := summary(whole)
	x = pairedRatio(walls(res[whole]), walls(res[sdkJob]))
	r.add(row{fmt.Sprintf("Compile the whole-QuickSight-model package (%d lines) vs the SDK's service/quicksight, wall", lines[whole]),
		wTime, sdkDesc, ratio(x), "≤ 1× (no slower)", yes(x <= 1)})
	r.add(row{"… CPU time", dur(median(cpus(res[whole]))), dur(median(cpus(res[sdkJob]))), ratio(pairedRatio(cpus(res[whole]), cpus(res[sdkJob]))), "— (reported)", "—"})
	x = pairedRatio(rss(whole), rss(sdkJob))
	r.add(row{"… peak compiler memory", wMem, sdkMem, ratio(x), "≤ 1× (no more)", yes(x <= 1)})
	e.wholeCompile = bench.Usage{Wall: median(walls(res[whole])), CPU: median(cpus(res[whole])), MaxRSS: median(rss(whole))}
	e.wholeLines = lines[whole]
	r.note("Compile figures run `$GOTOOLDIR/compile` with the flags `go build` passes (-p, -lang, -complete, -c=%d, -importcfg, -pack) on the measured packages only, every dependency prebuilt by `go list -export`; the SDK anchor is the five packages of its service module (quicksight, types, document, internal/document, internal/endpoints) compiled in dependency order (`quicksight` alone is %.0f%% of their lines).",
		min(4, cores()), 100*float64(topLines())/float64(max(1, lines[sdkJob])))

	exe := filepath.Join(e.work, "fakeserver")
	if err := whole.Link("./cmd/fakeserver", exe); err != nil {
		r.note("building the whole-model fake server: %v", err)
		return
	}
	e.fakeExe = exe
}

// wholeJob writes the whole-model package and the fake server command
// into the temporary module and prepares compiling the package.
func (e *env) wholeJob() (*bench.CompileJob, error) {
	mod, err := e.module()
	if err != nil {
		return nil, err
	}
	if _, _, err := bench.Generate(e.whole, filepath.Join(mod.Dir, "quicksight")); err != nil {
		return nil, err
	}
	if err := mod.WriteFile("cmd/fakeserver/main.go", bench.FakeServerMain(mod.Path+"/quicksight")); err != nil {
		return nil, err
	}
	return bench.NewCompileJob("whole QuickSight", mod.Dir, "./quicksight", prefix(mod.Path+"/quicksight"), e.scratch("c-whole"), bench.ModuleEnv)
}
