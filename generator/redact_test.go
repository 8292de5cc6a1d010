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

// sensitiveFields parses Go source and lists the struct fields (Type.Field)
// tagged `smithy:"sensitive"`, which the redaction walker prints as
// redactedText.
func sensitiveFields(t *testing.T, src []byte) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "types.go", src, 0)
	require.NoError(t, err)
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok {
			return true
		}
		st, ok := ts.Type.(*ast.StructType)
		if !ok {
			return false
		}
		for _, fld := range st.Fields.List {
			if fld.Tag == nil {
				continue
			}
			require.Equal(t, "`smithy:\"sensitive\"`", fld.Tag.Value, "%s: unexpected tag", ts.Name.Name)
			for _, name := range fld.Names {
				out = append(out, ts.Name.Name+"."+name.Name)
			}
		}
		return false
	})
	return out
}

var (
	// redactAll are the methods of a type that holds sensitive data; the
	// runtime's walker prints it member by member.
	redactAll = []string{"String", "GoString", "LogValue", "Format"}
	// redactSelf are those of a type sensitive as a whole: it prints itself.
	redactSelf = []string{"String", "GoString", "LogValue", "Format", "printRedacted"}
)

// TestRedactTypes checks which types of the fixture get which methods:
// String, GoString, LogValue and Format on every type that holds sensitive
// data, printRedacted as well on a type sensitive as a whole, and nothing on
// the rest (what a redacting type holds without holding sensitive data is
// printed by the walker).
func TestRedactTypes(t *testing.T) {
	f := fileNamed(renderRedact(t, "redact.json", "redactfixture"), "redact.go")
	require.NotNil(t, f, "no redact.go")
	got := methodsByType(t, f.Data)
	want := map[string][]string{
		"PutInput":  redactAll,  // sensitive members of every kind
		"PutOutput": redactAll,  // holds an Inner
		"Inner":     redactAll,  // a member targets a sensitive string shape
		"Node":      redactAll,  // recursive
		"Creds":     redactSelf, // sensitive as a whole
		"Level":     redactSelf, // sensitive enum
		"Rank":      redactSelf, // sensitive intEnum
		"Denied":    redactAll,  // error with a sensitive member
		"Leaky":     redactAll,  // error with a sensitive message
		// Choice holds sensitive data; so do these of its variants (ChoiceMemberPlain does not).
		"ChoiceMemberHidden": redactAll, "ChoiceMemberInner": redactAll, "ChoiceMemberCreds": redactAll,
		"ChoiceMemberInners": redactAll, "ChoiceMemberNested": redactAll,
		"UnknownUnionMember": redactAll,
	}
	for typ, methods := range want {
		assert.ElementsMatch(t, methods, got[typ], typ)
	}
	for typ := range got {
		assert.Contains(t, want, typ, "unexpected methods on %s", typ)
	}
}

// TestRedactTags checks which members of the fixture carry the sensitive
// tag: sensitive members, members targeting sensitive shapes, lists and maps
// of sensitive values, the values of sensitive union members and
// UnknownUnionMember's raw JSON; nothing else.
func TestRedactTags(t *testing.T) {
	files := renderRedact(t, "redact.json", "redactfixture")
	var got []string
	for _, name := range []string{"types.go", "errors.go"} {
		f := fileNamed(files, name)
		require.NotNil(t, f, name)
		got = append(got, sensitiveFields(t, f.Data)...)
	}
	assert.ElementsMatch(t, []string{
		// @sensitive members of every kind, and members targeting sensitive shapes
		"PutInput.Password", "PutInput.Token", "PutInput.Pin", "PutInput.Born", "PutInput.Key",
		"PutInput.HeaderSecret", "PutInput.Level", "PutInput.Rank", "PutInput.Creds",
		"Inner.Secret", "Node.Value",
		// lists and maps of sensitive values, printed redacted as a whole
		"PutInput.Tokens", "PutInput.TokenKeyed", "PutInput.TokenGrid",
		// union members
		"ChoiceMemberHidden.Value", "ChoiceMemberCreds.Value", "UnknownUnionMember.Value",
		// errors
		"Denied.Secret", "Leaky.Message",
	}, got)
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
		"AuthenticationMetadataMemberIamConnectionMetadata":    nil, // holds no secret: printed by the walker
		"IAMConnectionMetadata":                                nil,
		"Tag":                                                  nil,
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
	assert.Equal(t, map[string][]string{"UnknownUnionMember": redactAll}, got)
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
