package modeldiff

import (
	"fmt"

	"github.com/smithygen/smithygen/model"
)

// Options control a comparison.
type Options struct {
	// OldService and NewService choose the service on each side (absolute
	// shape ID or name); "" picks the model's only service.
	OldService, NewService string
	// Documentation reports ChangedDocumentation findings.
	Documentation bool
}

// Diff compares the service of old with the service of new. It fails only
// when a service cannot be chosen.
func Diff(old, new *model.Model, opts Options) (*Report, error) {
	osvc, err := old.ServiceByID(opts.OldService)
	if err != nil {
		return nil, fmt.Errorf("old model: %w", err)
	}
	nsvc, err := new.ServiceByID(opts.NewService)
	if err != nil {
		return nil, fmt.Errorf("new model: %w", err)
	}
	d := &differ{opts: opts, old: newSide("old", old, osvc), new: newSide("new", new, nsvc)}
	d.p = pairShapes(d.old, d.new)
	d.wire()
	d.goAPI()
	sortFindings(d.findings)
	return &Report{Findings: d.findings, Notes: d.notes}, nil
}

type differ struct {
	opts     Options
	old, new *side
	p        *pairing
	findings []Finding
	notes    []string
}

// add records a finding.
func (d *differ) add(rule string, cat Category, shape model.ShapeID, member, old, new, format string, args ...any) {
	d.findings = append(d.findings, Finding{Rule: rule, Category: cat, Shape: shape.Root(), Member: member,
		Message: fmt.Sprintf(format, args...), Old: old, New: new})
}

// usage tells where a matched shape is used, on either side.
type usage struct{ input, output bool }

func (d *differ) usage(old, new model.ShapeID) usage {
	return usage{input: d.old.input[old] || d.new.input[new], output: d.old.output[old] || d.new.output[new]}
}

// restricts classifies a change that restricts what a request may carry.
func (u usage) restricts() (Category, string) {
	if u.input {
		return BreakingWire, " (used in input)"
	}
	return Compatible, " (output only)"
}

// weakens classifies a change that weakens what a response promises.
func (u usage) weakens() (Category, string) {
	if u.output {
		return BreakingWire, " (used in output)"
	}
	return Compatible, " (input only)"
}
