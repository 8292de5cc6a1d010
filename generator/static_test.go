package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model/loader"
)

// runtimeCases are packages with one kind of member each: the runtime
// templates write only the helpers (and imports) a package uses, so each
// combination must still compile.
var runtimeCases = []struct {
	name   string
	member string // a member of the operation's input, as JSON AST
	shapes string // more shapes, as JSON AST object members (leading comma)
	want   runtimeUses
}{
	{"boolonly", `{"target": "smithy.api#Boolean"}`, ``, runtimeUses{UsesJSONStructs: true, Fields: map[string]bool{"boolPtr": true}}},
	{"strings", `{"target": "smithy.api#String"}`, ``, runtimeUses{UsesString: true, UsesWriteString: true, UsesJSONStructs: true, Fields: map[string]bool{"stringPtr": true}}},
	{"ints", `{"target": "smithy.api#Long"}`, ``, runtimeUses{UsesInt: true, UsesJSONStructs: true, Fields: map[string]bool{"intPtr": true}}},
	{"floats", `{"target": "smithy.api#Double"}`, ``, runtimeUses{UsesFloat: true, UsesString: true, UsesSmithyJSON: true, UsesJSONStructs: true, Fields: map[string]bool{"floatPtr": true}}},
	{"bigints", `{"target": "smithy.api#BigInteger"}`, ``, runtimeUses{UsesBigInt: true, UsesBig: true, UsesJSONStructs: true}},
	{"bigdecimals", `{"target": "smithy.api#BigDecimal"}`, ``, runtimeUses{UsesBigFloat: true, UsesBig: true, UsesJSONStructs: true}},
	{"blobs", `{"target": "smithy.api#Blob"}`, ``, runtimeUses{UsesBlob: true, UsesJSONStructs: true}},
	{"epochseconds", `{"target": "smithy.api#Timestamp"}`, ``,
		runtimeUses{UsesTimestamp: true, UsesEpoch: true, UsesSmithyJSON: true, UsesString: true, UsesJSONStructs: true, Fields: map[string]bool{"timePtr": true}}},
	{"datetimes", `{"target": "smithy.api#Timestamp", "traits": {"smithy.api#timestampFormat": "date-time"}}`, ``,
		runtimeUses{UsesTimestamp: true, UsesString: true, UsesWriteString: true, UsesJSONStructs: true, Fields: map[string]bool{"timePtr": true}}},
	{"httpdates", `{"target": "smithy.api#Timestamp", "traits": {"smithy.api#httpHeader": "X-When"}}`, ``,
		runtimeUses{UsesTimestamp: true, UsesString: true, UsesWriteString: true, UsesJSONStructs: true, Fields: map[string]bool{"timePtr": true}}},
	{"documents", `{"target": "smithy.api#Document"}`, ``, runtimeUses{UsesRaw: true, UsesSmithyJSON: true, UsesJSONStructs: true}},
	{"unions", `{"target": "ex.rt#U"}`, `, "ex.rt#U": {"type": "union", "members": {"a": {"target": "smithy.api#Boolean"}}}`,
		runtimeUses{UsesRaw: true, UsesUnion: true, UsesSmithyJSON: true, UsesJSONStructs: true}},
	{"intenums", `{"target": "ex.rt#E"}`, `, "ex.rt#E": {"type": "intEnum", "members": {"A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}}}}`,
		runtimeUses{UsesInt: true, UsesJSONStructs: true, Fields: map[string]bool{"intPtr": true}}},
	// Members held by value: a required string and a defaulted integer of a
	// structure that is not an operation input.
	{"values", `{"target": "ex.rt#S"}`, `, "ex.rt#S": {"type": "structure", "members": {
		"s": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}},
		"n": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 0}}}}`,
		runtimeUses{UsesString: true, UsesWriteString: true, UsesInt: true, UsesJSONStructs: true, Fields: map[string]bool{"string": true, "int": true}}},
	{"lists", `{"target": "ex.rt#L"}`, `, "ex.rt#L": {"type": "list", "member": {"target": "smithy.api#Integer"}}`,
		runtimeUses{UsesInt: true, UsesLists: true, UsesJSONStructs: true}},
}

func runtimeModel(member, shapes string) string {
	return fmt.Sprintf(`{"smithy": "2.0", "shapes": {
		"ex.rt#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex.rt#Op"}], "traits": {"aws.protocols#restJson1": {}}},
		"ex.rt#Op": {"type": "operation", "input": {"target": "ex.rt#OpInput"}, "traits": {"smithy.api#http": {"method": "POST", "uri": "/"}}},
		"ex.rt#OpInput": {"type": "structure", "members": {"m": %s}}%s}}`, member, shapes)
}

// TestRuntimeUses checks what usesOf finds, and (unless -short) that every
// case compiles and passes go vet with the types and json artifacts.
func TestRuntimeUses(t *testing.T) {
	pkgs := map[string][]File{}
	for _, c := range runtimeCases {
		rs, err := Render([]*Target{{Models: []loader.Source{{Name: c.name + ".json", Data: []byte(runtimeModel(c.member, c.shapes))}},
			Package: c.name, Out: c.name, Artifacts: []string{ArtifactTypes, ArtifactJSON}}})
		require.NoError(t, err, c.name)
		assert.Equal(t, c.want, usesOf(rs[0].Package), c.name)
		pkgs[c.name] = rs[0].Files
	}
	if testing.Short() {
		t.Skip("-short: the runtime cases are not compiled")
	}
	dir := t.TempDir()
	tempModule(t, dir, "example.com/x")
	for name, files := range pkgs {
		require.NoError(t, os.Mkdir(filepath.Join(dir, name), 0o755))
		for _, f := range files {
			require.NoError(t, os.WriteFile(filepath.Join(dir, name, f.Name), f.Data, 0o644))
		}
	}
	cmd := offlineGo(dir, "go", "vet", "./...")
	out, err := cmd.CombinedOutput()
	assert.NoError(t, err, "go vet of the runtime cases:\n%s", strings.TrimSpace(string(out)))
}
