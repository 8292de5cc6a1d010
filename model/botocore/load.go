package botocore

import (
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/jsonnode"
)

// Load translates the service-2 document data, read from file, into Smithy
// shapes added to b: the service, its operations and every shape of the
// document, in the namespace derived from its metadata. Problems are recorded
// with b.Errorf (b.Build then fails); Load itself never fails or panics.
func Load(b *model.Builder, file string, data []byte) {
	root, doc, err := jsonnode.Parse(file, data)
	if err != nil {
		if me, ok := errors.AsType[*model.Error](err); ok {
			b.Error(me)
		} else {
			b.Errorf(model.Pos{File: file}, model.ShapeID{}, "%v", err)
		}
		return
	}
	l := &loader{b: b, doc: doc, info: map[string]shapeInfo{}, used: map[string]*usage{}}
	l.load(root)
}

// loader holds the state of one Load.
type loader struct {
	b     *model.Builder
	doc   *jsonnode.Doc
	ns    string
	proto protocol
	// info is what a first pass learned of every botocore shape, by name.
	info map[string]shapeInfo
	// used counts how each shape is referred to, for @input and @output.
	used map[string]*usage
	// renamed maps botocore shape names that differ from an earlier one only
	// in case to the Smithy name they get (see caseRenames).
	renamed map[string]string
}

// shapeID is the Smithy ID of the botocore shape name.
func (l *loader) shapeID(name string) model.ShapeID {
	if r, ok := l.renamed[name]; ok {
		name = r
	}
	return model.ShapeID{Namespace: l.ns, Name: name}
}

// caseRenames settles a botocore quirk: service-2 files may hold two shapes
// whose names differ only in case (QuickSight has "Boolean" and "boolean"),
// which Smithy forbids. In sorted order the first keeps its name; each later
// one gets the first free "<name>_<n>" (n from 2).
func caseRenames(names []string) map[string]string {
	sorted := slices.Sorted(slices.Values(names))
	taken := map[string]bool{}
	for _, n := range sorted {
		taken[strings.ToLower(n)] = true
	}
	first := map[string]bool{}
	out := map[string]string{}
	for _, n := range sorted {
		key := strings.ToLower(n)
		if !first[key] {
			first[key] = true
			continue
		}
		for i := 2; ; i++ {
			cand := n + "_" + strconv.Itoa(i)
			if !taken[strings.ToLower(cand)] {
				taken[strings.ToLower(cand)] = true
				out[n] = cand
				break
			}
		}
	}
	return out
}

// shapeInfo is what other shapes need to know of a botocore shape before it is converted.
type shapeInfo struct {
	typ string // botocore type
	box bool
}

// hasDefault reports whether the shape is a non-boxed boolean or number,
// which the loader gives a zero @default (see Nullability in the package doc).
func (i shapeInfo) hasDefault() bool { return zeroValue(i.typ) != nil && !i.box }

// usage counts the references to a shape.
type usage struct {
	input, output, other int
}

func (l *loader) use(name string) *usage {
	u := l.used[name]
	if u == nil {
		u = &usage{}
		l.used[name] = u
	}
	return u
}

func (l *loader) load(root *jsonnode.Node) {
	var none model.ShapeID
	if root.Kind != jsonnode.Object {
		l.errorf(root, none, "a service-2 document must be a JSON object, found %s", root.Kind)
		return
	}
	meta := l.require(root, "metadata", jsonnode.Object, none)
	ops := l.require(root, "operations", jsonnode.Object, none)
	shapes := l.require(root, "shapes", jsonnode.Object, none)
	if meta == nil {
		return
	}
	svc := l.service(meta)
	if svc == nil {
		return
	}
	if doc := l.str(root, "documentation", svc.ID); doc != "" {
		svc.Traits.Set(l.trait(model.TraitDocumentation, doc, root.Get("documentation")))
	}
	if shapes != nil {
		names := make([]string, len(shapes.Fields))
		for i, f := range shapes.Fields {
			names[i] = f.Key
		}
		l.renamed = caseRenames(names)
		for _, f := range shapes.Fields {
			var info shapeInfo
			if t := f.Value.Get("type"); t != nil && t.Kind == jsonnode.String {
				info.typ = t.Str
			}
			if box := f.Value.Get("box"); box != nil && box.Kind == jsonnode.Bool {
				info.box = box.Bool
			}
			l.info[f.Key] = info
		}
		for _, f := range shapes.Fields {
			l.shape(f.Key, f.Value)
		}
	}
	if ops != nil {
		for _, f := range ops.Fields {
			if id, ok := l.operation(f.Key, f.Value); ok {
				svc.Operations = append(svc.Operations, id)
			}
		}
	}
	l.markInputOutput()
	l.b.Add(svc)
}

// markInputOutput adds @input and @output to the structures that are the
// input or output of exactly one operation and referred to nowhere else, as
// Smithy requires of them.
func (l *loader) markInputOutput() {
	for _, name := range slices.Sorted(maps.Keys(l.used)) {
		u := l.used[name]
		s := l.b.Shape(l.shapeID(name))
		if s == nil || s.Type != model.Structure || u.input+u.output != 1 || u.other != 0 {
			continue
		}
		if u.input == 1 {
			s.Traits.Set(&model.Trait{ID: model.TraitInput, Value: annotation(), Pos: s.Pos})
		} else {
			s.Traits.Set(&model.Trait{ID: model.TraitOutput, Value: annotation(), Pos: s.Pos})
		}
	}
}
