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

// FormatShare generates m's package in process under the CPU profiler and
// returns the share of generator.Generate's samples spent in
// go/format.Source (jennifer's File.Render formats what it renders, and
// templates are gofmt'd): the format phase, which the pipeline does not
// expose apart from emission. It reads the profile with `go tool pprof`.
func FormatShare(m Model) (float64, error) {
	mod, err := LoadModel(m, nil)
	if err != nil {
		return 0, err
	}
	pkg, err := BuildPackage(mod, m, nil)
	if err != nil {
		return 0, err
	}
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	dir, err := os.MkdirTemp("", "smithygen-profile-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	prof := filepath.Join(dir, "cpu.pprof")
	f, err := os.Create(prof)
	if err != nil {
		return 0, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return 0, err
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
		return 0, err
	}
	var out bytes.Buffer
	cmd := exec.Command("go", "tool", "pprof", "-top", "-cum", "-nodefraction=0", "-focus=generator\\.Generate$", exe, prof)
	cmd.Stdout = &out
	if _, err := Run(cmd); err != nil {
		return 0, err
	}
	total, err := cumSeconds(out.Bytes(), "github.com/smithygen/smithygen/generator.Generate")
	if err != nil {
		return 0, err
	}
	format, err := cumSeconds(out.Bytes(), "go/format.Source")
	if err != nil {
		return 0, err
	}
	return format / total, nil
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
