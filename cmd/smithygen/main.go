// Command smithygen generates Go packages from Smithy service models: types,
// restJson1 JSON codecs, validators and a fake server, one package per service.
//
// Usage:
//
//	smithygen [-check] [-v] [-out DIR]
//	    Regenerate the embedded default services (QuickSight, AppFabric,
//	    AppFlow) into DIR (default ./generated).
//
//	smithygen generate -model FILE [-model FILE ...] -out DIR [-service ID] [-ops Op1,Op2] [-pkg NAME] [-artifacts LIST] [-check] [-v]
//	    Generate one service package from model files of any supported
//	    format (Smithy JSON AST, Smithy IDL, botocore service-2 JSON; detected
//	    from the content).
//
//	smithygen generate -config FILE [-check] [-v]
//	    Generate every target of a config file (the go:generate path).
//
//	smithygen ast [-o FILE] MODEL...
//	    Print the model assembled from the files as Smithy JSON AST 2.0
//	    (prelude shapes left out, keys sorted, like the Smithy CLI's
//	    `smithy ast`).
//
//	smithygen diff OLD NEW [-service ID] [-json] [-fail-on LEVEL] [-docs]
//	    Compare two versions of a service model and classify every change as
//	    breaking-wire, breaking-go or compatible (smithygen diff -h, -rules).
//
// Flags of generate:
//
//	-model FILE      a model file; repeat to assemble several files
//	-service ID      the service shape (absolute ID or name); default: the only service
//	-ops LIST        comma-separated operation names to keep (their shapes only); default: all
//	-out DIR         output directory of the package
//	-pkg NAME        Go package name; default: the lower-cased sdkId of the service
//	-artifacts LIST  comma-separated subset of types,json,validators,server; default: all
//	-config FILE     a smithygen.json config file instead of the flags above
//	-check           write nothing; print a unified diff of what would change and exit 1 if anything would
//	-v               print progress on stderr as each target is loaded, built and emitted, then a
//	                 table of the time each phase (load, IR, emit, plan, write) took per target
//
// -check and -v are also flags of smithygen without a command.
//
// Every package is rendered and formatted in memory before anything is
// written; on any error nothing under the output directory changes. Then only
// the files whose bytes changed are written (atomically), and generated files
// no longer produced are removed. Hand-written _test.go files are never touched.
//
// Flags of diff (OLD and NEW are model files of any supported format, even
// mixed; flags may come before or after them):
//
//	-old FILE, -new FILE      instead of OLD NEW; repeat to assemble a side from several files
//	-service ID               the service on both sides; default: each model's only service
//	-old-service, -new-service ID  the service of one side, when the IDs differ
//	-json                     print one JSON document {findings, summary, notes} instead of text
//	-fail-on LEVEL            exit 1 on findings of LEVEL: breaking-wire, breaking-go, breaking (either) or none (default)
//	-docs                     also report documentation changes
//	-rules                    print every rule with its category
//
// Exit status: 0 success, 1 failure (or changes found with -check, or
// findings at the -fail-on level of diff), 2 usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"runtime/debug"
	"strings"
	"time"

	"github.com/smithygen/smithygen/generator"
	"github.com/smithygen/smithygen/model/loader"
	"github.com/smithygen/smithygen/specs"
)

func main() {
	// A run allocates a lot of short-lived text (jennifer trees, rendered
	// files); a less eager collector is faster. On the whole QuickSight model
	// GOGC=400 ran 8% faster than 200 (which ran ~12% faster than the default
	// 100) with about the same peak memory, ~290 MiB, in interleaved runs;
	// 800 gained little more for 384 MiB. GOGC in the environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errUsage marks errors that exit with status 2.
var errUsage = errors.New("usage error")

func run(args []string, stdout, stderr io.Writer) int {
	err := dispatch(args, stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "smithygen:", strings.TrimSuffix(err.Error(), ": "+errUsage.Error()))
		return 2
	case errors.Is(err, errChanges):
		return 1
	default:
		fmt.Fprintln(stderr, "smithygen:", err)
		return 1
	}
}

func usagef(format string, args ...any) error {
	return fmt.Errorf(format+": %w", append(args, errUsage)...)
}

var errChanges = errors.New("changes found")

func dispatch(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		switch args[0] {
		case "generate":
			return cmdGenerate(args[1:], stdout, stderr)
		case "diff":
			return cmdDiff(args[1:], stdout, stderr)
		case "ast":
			return cmdAST(args[1:], stdout, stderr)
		case "version":
			fmt.Fprintln(stdout, "smithygen", version())
			return nil
		default:
			return usagef("unknown command %q (want generate, diff or version; -h for help)", args[0])
		}
	}
	fs := flag.NewFlagSet("smithygen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	check := fs.Bool("check", false, "write nothing; print a diff of what would change and exit 1 if anything would")
	out := fs.String("out", "generated", "output directory of the default packages")
	verboseOn := fs.Bool("v", false, verboseUsage)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: smithygen [-check] [-v] [-out DIR]\n       smithygen generate -h\n       smithygen diff -h\n       smithygen version\n\nWith no command, smithygen regenerates the embedded default services.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	targets, err := defaultTargets(*out)
	if err != nil {
		return err
	}
	return execute(targets, *check, newVerbose(*verboseOn, stderr), stdout, stderr)
}

// verboseUsage is the help text of -v (two lines, so that flag puts it below the flag name).
const verboseUsage = "print progress on stderr, then a table of the time each phase\n(load, IR, emit, plan, write) took per target"

func defaultTargets(out string) ([]*generator.Target, error) {
	var targets []*generator.Target
	for _, d := range specs.Default {
		data, err := specs.FS.ReadFile(d.Model)
		if err != nil {
			return nil, err
		}
		targets = append(targets, &generator.Target{
			Models:  []loader.Source{{Name: path.Join("specs", d.Model), Data: data}},
			Service: d.Service,
			Package: d.Package,
			Out:     path.Join(out, d.Package),
		})
	}
	return targets, nil
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func cmdGenerate(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("smithygen generate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var models listFlag
	fs.Var(&models, "model", "a model file (Smithy JSON AST, IDL or botocore JSON); repeat for several")
	service := fs.String("service", "", "service shape ID or name (default: the model's only service)")
	ops := fs.String("ops", "", "comma-separated operations to generate (default: all)")
	out := fs.String("out", "", "output directory")
	pkg := fs.String("pkg", "", "Go package name (default: lower-cased sdkId)")
	artifacts := fs.String("artifacts", "", "comma-separated artifacts: types,json,validators,server (default: all)")
	config := fs.String("config", "", "config file listing targets (instead of -model/-out)")
	check := fs.Bool("check", false, "write nothing; print a diff of what would change and exit 1 if anything would")
	verboseOn := fs.Bool("v", false, verboseUsage)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: smithygen generate -model FILE [-model FILE ...] -out DIR [flags]\n       smithygen generate -config FILE [-check] [-v]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	var targets []*generator.Target
	if *config != "" {
		if len(models) > 0 || *out != "" || *service != "" || *ops != "" || *pkg != "" || *artifacts != "" {
			return usagef("-config cannot be combined with -model, -out, -service, -ops, -pkg or -artifacts")
		}
		var err error
		if targets, err = generator.LoadConfigFile(*config); err != nil {
			return err
		}
	} else {
		if len(models) == 0 {
			return usagef("generate needs -model FILE (or -config FILE)")
		}
		if *out == "" {
			return usagef("generate needs -out DIR")
		}
		t := &generator.Target{Service: *service, Out: *out, Package: *pkg, Operations: splitList(*ops), Artifacts: splitList(*artifacts)}
		for _, a := range t.Artifacts {
			if !contains(generator.AllArtifacts, a) {
				return usagef("-artifacts: unknown artifact %q (want %s)", a, strings.Join(generator.AllArtifacts, ","))
			}
		}
		for _, m := range models {
			data, err := os.ReadFile(m)
			if err != nil {
				return err
			}
			t.Models = append(t.Models, loader.Source{Name: displayPath(m), Data: data})
		}
		targets = []*generator.Target{t}
	}
	return execute(targets, *check, newVerbose(*verboseOn, stderr), stdout, stderr)
}

// execute renders, plans and (unless check) writes targets; v (nil without
// -v) reports progress and timings.
func execute(targets []*generator.Target, check bool, v *verbose, stdout, stderr io.Writer) error {
	rendered, err := generator.RenderWith(targets, v.renderOptions())
	if err != nil {
		return err
	}
	for _, r := range rendered {
		for _, w := range r.Warnings {
			fmt.Fprintln(stderr, "smithygen: warning:", w)
		}
	}
	changes, sums, err := v.planAll(rendered)
	if err != nil {
		return err
	}
	if check {
		v.checked()
		v.summary()
		if len(changes) == 0 {
			return nil
		}
		fmt.Fprint(stdout, generator.DiffChanges(changes))
		fmt.Fprintf(stdout, "smithygen: %d file(s) out of date; run smithygen without -check to update\n", len(changes))
		return errChanges
	}
	v.writing(changes)
	start := time.Now()
	if err := generator.Apply(changes); err != nil {
		return err
	}
	writeTime := time.Since(start)
	v.wrote(writeTime)
	for i, s := range sums {
		fmt.Fprintf(stdout, "%s (%s)\n", s, (rendered[i].Elapsed + writeTime/time.Duration(len(sums))).Round(time.Millisecond))
	}
	v.summary()
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// displayPath is the path shown in generated headers: as given when relative,
// the base name when absolute (no machine-specific paths in output).
func displayPath(p string) string {
	if path.IsAbs(p) || strings.HasPrefix(p, "/") {
		return path.Base(p)
	}
	return path.Clean(strings.ReplaceAll(p, "\\", "/"))
}
