// Command benchreport measures smithygen against the targets of issue #5
// and prints one table — figure | ours | anchor | ratio | target | met? —
// followed by the per-phase breakdown of generation and the scale table,
// and writes the same to bench/RESULTS.md with the date, `go version` and
// the CPU model. `make bench` runs it.
//
// Usage:
//
//	go run ./bench/cmd/benchreport [-rounds N] [-heavy N] [-window D] [-benchtime D] [-out FILE] [-quick]
//
// Every comparison is measured side by side: the repetitions of a figure
// and of its anchor are interleaved (A B A B …, or B A on odd rounds where
// order could matter), and the table shows medians and their ratio, with
// the spread (±half the range, in % of the median) where it helps judge the
// noise. -rounds sets the repetitions of the cheap figures, -heavy those of
// the compiles of the whole QuickSight model and of the SDK's package (45
// to 90 s of CPU each). -quick skips the compile and scale sections.
//
// It needs ../shared beside the checkout for the official QuickSight
// model (figures that need it say so and are skipped) and moto_server on
// PATH for the moto row. Temporary files go under os.TempDir and are
// removed at the end.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/smithygen/smithygen/bench"
	"github.com/smithygen/smithygen/internal/sharedtest"
)

type env struct {
	rounds, heavy int
	window        time.Duration
	quick         bool
	root, work    string
	smithygen     string // the built command
	gofmt         string

	// Shared between sections.
	whole        bench.Model       // the official QuickSight model
	wholeOK      bool              // whole is loaded
	wholePh      bench.Phases      // median phases of generating it
	mod          *bench.TempModule // holds the whole-model package and the fake server
	ex           *bench.Exchanges
	rtt1         time.Duration // client round trip against the fake, 1 client
	fakeExe      string        // the whole-model fake server, once built
	wholeCompile bench.Usage
	wholeLines   int
}

func main() {
	testing.Init()
	e := &env{}
	flag.IntVar(&e.rounds, "rounds", 5, "interleaved repetitions of the cheap figures")
	flag.IntVar(&e.heavy, "heavy", 3, "interleaved repetitions of the whole-model and SDK compiles")
	flag.DurationVar(&e.window, "window", time.Second, "length of one throughput measurement")
	benchtime := flag.String("benchtime", "300ms", "run time of one micro-benchmark measurement")
	out := flag.String("out", "bench/RESULTS.md", "the file the report is written to (relative to the repository root)")
	flag.BoolVar(&e.quick, "quick", false, "skip the compile and scale sections")
	flag.Parse()
	if err := flag.Set("test.benchtime", *benchtime); err != nil {
		fatal(err)
	}
	if err := e.run(*out); err != nil {
		fatal(err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "benchreport:", err)
	os.Exit(1)
}

func (e *env) run(out string) error {
	e.root = sharedtest.RepoRoot()
	if e.root == "" {
		return fmt.Errorf("run me inside the smithygen repository")
	}
	if err := os.Chdir(e.root); err != nil {
		return err
	}
	var err error
	if e.work, err = os.MkdirTemp("", "smithygen-benchreport-"); err != nil {
		return err
	}
	defer os.RemoveAll(e.work)
	goroot, err := bench.GoTool(e.root, nil, "env", "GOROOT")
	if err != nil {
		return err
	}
	e.gofmt = filepath.Join(strings.TrimSpace(string(goroot)), "bin", "gofmt")
	e.smithygen = filepath.Join(e.work, "smithygen")
	if _, err := bench.GoTool(e.root, nil, "build", "-o", e.smithygen, "./cmd/smithygen"); err != nil {
		return err
	}
	started := time.Now()
	load0 := loadavg()
	r := &report{}
	defer func() {
		if e.mod != nil {
			e.mod.Remove()
		}
	}()
	step := func(name string, f func(*report)) {
		fmt.Printf("== %s (%s since start)\n", name, time.Since(started).Round(time.Second))
		f(r)
	}
	if bench.PeakMemoryExact() {
		r.note("Peak memory of child processes is read through GNU time (`/usr/bin/time -f %%M`), which adds a millisecond or two to their wall time: Go starts children with vfork semantics, so their own ru_maxrss would include the runner's peak.")
	} else {
		r.note("GNU time is not installed: peak memory of child processes is an upper bound that includes the runner's own peak (Go starts children with vfork semantics).")
	}
	step("generator speed, whole QuickSight model", e.genSpeed)
	step("default run", e.defaultRun)
	step("JSON codecs", e.jsonCodecs)
	step("fake throughput, action connectors", e.throughput)
	step("handler cost", e.handler)
	if !e.quick {
		step("compile cost", e.compile)
		step("whole-model fake against moto", e.moto)
		step("scale", e.scale)
	} else {
		r.note("-quick: the compile, moto and scale sections were skipped.")
	}
	elapsed := time.Since(started)
	text := e.document(r, started, elapsed, load0, loadavg())
	fmt.Println()
	fmt.Print(text)
	if !filepath.IsAbs(out) {
		out = filepath.Join(e.root, out)
	}
	return os.WriteFile(out, []byte(text), 0o644)
}

func (e *env) document(r *report, started time.Time, elapsed time.Duration, load0, load1 string) string {
	var b strings.Builder
	goVersion, _ := bench.GoTool(e.root, nil, "version")
	fmt.Fprintf(&b, "# Benchmark results\n\n")
	fmt.Fprintf(&b, "Measured %s by `make bench` (`go run ./bench/cmd/benchreport -rounds %d -heavy %d`) in %s.\n\n",
		started.UTC().Format("2006-01-02 15:04 MST"), e.rounds, e.heavy, elapsed.Round(time.Second))
	fmt.Fprintf(&b, "- %s- CPU: %s, %d cores (GOMAXPROCS %d)\n- load average before/after: %s / %s (the machine is shared: compare ratios, not absolute figures)\n\n",
		strings.TrimSpace(string(goVersion))+"\n", cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), load0, load1)
	b.WriteString("Medians of interleaved repetitions; ± is half the range in % of the median. Ratios are the median of the per-round ratios, ours ÷ anchor unless the target says \"faster\" (then anchor ÷ ours).\n\n")
	b.WriteString(r.table())
	for _, s := range r.sections {
		b.WriteString("\n" + s)
	}
	if len(r.notes) > 0 {
		b.WriteString("\n## Notes\n\n")
		for _, n := range r.notes {
			b.WriteString("- " + n + "\n")
		}
	}
	return b.String()
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// runQuiet runs a command, failing when it prints anything on stdout
// (gofmt -l lists files that are not formatted).
func runQuiet(name string, args ...string) (bench.Usage, error) {
	cmd := exec.Command(name, args...)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	u, err := bench.Run(cmd)
	if err == nil && stdout.Len() > 0 && filepath.Base(name) == "gofmt" {
		err = fmt.Errorf("gofmt -l lists unformatted files:\n%s", stdout.String())
	}
	return u, err
}
