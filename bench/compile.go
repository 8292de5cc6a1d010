package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// Usage is what one child process used.
type Usage struct {
	Wall    time.Duration
	CPU     time.Duration // user + system
	MaxRSS  int64         // peak resident set, bytes
	Outputs int           // lines the child printed (for sanity checks)
}

// CPUShare is CPU time over wall time: 1 means one core busy throughout, 2
// both cores of this machine.
func (u Usage) CPUShare() float64 {
	if u.Wall <= 0 {
		return 0
	}
	return float64(u.CPU) / float64(u.Wall)
}

// Run runs cmd to completion and reports its usage from wait4's rusage.
func Run(cmd *exec.Cmd) (Usage, error) {
	var stderr bytes.Buffer
	if cmd.Stderr == nil {
		cmd.Stderr = &stderr
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Usage{}, fmt.Errorf("%s: %w\n%s", strings.Join(cmd.Args, " "), err, tail(stderr.String(), 2000))
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return Usage{Wall: wall}, nil
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return Usage{Wall: wall, CPU: cpu, MaxRSS: ru.Maxrss * 1024}, nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// GoTool runs `go args...` in dir and returns its standard output.
func GoTool(dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s (in %s): %w\n%s", strings.Join(args, " "), dir, err, tail(stderr.String(), 3000))
	}
	return out, nil
}

// listedPackage is what `go list -json` says of a package.
type listedPackage struct {
	ImportPath string
	Dir        string
	Export     string
	Standard   bool
	GoFiles    []string
	CgoFiles   []string
	SFiles     []string
	EmbedFiles []string
	Module     *struct {
		Path      string
		GoVersion string
	}
}

// CompileJob compiles a set of Go packages with the compiler alone, as
// `go build` would with a fresh cache for these packages and every other
// dependency already built: `go list -export -deps` builds the dependencies
// (in the shared build cache) and names their export data; each measured
// package is then compiled by $GOTOOLDIR/compile with the flags `go build`
// passes (-p, -lang, -complete, -c, -importcfg, -pack), in dependency order.
type CompileJob struct {
	Name     string
	compiler string
	dir      string // where to run the compiler
	pkgs     []listedPackage
	cfg      string // importcfg file
	out      string // scratch directory for archives
}

// NewCompileJob prepares compiling the packages of pattern in dir (a module
// directory) whose import path satisfies measure; every other dependency is
// built first. work is a scratch directory.
func NewCompileJob(name, dir, pattern string, measure func(importPath string) bool, work string, env []string) (*CompileJob, error) {
	out, err := GoTool(dir, env, "list", "-export", "-deps", "-json", pattern)
	if err != nil {
		return nil, err
	}
	tooldir, err := GoTool(dir, env, "env", "GOTOOLDIR")
	if err != nil {
		return nil, err
	}
	job := &CompileJob{Name: name, compiler: filepath.Join(strings.TrimSpace(string(tooldir)), "compile"), dir: dir, out: work}
	var cfg strings.Builder
	cfg.WriteString("# import config\n")
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, err
		}
		if measure(p.ImportPath) {
			if len(p.CgoFiles)+len(p.SFiles)+len(p.EmbedFiles) > 0 {
				return nil, fmt.Errorf("%s: cgo, assembly or embedded files are not supported", p.ImportPath)
			}
			job.pkgs = append(job.pkgs, p)
			// Later packages of the job import this one's fresh archive.
			fmt.Fprintf(&cfg, "packagefile %s=%s\n", p.ImportPath, job.archive(p))
			continue
		}
		if p.Export == "" {
			return nil, fmt.Errorf("%s: go list gave no export data", p.ImportPath)
		}
		fmt.Fprintf(&cfg, "packagefile %s=%s\n", p.ImportPath, p.Export)
	}
	if len(job.pkgs) == 0 {
		return nil, fmt.Errorf("%s: no package to measure in %s", name, pattern)
	}
	job.cfg = filepath.Join(work, "importcfg")
	if err := os.WriteFile(job.cfg, []byte(cfg.String()), 0o644); err != nil {
		return nil, err
	}
	return job, nil
}

func (j *CompileJob) archive(p listedPackage) string {
	return filepath.Join(j.out, strings.NewReplacer("/", "_", ".", "_").Replace(p.ImportPath)+".a")
}

// Packages returns the import paths the job compiles.
func (j *CompileJob) Packages() []string {
	var out []string
	for _, p := range j.pkgs {
		out = append(out, p.ImportPath)
	}
	return out
}

// Lines counts the lines of Go source the job compiles.
func (j *CompileJob) Lines() (int, error) {
	n := 0
	for _, p := range j.pkgs {
		for _, f := range p.GoFiles {
			data, err := os.ReadFile(filepath.Join(p.Dir, f))
			if err != nil {
				return 0, err
			}
			n += bytes.Count(data, []byte("\n"))
		}
	}
	return n, nil
}

// Run compiles every package of the job once: wall and CPU times add up,
// MaxRSS is the largest compiler process.
func (j *CompileJob) Run() (Usage, error) {
	var total Usage
	for _, p := range j.pkgs {
		lang := "go1.26"
		if p.Module != nil && p.Module.GoVersion != "" {
			lang = "go" + p.Module.GoVersion
		}
		args := []string{"-o", j.archive(p), "-p", p.ImportPath, "-lang=" + lang, "-complete",
			"-goversion", runtime.Version(), fmt.Sprintf("-c=%d", min(4, runtime.GOMAXPROCS(0))),
			"-nolocalimports", "-importcfg", j.cfg, "-pack"}
		for _, f := range p.GoFiles {
			args = append(args, filepath.Join(p.Dir, f))
		}
		cmd := exec.Command(j.compiler, args...)
		cmd.Dir = j.dir
		u, err := Run(cmd)
		if err != nil {
			return Usage{}, err
		}
		total.Wall += u.Wall
		total.CPU += u.CPU
		total.MaxRSS = max(total.MaxRSS, u.MaxRSS)
	}
	return total, nil
}
