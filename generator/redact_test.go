package generator

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model/loader"
)

// Tests of redact.go: which types redact (from the IR, here) and what they
// print (testdata/redact/redact_behaviour_test.go, compiled and run next to
// the package generated from testdata/redact/redact.json).

const redactDir = "testdata/redact"

// renderRedact renders model (a file under testdata/redact, or inline JSON
// when it starts with "{") as package pkg with the types and json artifacts.
func renderRedact(t *testing.T, model, pkg string) []File {
	t.Helper()
	src := loader.Source{Name: "inline.json", Data: []byte(model)}
	if !strings.HasPrefix(model, "{") {
		data, err := os.ReadFile(filepath.Join(redactDir, model))
		require.NoError(t, err)
		src = loader.Source{Name: redactDir + "/" + model, Data: data}
	}
	rs, err := Render([]*Target{{Models: []loader.Source{src}, Package: pkg, Out: pkg,
		Artifacts: []string{ArtifactTypes, ArtifactJSON}}})
	require.NoError(t, err)
	return rs[0].Files
}

// fileNamed returns the file called name, or nil.
func fileNamed(files []File, name string) *File {
	i := slices.IndexFunc(files, func(f File) bool { return f.Name == name })
	if i < 0 {
		return nil
	}
	return &files[i]
}

// methodsByType parses Go source and lists the methods of each receiver type.
func methodsByType(t *testing.T, src []byte) map[string][]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "redact.go", src, 0)
	require.NoError(t, err)
	out := map[string][]string{}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil {
			continue
		}
		typ := fd.Recv.List[0].Type
		if star, ok := typ.(*ast.StarExpr); ok {
			typ = star.X
		}
		name := typ.(*ast.Ident).Name
		out[name] = append(out[name], fd.Name.Name)
	}
	return out
}

var (
	redactAll   = []string{"String", "GoString", "LogValue", "Format", "printRedacted"}
	redactPrint = []string{"printRedacted"}
)

// TestRedactTypes checks which types of the fixture get which methods:
// String, GoString and Format on every type that holds sensitive data, only
// printRedacted on what such a type holds without holding any itself, and
// nothing on the rest.
func TestRedactTypes(t *testing.T) {
	f := fileNamed(renderRedact(t, "redact.json", "redactfixture"), "redact.go")
	require.NotNil(t, f, "no redact.go")
	got := methodsByType(t, f.Data)
	want := map[string][]string{
		"PutInput":  redactAll, // sensitive members of every kind
		"PutOutput": redactAll, // holds an Inner
		"Inner":     redactAll, // a member targets a sensitive string shape
		"Node":      redactAll, // recursive
		"Creds":     redactAll, // sensitive as a whole
		"Level":     redactAll, // sensitive enum
		"Rank":      redactAll, // sensitive intEnum
		"Denied":    redactAll, // error with a sensitive member
		"Leaky":     redactAll, // error with a sensitive message
		"Plain":     redactPrint,
		// Choice holds sensitive data; its variants that do redact, the others only print.
		"ChoiceMemberHidden": redactAll, "ChoiceMemberInner": redactAll, "ChoiceMemberCreds": redactAll,
		"ChoiceMemberInners": redactAll, "ChoiceMemberNested": redactAll, "ChoiceMemberPlain": redactPrint,
		// PlainChoice holds none but is printed inside PutInput.
		"PlainChoiceMemberText": redactPrint, "PlainChoiceMemberNumber": redactPrint,
		"UnknownUnionMember": redactAll,
	}
	for typ, methods := range want {
		assert.ElementsMatch(t, methods, got[typ], typ)
	}
	for typ := range got {
		if typ != "redactPrinter" {
			assert.Contains(t, want, typ, "unexpected methods on %s", typ)
		}
	}
}

// TestRedactQuickSight checks the choices on the real QuickSight model.
func TestRedactQuickSight(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "specs", "quicksight.json"))
	require.NoError(t, err)
	f := fileNamed(renderRedact(t, string(data), "quicksight"), "redact.go")
	require.NotNil(t, f)
	got := methodsByType(t, f.Data)
	for typ, methods := range map[string][]string{
		"CreateActionConnectorInput":                           redactAll,
		"APIKeyConnectionMetadata":                             redactAll,
		"AuthorizationCodeGrantDetails":                        redactAll,
		"AuthenticationMetadataMemberApiKeyConnectionMetadata": redactAll,
		"AuthenticationMetadataMemberIamConnectionMetadata":    redactPrint, // holds no secret
		"IAMConnectionMetadata":                                redactPrint,
		"Tag":                                                  redactPrint, // printed inside CreateActionConnectorInput
		"UnknownUnionMember":                                   redactAll,
		"DeleteActionConnectorInput":                           nil, // nothing sensitive, not held by anything that is
		"DeleteActionConnectorOutput":                          nil,
	} {
		assert.ElementsMatch(t, methods, got[typ], typ)
	}
}

// TestRedactNoFile: a package without sensitive data or unions has no
// redact.go; with a union, only UnknownUnionMember redacts.
func TestRedactNoFile(t *testing.T) {
	const model = `{"smithy": "2.0", "shapes": {
		"ex.n#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex.n#Op"}], "traits": {"aws.protocols#restJson1": {}}},
		"ex.n#Op": {"type": "operation", "input": {"target": "ex.n#OpInput"}, "traits": {"smithy.api#http": {"method": "POST", "uri": "/"}}},
		"ex.n#OpInput": {"type": "structure", "members": {"name": {"target": "smithy.api#String"}%s}}%s}}`
	files := renderRedact(t, fmt.Sprintf(model, "", ""), "nofile")
	assert.Nil(t, fileNamed(files, "redact.go"), "redact.go written for a package without sensitive data or unions")

	withUnion := fmt.Sprintf(model, `, "u": {"target": "ex.n#U"}`,
		`, "ex.n#U": {"type": "union", "members": {"a": {"target": "smithy.api#String"}}}`)
	f := fileNamed(renderRedact(t, withUnion, "withunion"), "redact.go")
	require.NotNil(t, f)
	got := methodsByType(t, f.Data)
	assert.Equal(t, map[string][]string{"UnknownUnionMember": redactAll, "redactPrinter": {"open", "close", "sep", "field", "value", "secret", "null"}}, got)
}

// TestRedactFixtureRuns generates the fixture twice (the bytes must match),
// writes it into a temporary module next to
// testdata/redact/redact_behaviour_test.go and runs go vet and go test there,
// offline (the module cache must hold smithy-go; the repository's go.sum
// vouches for it).
func TestRedactFixtureRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the redaction fixture is not compiled")
	}
	files := renderRedact(t, "redact.json", "redactfixture")
	again := renderRedact(t, "redact.json", "redactfixture")
	require.Equal(t, len(files), len(again))
	for i := range files {
		require.True(t, bytes.Equal(files[i].Data, again[i].Data), "%s is not deterministic", files[i].Name)
	}

	dir := t.TempDir()
	tempModule(t, dir, "example.com/x")
	pkgDir := filepath.Join(dir, "redactfixture")
	require.NoError(t, os.Mkdir(pkgDir, 0o755))
	for _, f := range files {
		require.NoError(t, os.WriteFile(filepath.Join(pkgDir, f.Name), f.Data, 0o644))
	}
	test, err := os.ReadFile(filepath.Join(redactDir, "redact_behaviour_test.go"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(pkgDir, "redact_behaviour_test.go"), test, 0o644))

	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := offlineGo(dir, "go", args...)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %s in the generated fixture:\n%s", strings.Join(args, " "), out)
	}
}
