// Command protocoltest runs the official Smithy restJson1 protocol compliance
// tests against the servers smithygen generates (`make protocol-test`).
//
// It loads ../shared/smithy/prelude and ../shared/smithy/protocol-tests,
// generates the packages of the two restJson1 test services with every
// artifact plus the opt-in protocoltests one into .protocol-tests/ (a module
// of its own, ignored by git and by ./... of this module), runs
// `go test -json` there offline, and prints every failure and skip with its
// test ID and reason, a line per suite, a total, and last exactly one line
// "N passed, M failed, K skipped". It exits 1 when a case fails or a package
// does not build, and 0 with a message when ../shared is absent.
//
//	go run ./internal/protocoltest [-v] [-run REGEXP] [-skips FILE]
//
// -v lists the passing cases too; -run passes a pattern to go test -run;
// -skips writes the skipped cases as a Markdown list (for the README's
// "Protocol compliance" section).
//
// It may import the standard library and the smithygen packages.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/smithygen/smithygen/generator"
	"github.com/smithygen/smithygen/model/loader"
)

// services are the test services run, and the Go package of each.
var services = []struct{ id, pkg string }{
	{"aws.protocoltests.restjson#RestJson", "restjson"},
	{"aws.protocoltests.restjson.validation#RestJsonValidation", "restjsonvalidation"},
}

// outDir is where the packages are generated, relative to the repository root.
const outDir = ".protocol-tests"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("protocoltest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	runPattern := fs.String("run", "", "run only the Go tests and subtests matching this pattern (go test -run)")
	skipsFile := fs.String("skips", "", "write the skipped cases as a Markdown list to this file")
	verbose := fs.Bool("v", false, "list the passing cases too")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	root, err := repoRoot()
	if err != nil {
		fmt.Fprintln(stderr, "protocoltest:", err)
		return 1
	}
	shared := filepath.Join(root, "..", "shared", "smithy")
	if _, err := os.Stat(filepath.Join(shared, "protocol-tests")); err != nil {
		fmt.Fprintf(stdout, "protocoltest: skipped: %s is absent (../shared, the reference data beside the checkout)\n",
			filepath.Join("..", "shared", "smithy", "protocol-tests"))
		return 0
	}
	if err := generate(root); err != nil {
		fmt.Fprintln(stderr, "protocoltest:", err)
		return 1
	}
	res, err := goTest(filepath.Join(root, outDir), *runPattern)
	if err != nil {
		fmt.Fprintln(stderr, "protocoltest:", err)
		return 1
	}
	res.report(stdout, *verbose)
	if *skipsFile != "" {
		if err := os.WriteFile(*skipsFile, []byte(res.skipsMarkdown()), 0o644); err != nil {
			fmt.Fprintln(stderr, "protocoltest:", err)
			return 1
		}
	}
	if res.failed() > 0 || len(res.broken) > 0 {
		return 1
	}
	return 0
}

// repoRoot is the directory above the working directory holding go.mod and the Makefile.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		_, errMod := os.Stat(filepath.Join(dir, "go.mod"))
		_, errMake := os.Stat(filepath.Join(dir, "Makefile"))
		if errMod == nil && errMake == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("the repository root (go.mod and Makefile) is not above the working directory")
		}
		dir = parent
	}
}

// generate writes the test module: go.mod, go.sum and one package per service.
func generate(root string) error {
	modelDirs := []string{"../shared/smithy/prelude", "../shared/smithy/protocol-tests"}
	var sources []loader.Source
	files, err := loader.Expand(modelDirs)
	if err != nil {
		return err
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return err
		}
		sources = append(sources, loader.Source{Name: filepath.ToSlash(f), Data: data})
	}
	m, err := loader.Load(sources...)
	if err != nil {
		return err
	}
	dir := filepath.Join(root, outDir)
	goMod, goSum, err := moduleFiles(root)
	if err != nil {
		return err
	}
	var rendered []*generator.Rendered
	mod := &generator.Rendered{Target: &generator.Target{Out: dir}, Files: []generator.File{
		{Name: "go.mod", Data: goMod}, {Name: "go.sum", Data: goSum}}}
	rendered = append(rendered, mod)
	for _, s := range services {
		svc, err := m.ServiceByID(s.id)
		if err != nil {
			return err
		}
		pkg, err := generator.BuildIR(m, svc, generator.Options{Package: s.pkg, ImportPath: "protocoltests/" + s.pkg,
			Operations: generator.ProtocolTestOperations(m, svc), Source: strings.Join(modelDirs, ", ")})
		if err != nil {
			return err
		}
		if err := generator.BuildProtocolTests(m, svc, pkg); err != nil {
			return err
		}
		out, err := generator.Generate(pkg, generator.Config{
			Artifacts: slices.Concat(generator.AllArtifacts, []string{generator.ArtifactProtocolTests})})
		if err != nil {
			return fmt.Errorf("%s: %w", s.id, err)
		}
		rendered = append(rendered, &generator.Rendered{Target: &generator.Target{Out: filepath.Join(dir, s.pkg)}, Package: pkg, Files: out})
	}
	changes, _, err := generator.Plan(rendered)
	if err != nil {
		return err
	}
	return generator.Apply(changes)
}

// moduleFiles returns the go.mod of the test module, requiring the
// smithy-go version this module requires, and this module's go.sum.
func moduleFiles(root string) (goMod, goSum []byte, err error) {
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return nil, nil, err
	}
	version := regexp.MustCompile(`(?m)^\s*github\.com/aws/smithy-go (v\S+)`).FindSubmatch(mod)
	if version == nil {
		return nil, nil, errors.New("go.mod does not require github.com/aws/smithy-go")
	}
	goSum, err = os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return nil, nil, err
	}
	goMod = fmt.Appendf(nil, "// Generated by `make protocol-test` (internal/protocoltest). DO NOT EDIT.\nmodule protocoltests\n\ngo 1.26\n\nrequire github.com/aws/smithy-go %s\n", version[1])
	return goMod, goSum, nil
}

// testEvent is a line of go test -json.
type testEvent struct {
	Action     string
	Package    string
	ImportPath string // build-output events: the package being built
	Test       string
	Output     string
}

// caseResult is the outcome of one protocol test case (a subtest).
type caseResult struct {
	suite  string // package/Go test, e.g. restjson/TestHTTPRequestTests
	id     string
	action string // pass, fail, skip
	output []string
}

// results are the outcomes of a go test -json run.
type results struct {
	cases  []*caseResult
	broken []string // packages that failed outside any case (build errors, panics)
}

// goTest runs go test -json in dir, offline, and collects the cases.
func goTest(dir, runPattern string) (*results, error) {
	args := []string{"test", "-json", "-count=1"}
	if runPattern != "" {
		args = append(args, "-run", runPattern)
	}
	cmd := exec.Command("go", append(args, "./...")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	res := parseEvents(out)
	waitErr := cmd.Wait()
	if waitErr != nil && res.failed() == 0 && len(res.broken) == 0 {
		res.broken = append(res.broken, "go test: "+waitErr.Error()+"\n"+stderr.String())
	}
	return res, nil
}

// parseEvents reads a go test -json stream: a case per subtest (the Go
// tests are the suites), and the packages that failed outside any case.
func parseEvents(r io.Reader) *results {
	res := &results{}
	byName := map[string]*caseResult{}
	pkgOutput := map[string][]string{}
	pkgFailed := map[string]bool{}
	var pkgs []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var ev testEvent
		if json.Unmarshal(sc.Bytes(), &ev) != nil {
			continue
		}
		if ev.Action == "build-output" {
			// Compiler errors: ImportPath is "protocoltests/x [protocoltests/x.test]".
			ev.Package, _, _ = strings.Cut(ev.ImportPath, " ")
			ev.Action = "output"
		}
		pkg := strings.TrimPrefix(ev.Package, "protocoltests/")
		if _, ok := pkgOutput[pkg]; !ok {
			pkgs = append(pkgs, pkg)
			pkgOutput[pkg] = nil
		}
		top, id, isCase := strings.Cut(ev.Test, "/")
		switch {
		case ev.Test == "" || !isCase:
			// Output of the package or of a Go test that belongs to no case.
			line := strings.TrimSpace(ev.Output)
			if ev.Action == "output" && !strings.HasPrefix(line, "--- ") && !strings.HasPrefix(line, "=== ") {
				pkgOutput[pkg] = append(pkgOutput[pkg], ev.Output)
			}
			if ev.Action == "fail" && ev.Test == "" {
				pkgFailed[pkg] = true
			}
		default:
			key := pkg + "/" + ev.Test
			c := byName[key]
			if c == nil {
				c = &caseResult{suite: pkg + "/" + top, id: id}
				byName[key] = c
				res.cases = append(res.cases, c)
			}
			switch ev.Action {
			case "output":
				line := strings.TrimRight(ev.Output, "\n")
				if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "=== ") && !strings.HasPrefix(t, "--- ") {
					c.output = append(c.output, line)
				}
			case "pass", "fail", "skip":
				c.action = ev.Action
			}
		}
	}
	for _, pkg := range pkgs {
		if !pkgFailed[pkg] {
			continue
		}
		// A package that failed without a failing case did not build or run;
		// one whose test binary panicked did not run every case.
		out := strings.Join(pkgOutput[pkg], "")
		anyCaseFailed, panicked := false, strings.Contains(out, "panic: ")
		for _, c := range res.cases {
			if c.action == "fail" && strings.HasPrefix(c.suite, pkg+"/") {
				anyCaseFailed = true
				panicked = panicked || slices.ContainsFunc(c.output, func(l string) bool {
					return strings.HasPrefix(strings.TrimSpace(l), "panic: ")
				})
			}
		}
		if !anyCaseFailed || panicked {
			res.broken = append(res.broken, pkg+":\n"+out)
		}
	}
	return res
}

func (r *results) failed() int {
	n := 0
	for _, c := range r.cases {
		if c.action == "fail" {
			n++
		}
	}
	return n
}

// skipReason is the reason a skipped case gave ("<ID>: <reason>"), without its ID.
func (c *caseResult) skipReason() string {
	for _, line := range c.output {
		_, msg, ok := strings.Cut(strings.TrimSpace(line), ".go:")
		if !ok {
			continue
		}
		if _, msg, ok = strings.Cut(msg, ": "); ok {
			return strings.TrimPrefix(msg, c.id+": ")
		}
	}
	return "(no reason given)"
}

// report prints failures, skips (and with verbose passes), a line per suite,
// the total and the count line.
func (r *results) report(w io.Writer, verbose bool) {
	if verbose {
		for _, c := range r.cases {
			if c.action == "pass" {
				fmt.Fprintf(w, "PASS %s/%s\n", c.suite, c.id)
			}
		}
	}
	for _, c := range r.cases {
		if c.action == "fail" {
			fmt.Fprintf(w, "FAIL %s/%s\n", c.suite, c.id)
			for _, line := range c.output {
				fmt.Fprintf(w, "    %s\n", strings.TrimSpace(line))
			}
		}
	}
	for _, b := range r.broken {
		fmt.Fprintf(w, "BROKEN %s\n", strings.TrimRight(b, "\n"))
	}
	for _, c := range r.cases {
		if c.action == "skip" {
			fmt.Fprintf(w, "SKIP %s/%s: %s\n", c.suite, c.id, c.skipReason())
		}
	}
	type count struct{ pass, fail, skip int }
	var suites []string
	counts := map[string]*count{}
	var total count
	for _, c := range r.cases {
		n := counts[c.suite]
		if n == nil {
			n = &count{}
			counts[c.suite] = n
			suites = append(suites, c.suite)
		}
		for _, k := range []*count{n, &total} {
			switch c.action {
			case "pass":
				k.pass++
			case "fail":
				k.fail++
			case "skip":
				k.skip++
			}
		}
	}
	slices.Sort(suites)
	width := 0
	for _, s := range suites {
		width = max(width, len(s))
	}
	for _, s := range suites {
		n := counts[s]
		fmt.Fprintf(w, "%-*s  %4d passed, %3d failed, %3d skipped\n", width, s, n.pass, n.fail, n.skip)
	}
	fmt.Fprintf(w, "%-*s  %4d passed, %3d failed, %3d skipped\n", width, "total", total.pass, total.fail, total.skip)
	if len(r.broken) > 0 {
		fmt.Fprintf(w, "%d package(s) did not build or run: see BROKEN above\n", len(r.broken))
	}
	fmt.Fprintf(w, "%d passed, %d failed, %d skipped\n", total.pass, total.fail, total.skip)
}

// skipsMarkdown lists the skipped cases grouped by reason, for the README. A
// suite whose every case is skipped for one reason is one entry.
func (r *results) skipsMarkdown() string {
	bySuite := map[string][]*caseResult{}
	for _, c := range r.cases {
		bySuite[c.suite] = append(bySuite[c.suite], c)
	}
	byReason := map[string][]string{}
	var reasons []string
	note := func(reason, what string) {
		if _, ok := byReason[reason]; !ok {
			reasons = append(reasons, reason)
		}
		byReason[reason] = append(byReason[reason], what)
	}
	for _, c := range r.cases {
		if c.action != "skip" {
			continue
		}
		cases := bySuite[c.suite]
		whole := !slices.ContainsFunc(cases, func(o *caseResult) bool { return o.action != "skip" || o.skipReason() != c.skipReason() })
		switch {
		case !whole:
			note(c.skipReason(), "`"+c.id+"`")
		case cases[0] == c:
			note(c.skipReason(), fmt.Sprintf("all %d cases of %s", len(cases), c.suite))
		}
	}
	slices.Sort(reasons)
	var b strings.Builder
	for _, reason := range reasons {
		fmt.Fprintf(&b, "- %s: %s\n", reason, strings.Join(byReason[reason], ", "))
	}
	return b.String()
}
