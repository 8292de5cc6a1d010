package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/loader"
	"github.com/smithygen/smithygen/model/modeldiff"
)

// diffUsage is the help text of smithygen diff.
const diffUsage = `usage: smithygen diff [flags] OLD NEW
       smithygen diff [flags] -old FILE [-old FILE ...] -new FILE [-new FILE ...]
       smithygen diff -rules

Compares two versions of a service model (files of any supported format, even
mixed: Smithy JSON AST, IDL, botocore service-2 JSON) and prints one line per
finding, "category shape$member Rule: message", sorted by severity then shape
ID, then "N breaking-wire, M breaking-go, K compatible".

Categories: breaking-wire (breaks existing clients or servers), breaking-go
(breaks Go code compiled against the generated package, not the wire),
compatible. Exit status: 0, or 1 when -fail-on finds a finding of its level
or a model cannot be loaded; 2 on usage errors.

Flags:`

// cmdDiff runs smithygen diff.
func cmdDiff(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("smithygen diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var olds, news listFlag
	fs.Var(&olds, "old", "a file of the old model; repeat to assemble several (instead of OLD)")
	fs.Var(&news, "new", "a file of the new model; repeat to assemble several (instead of NEW)")
	service := fs.String("service", "", "service shape ID or name on both sides (default: each model's only service)")
	oldService := fs.String("old-service", "", "service of the old model, when it differs from -service")
	newService := fs.String("new-service", "", "service of the new model, when it differs from -service")
	asJSON := fs.Bool("json", false, "print one JSON document instead of text")
	failOn := fs.String("fail-on", "none", "exit 1 on findings of this level: breaking-wire, breaking-go, breaking (either) or none")
	docs := fs.Bool("docs", false, "also report documentation changes (ChangedDocumentation)")
	rules := fs.Bool("rules", false, "print the rules with their categories and exit")
	fs.Usage = func() {
		fmt.Fprintln(stderr, diffUsage)
		fs.PrintDefaults()
	}
	// Flags may come before, between and after OLD and NEW.
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return usagef("diff: %v", err)
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if *rules {
		return writeRules(stdout)
	}
	fail, ok := failLevels[*failOn]
	if !ok {
		return usagef("diff: -fail-on %q: want breaking-wire, breaking-go, breaking or none", *failOn)
	}
	switch {
	case len(positional) > 0 && (len(olds) > 0 || len(news) > 0):
		return usagef("diff: give OLD NEW or -old/-new files, not both")
	case len(positional) == 2:
		olds, news = listFlag{positional[0]}, listFlag{positional[1]}
	case len(positional) > 0:
		return usagef("diff: want two model files, OLD and NEW (got %d arguments; use -old/-new to give several files per side)", len(positional))
	case len(olds) == 0 || len(news) == 0:
		return usagef("diff: want two model files, OLD and NEW (or -old FILE and -new FILE)")
	}
	opts := modeldiff.Options{OldService: *service, NewService: *service, Documentation: *docs}
	if *oldService != "" {
		opts.OldService = *oldService
	}
	if *newService != "" {
		opts.NewService = *newService
	}
	oldModel, err := loadModel(olds)
	if err != nil {
		return fmt.Errorf("old model: %w", err)
	}
	newModel, err := loadModel(news)
	if err != nil {
		return fmt.Errorf("new model: %w", err)
	}
	report, err := modeldiff.Diff(oldModel, newModel, opts)
	if err != nil {
		return err
	}
	for _, n := range report.Notes {
		fmt.Fprintln(stderr, "smithygen diff: note:", n)
	}
	if *asJSON {
		err = report.WriteJSON(stdout)
	} else {
		err = report.WriteText(stdout)
	}
	if err != nil {
		return err
	}
	var failing int
	for _, f := range report.Findings {
		if fail[f.Category] {
			failing++
		}
	}
	if failing > 0 {
		return fmt.Errorf("diff: %d %s finding(s) (-fail-on %s)", failing, *failOn, *failOn)
	}
	return nil
}

// failLevels maps each -fail-on value to the categories that fail.
var failLevels = map[string]map[modeldiff.Category]bool{
	"none":          {},
	"breaking-wire": {modeldiff.BreakingWire: true},
	"breaking-go":   {modeldiff.BreakingGo: true},
	"breaking":      {modeldiff.BreakingWire: true, modeldiff.BreakingGo: true},
}

func loadModel(paths []string) (*model.Model, error) {
	var sources []loader.Source
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		sources = append(sources, loader.Source{Name: displayPath(p), Data: data})
	}
	return loader.Load(sources...)
}

// writeRules prints the rule table, two lines a rule:
//
//	RuleName [category]
//	    what it reports
func writeRules(w io.Writer) error {
	for _, r := range modeldiff.Rules {
		if _, err := fmt.Fprintf(w, "%s [%s]\n    %s\n", r.Name, r.Category, r.Doc); err != nil {
			return err
		}
	}
	return nil
}
