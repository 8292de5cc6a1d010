package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Usage is what one child process used.
type Usage struct {
	Wall     time.Duration
	CPU      time.Duration // user + system
	MaxRSS   int64         // peak resident set, bytes
	RSSExact bool          // MaxRSS is the child's own (see Run)
}

// CPUShare is CPU time over wall time: 1 means one core busy throughout, 2
// both cores of this machine.
func (u Usage) CPUShare() float64 {
	if u.Wall <= 0 {
		return 0
	}
	return float64(u.CPU) / float64(u.Wall)
}

// gnuTime is GNU time, when installed: see Run.
var gnuTime = func() string {
	if _, err := os.Stat("/usr/bin/time"); err == nil {
		return "/usr/bin/time"
	}
	return ""
}()

// Run runs cmd to completion and reports its wall time, its CPU time (from
// wait4's rusage) and its peak resident set.
//
// The peak is read through GNU time when it is installed. On Linux, Go
// starts children with vfork semantics, and a child's ru_maxrss keeps the
// high-water mark of the memory it shared with its parent before exec: the
// whole runner's. GNU time forks its child from a small process, so the
// child's figure is its own. Without GNU time MaxRSS is an upper bound that
// includes the parent's peak (RSSExact is false).
func Run(cmd *exec.Cmd) (Usage, error) {
	var stderr bytes.Buffer
	if cmd.Stderr == nil {
		cmd.Stderr = &stderr
	}
	var rssFile string
	if gnuTime != "" {
		f, err := os.CreateTemp("", "smithygen-bench-rss-")
		if err != nil {
			return Usage{}, err
		}
		f.Close()
		rssFile = f.Name()
		defer os.Remove(rssFile)
		cmd.Args = append([]string{gnuTime, "-f", "%M", "-o", rssFile, cmd.Path}, cmd.Args[1:]...)
		cmd.Path = gnuTime
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Usage{}, fmt.Errorf("%s: %w\n%s", strings.Join(cmd.Args, " "), err, tail(stderr.String(), 2000))
	}
	u := Usage{Wall: wall}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		u.MaxRSS = ru.Maxrss * 1024
	}
	if rssFile != "" {
		data, err := os.ReadFile(rssFile)
		if err != nil {
			return Usage{}, err
		}
		fields := strings.Fields(string(data))
		if len(fields) == 0 {
			return Usage{}, fmt.Errorf("%s wrote no peak memory", gnuTime)
		}
		kb, err := strconv.ParseInt(fields[len(fields)-1], 10, 64)
		if err != nil {
			return Usage{}, fmt.Errorf("%s: %w", gnuTime, err)
		}
		u.MaxRSS, u.RSSExact = kb*1024, true
	}
	return u, nil
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
	Flags    []string // extra compiler flags (experiments: -l, -m, ...)
	compiler string
	dir      string // where to run the compiler
	pkgs     []listedPackage
	cfg      string // importcfg file
	out      string // scratch directory for archives
	env      []string
	exports  map[string]string // import path -> archive, for every package
}

// NewCompileJob prepares compiling the packages of pattern in dir (a module
// directory) whose import path satisfies measure; every other dependency is
// built first (into the shared build cache), the measured packages are not.
// work is a scratch directory.
func NewCompileJob(name, dir, pattern string, measure func(importPath string) bool, work string, env []string) (*CompileJob, error) {
	tooldir, err := GoTool(dir, env, "env", "GOTOOLDIR")
	if err != nil {
		return nil, err
	}
	job := &CompileJob{Name: name, compiler: filepath.Join(strings.TrimSpace(string(tooldir)), "compile"), dir: dir, out: work, env: env}
	all, err := listPackages(dir, env, false, pattern)
	if err != nil {
		return nil, err
	}
	var deps []string
	for _, p := range all {
		switch {
		case measure(p.ImportPath):
			if len(p.CgoFiles)+len(p.SFiles)+len(p.EmbedFiles) > 0 {
				return nil, fmt.Errorf("%s: cgo, assembly or embedded files are not supported", p.ImportPath)
			}
			job.pkgs = append(job.pkgs, p)
		case p.ImportPath != "unsafe": // unsafe is built into the compiler
			deps = append(deps, p.ImportPath)
		}
	}
	if len(job.pkgs) == 0 {
		return nil, fmt.Errorf("%s: no package to measure in %s", name, pattern)
	}
	if job.exports, err = exports(dir, env, deps); err != nil {
		return nil, err
	}
	for _, p := range job.pkgs {
		// Later packages of the job import this one's fresh archive.
		job.exports[p.ImportPath] = job.archive(p)
	}
	job.cfg = filepath.Join(work, "importcfg")
	if err := writeImportcfg(job.cfg, job.exports); err != nil {
		return nil, err
	}
	return job, nil
}

// listPackages runs go list -deps -json (with -export when export is set).
func listPackages(dir string, env []string, export bool, args ...string) ([]listedPackage, error) {
	flags := []string{"list", "-deps", "-json"}
	if export {
		flags = append(flags, "-export")
	}
	out, err := GoTool(dir, env, append(flags, args...)...)
	if err != nil {
		return nil, err
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			return pkgs, nil
		} else if err != nil {
			return nil, err
		}
		pkgs = append(pkgs, p)
	}
}

// exports builds pkgs and their dependencies and returns the export data
// (the compiled archive) of each, by import path.
func exports(dir string, env []string, pkgs []string) (map[string]string, error) {
	out := map[string]string{}
	if len(pkgs) == 0 {
		return out, nil
	}
	listed, err := listPackages(dir, env, true, pkgs...)
	if err != nil {
		return nil, err
	}
	for _, p := range listed {
		if p.ImportPath == "unsafe" {
			continue
		}
		if p.Export == "" {
			return nil, fmt.Errorf("%s: go list gave no export data", p.ImportPath)
		}
		out[p.ImportPath] = p.Export
	}
	return out, nil
}

func writeImportcfg(file string, exports map[string]string) error {
	var b strings.Builder
	b.WriteString("# import config\n")
	for _, path := range slices.Sorted(maps.Keys(exports)) {
		fmt.Fprintf(&b, "packagefile %s=%s\n", path, exports[path])
	}
	return os.WriteFile(file, []byte(b.String()), 0o644)
}

// Link builds the command mainPkg (a pattern in the job's directory) into
// exe with the archives the job compiled (Run must have run), without
// compiling those packages again: the main package is compiled and linked
// with the compiler and linker directly.
func (j *CompileJob) Link(mainPkg, exe string) error {
	all, err := listPackages(j.dir, j.env, false, mainPkg)
	if err != nil {
		return err
	}
	main := all[len(all)-1]
	var deps []string
	for _, p := range all[:len(all)-1] {
		if _, ok := j.exports[p.ImportPath]; !ok && p.ImportPath != "unsafe" {
			deps = append(deps, p.ImportPath)
		}
	}
	more, err := exports(j.dir, j.env, deps)
	if err != nil {
		return err
	}
	maps.Copy(more, j.exports)
	cfg := filepath.Join(j.out, "importcfg.link")
	if err := writeImportcfg(cfg, more); err != nil {
		return err
	}
	obj := filepath.Join(j.out, "main.a")
	args := []string{"-o", obj, "-p", "main", "-lang=go1.26", "-complete", "-importcfg", cfg, "-pack"}
	for _, f := range main.GoFiles {
		args = append(args, filepath.Join(main.Dir, f))
	}
	if _, err := Run(exec.Command(j.compiler, args...)); err != nil {
		return err
	}
	linker := filepath.Join(filepath.Dir(j.compiler), "link")
	_, err = Run(exec.Command(linker, "-o", exe, "-importcfg", cfg, "-buildmode=exe", obj))
	return err
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
		args = append(args, j.Flags...)
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
		total.RSSExact = u.RSSExact
	}
	return total, nil
}

// PeakMemoryExact tells whether Run measures a child's own peak memory
// (GNU time is installed) rather than an upper bound.
func PeakMemoryExact() bool { return gnuTime != "" }
