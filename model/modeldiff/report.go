package modeldiff

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/smithygen/smithygen/model"
)

// Finding is one difference between the two versions.
type Finding struct {
	Rule     string
	Category Category
	// Shape is the root shape ID the finding is about: the new shape's ID, or
	// the old one's when the shape is gone.
	Shape model.ShapeID
	// Member is the member name (an enum's member name for enum values), or "".
	Member string
	// Message says what changed, old and new values included.
	Message string
	// Old and New are the values compared, as text ("" when absent).
	Old, New string
}

// Location renders the shape ID with its member, if any.
func (f *Finding) Location() string {
	if f.Member == "" {
		return f.Shape.String()
	}
	return f.Shape.WithMember(f.Member).String()
}

// Report is the result of a comparison.
type Report struct {
	// Findings, sorted by category (most severe first), shape ID, member, rule and message.
	Findings []Finding
	// Notes are remarks on the comparison itself, e.g. why the Go API was not compared.
	Notes []string
}

// Summary counts findings by category.
type Summary struct {
	BreakingWire int `json:"breaking-wire"`
	BreakingGo   int `json:"breaking-go"`
	Compatible   int `json:"compatible"`
	Total        int `json:"total"`
}

// Summary counts the findings of r by category.
func (r *Report) Summary() Summary {
	var s Summary
	for _, f := range r.Findings {
		switch f.Category {
		case BreakingWire:
			s.BreakingWire++
		case BreakingGo:
			s.BreakingGo++
		default:
			s.Compatible++
		}
		s.Total++
	}
	return s
}

// Has reports whether r holds a finding of category c.
func (r *Report) Has(c Category) bool {
	return slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Category == c })
}

func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Category.rank(), b.Category.rank()),
			a.Shape.Compare(b.Shape),
			cmp.Compare(a.Member, b.Member),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// String renders the summary line: "N breaking-wire, M breaking-go, K compatible".
func (s Summary) String() string {
	return fmt.Sprintf("%d breaking-wire, %d breaking-go, %d compatible", s.BreakingWire, s.BreakingGo, s.Compatible)
}

// WriteText writes one line per finding, "category shape$member Rule: message",
// then the summary line.
func (r *Report) WriteText(w io.Writer) error {
	for _, f := range r.Findings {
		if _, err := fmt.Fprintf(w, "%s %s %s: %s\n", f.Category, f.Location(), f.Rule, f.Message); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, r.Summary())
	return err
}

type jsonFinding struct {
	Rule     string `json:"rule"`
	Category string `json:"category"`
	Shape    string `json:"shape"`
	Member   string `json:"member"`
	Message  string `json:"message"`
	Old      string `json:"old"`
	New      string `json:"new"`
}

type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Summary  Summary       `json:"summary"`
	Notes    []string      `json:"notes"`
}

// WriteJSON writes the report as one indented JSON document:
//
//	{"findings": [{"rule", "category", "shape", "member", "message", "old", "new"}, ...],
//	 "summary": {"breaking-wire", "breaking-go", "compatible", "total"},
//	 "notes": [...]}
//
// Every key is always present (empty strings and arrays included), findings
// are in the order of Findings, and HTML characters are not escaped.
func (r *Report) WriteJSON(w io.Writer) error {
	doc := jsonReport{Findings: []jsonFinding{}, Summary: r.Summary(), Notes: []string{}}
	for _, f := range r.Findings {
		doc.Findings = append(doc.Findings, jsonFinding{Rule: f.Rule, Category: string(f.Category),
			Shape: f.Shape.String(), Member: f.Member, Message: f.Message, Old: f.Old, New: f.New})
	}
	doc.Notes = append(doc.Notes, r.Notes...)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
