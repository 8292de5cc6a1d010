package generator

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/loader"
)

// Target is one package to generate.
type Target struct {
	Models     []loader.Source // model files (assembled together)
	Service    string          // service shape ID or name; empty: the model's only service
	Operations []string        // operation filter; empty: all
	Out        string          // output directory
	Package    string          // Go package name; empty: from the service's sdkId
	Artifacts  []string        // empty: all
}

// Rendered is a target rendered in memory, ready to be written.
type Rendered struct {
	Target   *Target
	Package  *Package
	Files    []File
	Warnings []*model.Error // what could not be honoured fully (e.g. patterns RE2 cannot express)
	Elapsed  time.Duration
	Timings  Timings // Elapsed split by phase
}

// Timings splits the time Render spent on one target by phase.
type Timings struct {
	Load       time.Duration // reading, parsing and assembling the model files
	LoadCached bool          // the model was assembled for an earlier target (Load is then ~0)
	IR         time.Duration // finding the service, building the IR (and the protocol tests)
	Emit       time.Duration // emitting and gofmt'ing every file, in memory
}

// Phase is a step of rendering one target, as reported to RenderOptions.Progress.
type Phase string

// The phases of rendering one target, in order.
const (
	PhaseLoad Phase = "load" // about to load the model files (from cache when already loaded)
	PhaseIR   Phase = "ir"   // about to build the IR
	PhaseEmit Phase = "emit" // about to emit the files
	PhaseDone Phase = "done" // rendered: Rendered is set
)

// Progress is one report of RenderWith: target i of n enters phase Phase.
type Progress struct {
	Index, Count int
	Target       *Target
	Phase        Phase
	Cached       bool      // PhaseLoad: the model comes from an earlier target's load
	Rendered     *Rendered // PhaseDone: the result, Timings filled in
}

// RenderOptions are the optional hooks of RenderWith.
type RenderOptions struct {
	// Progress, when set, is called as each target enters each phase, on
	// Render's goroutine (smithygen -v prints these as it goes).
	Progress func(Progress)
}

// Render loads, builds the IR of and renders every target, in memory. It
// fails on the first target with errors, before anything is written.
func Render(targets []*Target) ([]*Rendered, error) {
	return RenderWith(targets, RenderOptions{})
}

// RenderWith is Render with hooks: it reports progress and fills in each
// result's Timings.
func RenderWith(targets []*Target, opts RenderOptions) ([]*Rendered, error) {
	report := func(i int, t *Target, p Progress) {
		if opts.Progress != nil {
			p.Index, p.Count, p.Target = i, len(targets), t
			opts.Progress(p)
		}
	}
	// Models are loaded first, one after the other (targets may share one);
	// a built model is read-only, so the targets are then rendered in
	// parallel, except when progress is reported (its lines stay in order).
	cache := map[string]*model.Model{}
	models := make([]*model.Model, len(targets))
	loadTimes := make([]Timings, len(targets))
	for i, t := range targets {
		start := time.Now()
		key := modelKey(t.Models)
		m, ok := cache[key]
		loadTimes[i].LoadCached = ok
		report(i, t, Progress{Phase: PhaseLoad, Cached: ok})
		if !ok {
			var err error
			m, err = loader.Load(t.Models...)
			if err != nil {
				return nil, err
			}
			cache[key] = m
		}
		loadTimes[i].Load = time.Since(start)
		models[i] = m
	}
	out := make([]*Rendered, len(targets))
	errs := make([]error, len(targets))
	render := func(i int) {
		t, m, tm := targets[i], models[i], loadTimes[i]
		start := time.Now().Add(-tm.Load)
		report(i, t, Progress{Phase: PhaseIR})
		irStart := time.Now()
		svc, err := m.ServiceByID(t.Service)
		if err != nil {
			errs[i] = fmt.Errorf("%s: %w", sourceNames(t.Models), err)
			return
		}
		pkg, err := BuildIR(m, svc, Options{Package: t.Package, Operations: t.Operations, Source: sourceNames(t.Models)})
		if err != nil {
			errs[i] = err
			return
		}
		cfg := Config{Artifacts: t.Artifacts}
		if cfg.enabled(ArtifactProtocolTests) {
			if err := BuildProtocolTests(m, svc, pkg); err != nil {
				errs[i] = err
				return
			}
		}
		tm.IR = time.Since(irStart)
		report(i, t, Progress{Phase: PhaseEmit})
		emitStart := time.Now()
		files, err := Generate(pkg, cfg)
		if err != nil {
			errs[i] = fmt.Errorf("%s: %w", t.Out, err)
			return
		}
		tm.Emit = time.Since(emitStart)
		r := &Rendered{Target: t, Package: pkg, Files: files, Warnings: pkg.Warnings, Elapsed: time.Since(start), Timings: tm}
		out[i] = r
		report(i, t, Progress{Phase: PhaseDone, Rendered: r})
	}
	if opts.Progress != nil || len(targets) == 1 {
		for i := range targets {
			if render(i); errs[i] != nil {
				return nil, errs[i]
			}
		}
	} else {
		var wg sync.WaitGroup
		for i := range targets {
			wg.Add(1)
			go func() {
				defer wg.Done()
				render(i)
			}()
		}
		wg.Wait()
		for _, err := range errs { // the first failing target, in config order
			if err != nil {
				return nil, err
			}
		}
	}
	if err := checkOutDirs(out); err != nil {
		return nil, err
	}
	return out, nil
}

func checkOutDirs(rs []*Rendered) error {
	seen := map[string]bool{}
	for _, r := range rs {
		d := path.Clean(r.Target.Out)
		if seen[d] {
			return fmt.Errorf("two targets write to %s", d)
		}
		seen[d] = true
	}
	return nil
}

func modelKey(sources []loader.Source) string {
	names := make([]string, len(sources))
	for i, s := range sources {
		names[i] = s.Name
	}
	slices.Sort(names)
	return strings.Join(names, "\x00")
}

func sourceNames(sources []loader.Source) string {
	names := make([]string, len(sources))
	for i, s := range sources {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}
