package generator

import (
	"fmt"
	"path"
	"slices"
	"strings"
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
}

// Render loads, builds the IR of and renders every target, in memory. It
// fails on the first target with errors, before anything is written.
func Render(targets []*Target) ([]*Rendered, error) {
	cache := map[string]*model.Model{}
	var out []*Rendered
	for _, t := range targets {
		start := time.Now()
		key := modelKey(t.Models)
		m, ok := cache[key]
		if !ok {
			var err error
			m, err = loader.Load(t.Models...)
			if err != nil {
				return nil, err
			}
			cache[key] = m
		}
		svc, err := m.ServiceByID(t.Service)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", sourceNames(t.Models), err)
		}
		pkg, err := BuildIR(m, svc, Options{Package: t.Package, Operations: t.Operations, Source: sourceNames(t.Models)})
		if err != nil {
			return nil, err
		}
		cfg := Config{Artifacts: t.Artifacts}
		if cfg.enabled(ArtifactProtocolTests) {
			if err := BuildProtocolTests(m, svc, pkg); err != nil {
				return nil, err
			}
		}
		files, err := Generate(pkg, cfg)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t.Out, err)
		}
		out = append(out, &Rendered{Target: t, Package: pkg, Files: files, Warnings: pkg.Warnings, Elapsed: time.Since(start)})
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
