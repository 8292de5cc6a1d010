package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"strconv"
)

// RenderProfile is how the CPU time of generator.Generate divides, from a
// CPU profile of it: the generator's emitters and jennifer's rendering,
// go/format (the generator gofmts what jennifer renders, on every core), and
// the garbage collector's background work. Shares add up to 1.
type RenderProfile struct {
	Emit, Format, GC float64
}

// ProfileRender generates m's package in process under the CPU profiler and
// splits the CPU time of generator.Generate: the pipeline does not expose
// emission and formatting apart. Nothing else may run in the process
// meanwhile: every sample counts. It reads the profile with `go tool pprof`.
func ProfileRender(m Model) (RenderProfile, error) {
	mod, err := LoadModel(m, nil)
	if err != nil {
		return RenderProfile{}, err
	}
	pkg, err := BuildPackage(mod, m, nil)
	if err != nil {
		return RenderProfile{}, err
	}
	exe, err := os.Executable()
	if err != nil {
		return RenderProfile{}, err
	}
	dir, err := os.MkdirTemp("", "smithygen-profile-")
	if err != nil {
		return RenderProfile{}, err
	}
	defer os.RemoveAll(dir)
	prof := filepath.Join(dir, "cpu.pprof")
	f, err := os.Create(prof)
	if err != nil {
		return RenderProfile{}, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return RenderProfile{}, err
	}
	// Twice, for more samples.
	for range 2 {
		if _, err = Render(pkg, nil); err != nil {
			break
		}
	}
	pprof.StopCPUProfile()
	f.Close()
	if err != nil {
		return RenderProfile{}, err
	}
	var out bytes.Buffer
	cmd := exec.Command("go", "tool", "pprof", "-top", "-cum", "-nodefraction=0", "-nodecount=100000", exe, prof)
	cmd.Stdout = &out
	if _, err := Run(cmd); err != nil {
		return RenderProfile{}, err
	}
	total, err := totalSeconds(out.Bytes())
	if err != nil {
		return RenderProfile{}, err
	}
	format, err := cumSeconds(out.Bytes(), "go/format.Source")
	if err != nil {
		return RenderProfile{}, err
	}
	gc, _ := cumSeconds(out.Bytes(), "runtime.gcBgMarkWorker") // absent when no GC cycle ran
	return RenderProfile{Emit: (total - format - gc) / total, Format: format / total, GC: gc / total}, nil
}

// totalSeconds reads "Total samples = 12.14s" from `pprof -top` output.
func totalSeconds(top []byte) (float64, error) {
	sub := regexp.MustCompile(`Total samples = ([0-9.]+)(m?s)`).FindSubmatch(top)
	if sub == nil {
		return 0, fmt.Errorf("pprof: no total")
	}
	v, err := strconv.ParseFloat(string(sub[1]), 64)
	if string(sub[2]) == "ms" {
		v /= 1000
	}
	return v, err
}

// cumSeconds reads the cumulative time of fn from `pprof -top -cum` output.
func cumSeconds(top []byte, fn string) (float64, error) {
	re := regexp.MustCompile(`(?m)^\s*\S+\s+\S+\s+\S+\s+([0-9.]+)(m?s)\s+\S+\s+` + regexp.QuoteMeta(fn) + `\s*$`)
	sub := re.FindSubmatch(top)
	if sub == nil {
		return 0, fmt.Errorf("pprof: no line for %s", fn)
	}
	v, err := strconv.ParseFloat(string(sub[1]), 64)
	if string(sub[2]) == "ms" {
		v /= 1000
	}
	return v, err
}
