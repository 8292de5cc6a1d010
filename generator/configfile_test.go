package generator

import (
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ParseConfig's messages, exactly: position, target, key, what is allowed.
func TestParseConfigErrors(t *testing.T) {
	const ok = `"models": ["m.json"], "out": "gen"`
	for _, c := range []struct{ name, config, want string }{
		{"empty file", ``,
			`smithygen.json: empty config file: want a JSON object with a "targets" list`},
		{"white space only", " \n\t",
			`smithygen.json: empty config file: want a JSON object with a "targets" list`},
		{"trailing data", `{"targets": [{` + ok + `}]} {}`,
			`smithygen.json:1:53: invalid JSON: unexpected '{' after the top-level value`},
		{"syntax error", "{\"targets\": [\n  {\"models\": [\"m.json\"] \"out\": \"gen\"}]}",
			`smithygen.json:2:25: invalid JSON: expected ',' or '}', found '"'`},
		{"duplicate key", `{"targets": [{` + ok + `, "out": "x"}]}`,
			`smithygen.json:1:51: invalid JSON: duplicate key "out" in object at /targets/0`},
		{"not an object", `["targets"]`,
			`smithygen.json:1:1: the config must be a JSON object, not an array`},
		{"unknown top-level key", `{"targets": [{` + ok + `}], "version": 2}`,
			`smithygen.json:1:64: unknown key "version"; allowed keys: $schema, targets`},
		{"misspelt top-level key", `{"target": [{` + ok + `}]}`,
			"smithygen.json:1:1: key \"targets\" is required: the packages to generate\n" +
				`smithygen.json:1:12: unknown key "target" (did you mean "targets"?); allowed keys: $schema, targets`},
		{"unknown target key", `{"targets": [{` + ok + `, "pkg": "x"}]}`,
			`smithygen.json:1:58: targets[0]: unknown key "pkg"; allowed keys: models, service, operations, out, package, artifacts`},
		{"misspelt target key", `{"targets": [{"model": ["m.json"], "out": "gen"}]}`,
			"smithygen.json:1:14: targets[0]: key \"models\" is required: the model files to load\n" +
				`smithygen.json:1:24: targets[0]: unknown key "model" (did you mean "models"?); allowed keys: models, service, operations, out, package, artifacts`},
		{"missing out", `{"targets": [{"models": ["m.json"]}]}`,
			`smithygen.json:1:14: targets[0]: key "out" is required: the output directory`},
		{"missing models, second target", `{"targets": [{` + ok + `}, {"out": "gen2"}]}`,
			`smithygen.json:1:52: targets[1]: key "models" is required: the model files to load`},
		{"missing targets", `{"$schema": "./smithygen.schema.json"}`,
			`smithygen.json:1:1: key "targets" is required: the packages to generate`},
		{"empty targets", `{"targets": []}`,
			`smithygen.json:1:13: key "targets" must list at least one target`},
		{"empty models", `{"targets": [{"models": [], "out": "gen"}]}`,
			`smithygen.json:1:25: targets[0]: key "models" must list at least one model file`},
		{"empty out", `{"targets": [{"models": ["m.json"], "out": ""}]}`,
			`smithygen.json:1:44: targets[0]: key "out" must not be empty`},
		{"wrong type: string for a list", `{"targets": [{"models": "m.json", "out": "gen"}]}`,
			`smithygen.json:1:25: targets[0]: key "models" must be a JSON array of strings, not a string`},
		{"wrong type: number for a string", `{"targets": [{"models": ["m.json"], "out": 7}]}`,
			`smithygen.json:1:44: targets[0]: key "out" must be a JSON string, not a number`},
		{"wrong type: null", `{"targets": [{` + ok + `, "service": null}]}`,
			`smithygen.json:1:62: targets[0]: key "service" must be a JSON string, not null`},
		{"wrong type: object for the targets", `{"targets": {"models": ["m.json"]}}`,
			`smithygen.json:1:13: key "targets" must be a JSON array of objects, not an object`},
		{"wrong type: a target", `{"targets": [true]}`,
			`smithygen.json:1:14: key "targets": item 0 must be a JSON object, not a boolean`},
		{"wrong type: list item", `{"targets": [{"models": ["m.json", 2], "out": "gen"}]}`,
			`smithygen.json:1:36: targets[0]: key "models": item 1 must be a JSON string, not a number`},
		{"wrong type: $schema", `{"$schema": true, "targets": [{` + ok + `}]}`,
			`smithygen.json:1:13: key "$schema" must be a JSON string, not a boolean`},
		{"unknown artifact", `{"targets": [{` + ok + `, "artifacts": ["types", "client"]}]}`,
			`smithygen.json:1:74: targets[0]: key "artifacts": unknown artifact "client"; allowed: types, json, validators, server`},
		{"artifact without what it needs", `{"targets": [{` + ok + `, "artifacts": ["types", "server"]}]}`,
			`smithygen.json:1:64: targets[0]: key "artifacts": artifact "server" needs "json"`},
		{"empty artifacts", `{"targets": [{` + ok + `, "artifacts": []}]}`,
			`smithygen.json:1:64: targets[0]: key "artifacts" must list at least one artifact; leave the key out to generate them all`},
		{"empty operations", `{"targets": [{` + ok + `, "operations": []}]}`,
			`smithygen.json:1:65: targets[0]: key "operations" must list at least one operation; leave the key out to keep them all`},
		{"bad package name", `{"targets": [{` + ok + `, "package": "QuickSight"}]}`,
			`smithygen.json:1:62: targets[0]: key "package": "QuickSight" is not a valid Go package name (a lower-case Go identifier that is not a keyword)`},
		{"keyword package name", `{"targets": [{` + ok + `, "package": "type"}]}`,
			`smithygen.json:1:62: targets[0]: key "package": "type" is not a valid Go package name (a lower-case Go identifier that is not a keyword)`},
		{"absolute model path", `{"targets": [{"models": ["/src/m.json"], "out": "gen"}]}`,
			`smithygen.json:1:26: targets[0]: key "models": item 0: "/src/m.json" is an absolute path; paths are relative to the directory of the config file`},
		{"two targets, one directory", `{"targets": [{` + ok + `}, {"models": ["n.json"], "out": "./gen/"}]}`,
			`smithygen.json:1:82: targets[1]: key "out": "./gen/" is also the output directory of targets[0]`},
		{"every error, in file order", "{\"targets\": [\n {\"models\": [1], \"out\": \"gen\"},\n {\"out\": 2, \"artifacts\": [\"all\"]}\n], \"extra\": 1}",
			"smithygen.json:2:14: targets[0]: key \"models\": item 0 must be a JSON string, not a number\n" +
				"smithygen.json:3:2: targets[1]: key \"models\" is required: the model files to load\n" +
				"smithygen.json:3:10: targets[1]: key \"out\" must be a JSON string, not a number\n" +
				"smithygen.json:3:27: targets[1]: key \"artifacts\": unknown artifact \"all\"; allowed: types, json, validators, server\n" +
				"smithygen.json:4:13: unknown key \"extra\"; allowed keys: $schema, targets"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := ParseConfig("smithygen.json", []byte(c.config))
			require.Error(t, err)
			assert.Nil(t, cfg)
			assert.Equal(t, c.want, err.Error())
		})
	}
}

func TestParseConfig(t *testing.T) {
	cfg, err := ParseConfig("smithygen.json", []byte(`{
		"$schema": "./smithygen.schema.json",
		"targets": [
			{"models": ["a.json", "b.smithy"], "service": "ex#Svc", "operations": ["Get", "Put"], "out": "gen/a", "package": "my_pkg2", "artifacts": ["types", "json"]},
			{"models": ["c.json"], "out": "gen/c"}
		]}`))
	require.NoError(t, err)
	assert.Equal(t, &ConfigFile{Schema: "./smithygen.schema.json", Targets: []ConfigTarget{
		{Models: []string{"a.json", "b.smithy"}, Service: "ex#Svc", Operations: []string{"Get", "Put"}, Out: "gen/a", Package: "my_pkg2",
			Artifacts: []string{"types", "json"}},
		{Models: []string{"c.json"}, Out: "gen/c"},
	}}, cfg)
}

// schemaDoc reads smithygen.schema.json from the repository root.
func schemaDoc(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "smithygen.schema.json"))
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc), "smithygen.schema.json is not valid JSON")
	return doc
}

// obj and list walk the decoded schema, failing on a wrong shape.
func obj(t *testing.T, v any, path string) map[string]any {
	t.Helper()
	m, ok := v.(map[string]any)
	require.True(t, ok, "%s is not an object", path)
	return m
}

func list(t *testing.T, v any, path string) []string {
	t.Helper()
	items, ok := v.([]any)
	require.True(t, ok, "%s is not an array", path)
	var out []string
	for _, it := range items {
		s, ok := it.(string)
		require.True(t, ok, "%s holds a non-string", path)
		out = append(out, s)
	}
	return out
}

// checkSchemaObject checks that the schema object at path lists exactly the
// keys of the Go struct typ, requires the ones without omitempty, allows no
// others and documents each.
func checkSchemaObject(t *testing.T, o map[string]any, typ reflect.Type, path string) map[string]any {
	t.Helper()
	assert.Equal(t, "object", o["type"], path)
	assert.Equal(t, false, o["additionalProperties"], path)
	assert.NotEmpty(t, o["description"], path)
	props := obj(t, o["properties"], path+"/properties")
	var keys, required []string
	for _, k := range configKeys(typ) {
		keys = append(keys, k.name)
		if k.required {
			required = append(required, k.name)
		}
	}
	var got []string
	for k, v := range props {
		got = append(got, k)
		assert.NotEmpty(t, obj(t, v, path+"/properties/"+k)["description"], "%s/properties/%s has no description", path, k)
	}
	assert.ElementsMatch(t, keys, got, "%s: the schema's keys are not %s's json tags", path, typ.Name())
	assert.ElementsMatch(t, required, list(t, o["required"], path+"/required"), "%s: required keys", path)
	return props
}

func TestConfigSchema(t *testing.T) {
	doc := schemaDoc(t)
	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", doc["$schema"])
	checkSchemaObject(t, doc, reflect.TypeFor[ConfigFile](), "#")
	defs := obj(t, doc["$defs"], "#/$defs")
	props := checkSchemaObject(t, obj(t, defs["target"], "#/$defs/target"), reflect.TypeFor[ConfigTarget](), "#/$defs/target")

	// The artifact enum is generator.AllArtifacts, in order.
	artifacts := obj(t, props["artifacts"], "artifacts")
	assert.Equal(t, AllArtifacts, list(t, obj(t, artifacts["items"], "artifacts/items")["enum"], "artifacts/items/enum"))

	// The artifact dependencies are checkArtifactDeps': for each rule "if A then
	// its needs", A with its needs passes, and A without any one of them fails.
	rules, ok := artifacts["allOf"].([]any)
	require.True(t, ok, "artifacts/allOf")
	ruled := map[string]bool{}
	for _, r := range rules {
		rule := obj(t, r, "artifacts/allOf/*")
		a := obj(t, obj(t, rule["if"], "if")["contains"], "if/contains")["const"].(string)
		ruled[a] = true
		then := obj(t, rule["then"], "then")
		var needs []string
		if c, ok := then["contains"]; ok {
			needs = append(needs, obj(t, c, "then/contains")["const"].(string))
		}
		if all, ok := then["allOf"].([]any); ok {
			for _, c := range all {
				needs = append(needs, obj(t, obj(t, c, "then/allOf/*")["contains"], "contains")["const"].(string))
			}
		}
		require.NotEmpty(t, needs, a)
		assert.NoError(t, checkArtifactDeps(Config{Artifacts: append([]string{a}, needs...)}), "%s with %v", a, needs)
		for i := range needs {
			without := append([]string{a}, slices.Delete(slices.Clone(needs), i, i+1)...)
			assert.Error(t, checkArtifactDeps(Config{Artifacts: without}), "%v lacks %s", without, needs[i])
		}
	}
	for _, a := range AllArtifacts {
		if !ruled[a] {
			assert.NoError(t, checkArtifactDeps(Config{Artifacts: []string{a}}), "%s needs others but the schema has no rule for it", a)
		}
	}

	// The package pattern and keyword list agree with validPackageName.
	pkg := obj(t, props["package"], "package")
	re := regexp.MustCompile(pkg["pattern"].(string))
	keywords := list(t, obj(t, pkg["not"], "package/not")["enum"], "package/not/enum")
	for _, name := range []string{"quicksight", "s3", "my_pkg", "_x", "x_", "QuickSight", "9lives", "type", "func", "_", "a-b", "", "über"} {
		schemaOK := re.MatchString(name) && !slices.Contains(keywords, name)
		if strings.ContainsFunc(name, func(r rune) bool { return r > 127 }) {
			continue // the schema's pattern is ASCII only; Go also allows other lower-case letters
		}
		assert.Equal(t, validPackageName(name), schemaOK, "package name %q", name)
	}
	for _, kw := range keywords {
		assert.True(t, kw == "_" || token.IsKeyword(kw), "%q in the keyword list is no Go keyword", kw)
	}
	for tok := token.BREAK; tok <= token.VAR; tok++ {
		if tok.IsKeyword() {
			assert.Contains(t, keywords, tok.String(), "the schema lets package be the keyword %q", tok)
		}
	}

	// Every example of the schema is a config ParseConfig accepts.
	examples, ok := doc["examples"].([]any)
	require.True(t, ok && len(examples) > 0, "the schema has no examples")
	for i, ex := range examples {
		data, err := json.Marshal(ex)
		require.NoError(t, err)
		_, err = ParseConfig("example", data)
		assert.NoError(t, err, "example %d", i)
	}
}
