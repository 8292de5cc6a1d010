package generator

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"
)

// Import paths and the fixed aliases generated code uses for them.
const (
	smithyPkg     = "github.com/aws/smithy-go"
	smithyJSONPkg = "github.com/aws/smithy-go/encoding/json"
	smithyTimePkg = "github.com/aws/smithy-go/time"
	smithyDocPkg  = "github.com/aws/smithy-go/document"
)

var importAliases = map[string]string{
	smithyJSONPkg: "smithyjson",
	smithyTimePkg: "smithytime",
}

// Artifact names, as used in configs and on the command line.
const (
	ArtifactTypes      = "types"
	ArtifactJSON       = "json"
	ArtifactValidators = "validators"
	ArtifactServer     = "server"
	// ArtifactProtocolTests is opt-in: it is not in AllArtifacts, so it is
	// generated only when Config.Artifacts names it.
	ArtifactProtocolTests = "protocoltests"
)

// AllArtifacts lists every artifact in emission order: the default set.
var AllArtifacts = []string{ArtifactTypes, ArtifactJSON, ArtifactValidators, ArtifactServer}

// OptInArtifacts are generated only when asked for by name: the smithy.test
// protocol compliance tests (protocol_test.go), which only the model's
// authors need.
var OptInArtifacts = []string{ArtifactProtocolTests}

// File is one rendered, gofmt'd file.
type File struct {
	Name string
	Data []byte
}

// Config selects what to emit.
type Config struct {
	Artifacts []string // empty: AllArtifacts (opt-in artifacts only when named)
}

func (c Config) enabled(name string) bool {
	if len(c.Artifacts) == 0 {
		return slices.Contains(AllArtifacts, name)
	}
	return slices.Contains(c.Artifacts, name)
}

// gen is the state an emitter works with.
type gen struct {
	pkg *Package
	cfg Config
}

// errNoFile is returned by an emitter that has nothing to write for the
// package: its file is then not produced at all (rather than left empty).
var errNoFile = errors.New("no file")

// emitter writes one file of the package.
type emitter struct {
	artifact string // which artifact it belongs to
	file     string
	emit     func(g *gen, f *jen.File) error
}

// emitters is the table of everything the generator writes, in file order.
// Artifacts depend on the ones before them: json needs types, validators need
// types, server needs all three.
var emitters = []emitter{
	{ArtifactTypes, "doc.go", (*gen).emitDoc},
	{ArtifactTypes, "types.go", (*gen).emitTypes},
	{ArtifactTypes, "enums.go", (*gen).emitEnums},
	{ArtifactTypes, "errors.go", (*gen).emitErrors},
	{ArtifactTypes, "redact.go", (*gen).emitRedact},
	{ArtifactTypes, "redact_runtime.go", nil}, // static runtime, from templates
	{ArtifactJSON, "json.go", (*gen).emitJSON},
	{ArtifactJSON, "jsonreader.go", nil}, // static runtime, from templates
	{ArtifactValidators, "validators.go", (*gen).emitValidators},
	{ArtifactValidators, "validate_runtime.go", nil}, // static runtime, from templates
	{ArtifactServer, "server.go", (*gen).emitServer},
	{ArtifactServer, "server_runtime.go", nil}, // static runtime, from templates
	{ArtifactServer, "fake.go", (*gen).emitFake},
	{ArtifactServer, "fake_runtime.go", nil}, // static runtime, from templates
	{ArtifactProtocolTests, "protocol_test.go", (*gen).emitProtocolTests},
	{ArtifactProtocolTests, "protocol_runtime_test.go", nil}, // static runtime, from templates
}

// Generate renders every enabled file of the package in memory.
func Generate(p *Package, cfg Config) ([]File, error) {
	known := slices.Concat(AllArtifacts, OptInArtifacts)
	for _, a := range cfg.Artifacts {
		if !slices.Contains(known, a) {
			return nil, fmt.Errorf("unknown artifact %q (want one of %s)", a, strings.Join(known, ", "))
		}
	}
	if err := checkArtifactDeps(cfg); err != nil {
		return nil, err
	}
	g := &gen{pkg: p, cfg: cfg}
	// Emitters run one after the other (they share the IR, and some plan on
	// it). Formatting, most of the work on a large model, overlaps them: each
	// emitted file goes to a formatter on every core as soon as it is done.
	// (Running the emitters that only read the IR on goroutines of their own
	// as well gained nothing on two cores and took 60% more memory.)
	slots := make([]*File, len(emitters))
	f := newFormatter(len(emitters))
	for k, e := range emitters {
		if !cfg.enabled(e.artifact) {
			continue
		}
		var data []byte
		var err error
		if e.emit == nil {
			data, err = renderStatic(p, e.file)
		} else {
			data, err = g.render(e)
		}
		if errors.Is(err, errNoFile) {
			continue
		}
		if err != nil {
			f.wait()
			return nil, fmt.Errorf("%s: %w", e.file, err)
		}
		slots[k] = &File{Name: e.file, Data: data}
		if e.emit != nil {
			f.format(slots[k])
		}
	}
	if err := f.wait(); err != nil {
		return nil, err
	}
	var files []File
	for _, file := range slots {
		if file != nil {
			files = append(files, *file)
		}
	}
	return files, nil
}

// formatter gofmts files on every core while the caller goes on.
type formatter struct {
	work chan *File
	wg   sync.WaitGroup
	mu   sync.Mutex
	errs []error
}

// newFormatter starts the workers of a formatter for up to n files.
func newFormatter(n int) *formatter {
	f := &formatter{work: make(chan *File, n)}
	for range runtime.GOMAXPROCS(0) {
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			for file := range f.work {
				out, err := format.Source(file.Data)
				if err != nil {
					f.mu.Lock()
					f.errs = append(f.errs, fmt.Errorf("%s: generated code does not format (a generator bug): %w", file.Name, err))
					f.mu.Unlock()
					continue
				}
				file.Data = out
			}
		}()
	}
	return f
}

// format queues file; its Data is replaced by the formatted source.
func (f *formatter) format(file *File) { f.work <- file }

// wait formats what is queued and returns the errors, sorted by file.
func (f *formatter) wait() error {
	close(f.work)
	f.wg.Wait()
	slices.SortFunc(f.errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errors.Join(f.errs...)
}

func checkArtifactDeps(cfg Config) error {
	deps := map[string][]string{
		ArtifactJSON:       {ArtifactTypes},
		ArtifactValidators: {ArtifactTypes},
		ArtifactServer:     {ArtifactTypes, ArtifactJSON, ArtifactValidators},
		// The protocol tests serve requests through NewServer.
		ArtifactProtocolTests: {ArtifactTypes, ArtifactJSON, ArtifactValidators, ArtifactServer},
	}
	for _, a := range slices.Concat(AllArtifacts, OptInArtifacts) {
		if !cfg.enabled(a) {
			continue
		}
		for _, d := range deps[a] {
			if !cfg.enabled(d) {
				return fmt.Errorf("artifact %q needs %q", a, d)
			}
		}
	}
	return nil
}

func (g *gen) newFile() *jen.File {
	f := jen.NewFile(g.pkg.Name)
	for _, line := range strings.Split(header(g.pkg), "\n") {
		f.HeaderComment(strings.TrimPrefix(line, "// "))
	}
	for path, alias := range importAliases {
		f.ImportAlias(path, alias)
	}
	f.ImportName(smithyPkg, "smithy")
	f.ImportName("github.com/aws/smithy-go/ptr", "ptr")
	return f
}

func header(p *Package) string {
	h := "Code generated by smithygen. DO NOT EDIT."
	if p.Source != "" {
		h += "\n// Source: " + p.Source
	}
	return h
}

// render runs one emitter and returns its file, not yet formatted (the formatter does that).
func (g *gen) render(e emitter) ([]byte, error) {
	f := g.newFile()
	f.NoFormat = true
	if err := e.emit(g, f); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// gofmt formats Go source, for files rendered from templates.
func gofmt(src []byte) ([]byte, error) { return format.Source(src) }

// docComment renders doc as // line comments (nothing when empty).
func docComment(doc string) jen.Code {
	if doc == "" {
		return jen.Null()
	}
	s := jen.Null()
	for i, line := range strings.Split(doc, "\n") {
		if i > 0 {
			s.Line()
		}
		if line == "" {
			s.Comment("")
		} else {
			s.Comment(line)
		}
	}
	return s
}

// goType renders a Go type expression.
func goType(t GoType) *jen.Statement {
	switch t.Kind {
	case GoString:
		return jen.String()
	case GoBool:
		return jen.Bool()
	case GoInt8:
		return jen.Int8()
	case GoInt16:
		return jen.Int16()
	case GoInt32:
		return jen.Int32()
	case GoInt64:
		return jen.Int64()
	case GoFloat32:
		return jen.Float32()
	case GoFloat64:
		return jen.Float64()
	case GoBigInt:
		return jen.Op("*").Qual("math/big", "Int")
	case GoBigFloat:
		return jen.Op("*").Qual("math/big", "Float")
	case GoTime:
		return jen.Qual("time", "Time")
	case GoBytes:
		return jen.Index().Byte()
	case GoDocument:
		return jen.Qual("encoding/json", "RawMessage")
	case GoNamed:
		return jen.Id(t.Name)
	case GoSlice:
		return jen.Index().Add(elemType(t))
	case GoMap:
		return jen.Map(jen.String()).Add(elemType(t))
	case GoUnit:
		return jen.Struct()
	}
	panic(fmt.Sprintf("generator: unknown Go kind %d", t.Kind))
}

func elemType(t GoType) *jen.Statement {
	if t.ElemPointer {
		return jen.Op("*").Add(goType(*t.Elem))
	}
	return goType(*t.Elem)
}

// fieldType renders the type of a struct field.
func fieldType(m *Member) *jen.Statement {
	if m.Pointer {
		return jen.Op("*").Add(goType(m.GoType))
	}
	return goType(m.GoType)
}

// fileComment adds doc as // line comments at the file level.
func fileComment(f *jen.File, doc string) { f.Add(docComment(doc)) }
