package bench

import (
	"fmt"
	"go/format"
	"syscall"
	"time"

	"github.com/smithygen/smithygen/generator"
	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/astjson"
	"github.com/smithygen/smithygen/model/botocore"
	"github.com/smithygen/smithygen/model/loader"
)

// Phases is the time one generation spends in each step of the pipeline,
// measured by calling the generator's functions one by one:
//
//	load   parse the file into a model.Builder (botocore.Load / astjson.Load)
//	build  model.Builder.Build: prelude, mixins, apply, validation
//	IR     generator.BuildIR
//	render generator.Generate: the emitters, jennifer's rendering and
//	       go/format (jennifer's File.Render formats what it renders; the
//	       pipeline does not expose the two apart: FormatShare splits them)
//	write  generator.Plan and generator.Apply into an empty directory
//
// Format is a cross-check, not a phase: go/format.Source run once more over
// the rendered (already formatted) files.
type Phases struct {
	Load, Build, IR, Render, Format, Write time.Duration
	// CPU is the process's CPU time (user + system, every thread: GC
	// included) over the pipeline (the extra Format pass left out);
	// steadier than wall time on a shared machine.
	CPU      time.Duration
	Shapes   int // shapes in the model, prelude included
	IRShapes int // shapes of the generated package
	Files    int
	Bytes    int
}

// Total is the pipeline's wall time, the extra format pass left out.
func (p Phases) Total() time.Duration { return p.Load + p.Build + p.IR + p.Render + p.Write }

// LoadModel runs the load and build phases.
func LoadModel(m Model, ph *Phases) (*model.Model, error) {
	start := time.Now()
	b := model.NewBuilder()
	switch loader.Detect(m.Data) {
	case loader.FormatBotocore:
		botocore.Load(b, m.Name, m.Data)
	case loader.FormatAST:
		astjson.Load(b, m.Name, m.Data)
	default:
		return nil, fmt.Errorf("%s: only JSON AST and botocore models are measured", m.Name)
	}
	mid := time.Now()
	mod, err := b.Build()
	end := time.Now()
	if ph != nil {
		ph.Load, ph.Build, ph.Shapes = mid.Sub(start), end.Sub(mid), 0
		if mod != nil {
			ph.Shapes = mod.Len()
		}
	}
	return mod, err
}

// BuildPackage runs the IR phase.
func BuildPackage(mod *model.Model, m Model, ph *Phases) (*generator.Package, error) {
	start := time.Now()
	svc, err := mod.ServiceByID(m.Service)
	if err != nil {
		return nil, err
	}
	pkg, err := generator.BuildIR(mod, svc, generator.Options{Package: m.Package, Source: m.Name})
	if ph != nil {
		ph.IR = time.Since(start)
		if pkg != nil {
			ph.IRShapes = len(pkg.Shapes)
		}
	}
	return pkg, err
}

// Render runs the render phase (every artifact).
func Render(pkg *generator.Package, ph *Phases) ([]generator.File, error) {
	start := time.Now()
	files, err := generator.Generate(pkg, generator.Config{})
	if ph != nil {
		ph.Render = time.Since(start)
		ph.Files, ph.Bytes = len(files), 0
		for _, f := range files {
			ph.Bytes += len(f.Data)
		}
	}
	return files, err
}

// FormatAgain runs go/format.Source over every file: the format phase.
func FormatAgain(files []generator.File, ph *Phases) error {
	start := time.Now()
	for _, f := range files {
		if _, err := format.Source(f.Data); err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	if ph != nil {
		ph.Format = time.Since(start)
	}
	return nil
}

// Write runs the write phase into dir.
func Write(files []generator.File, dir string, ph *Phases) error {
	start := time.Now()
	r := &generator.Rendered{Target: &generator.Target{Out: dir}, Files: files}
	changes, _, err := generator.Plan([]*generator.Rendered{r})
	if err != nil {
		return err
	}
	if err := generator.Apply(changes); err != nil {
		return err
	}
	if ph != nil {
		ph.Write = time.Since(start)
	}
	return nil
}

// Generate runs every phase of m, writing into dir (nothing is written when
// dir is empty), and returns the rendered files.
func Generate(m Model, dir string) (ph Phases, files []generator.File, err error) {
	cpu0 := processCPU()
	var again time.Duration // CPU of the extra format pass, left out of ph.CPU
	defer func() { ph.CPU = processCPU() - cpu0 - again }()
	mod, err := LoadModel(m, &ph)
	if err != nil {
		return ph, nil, err
	}
	pkg, err := BuildPackage(mod, m, &ph)
	if err != nil {
		return ph, nil, err
	}
	files, err = Render(pkg, &ph)
	if err != nil {
		return ph, nil, fmt.Errorf("%s: %w", m.Name, err)
	}
	before := processCPU()
	if err := FormatAgain(files, &ph); err != nil {
		return ph, nil, err
	}
	again = processCPU() - before
	if dir != "" {
		if err := Write(files, dir, &ph); err != nil {
			return ph, nil, err
		}
	}
	return ph, files, nil
}

// processCPU is the CPU time this process has used so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
