package generator

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/jsonnode"
	"github.com/smithygen/smithygen/model/loader"
)

// ConfigFile is the smithygen.json file: the targets to generate. Paths in it
// are relative to the directory of the file. smithygen.schema.json at the
// repository root is its JSON Schema; a test keeps the two in step.
//
// The json tags are the keys; a key whose tag has no omitempty is required.
type ConfigFile struct {
	Schema  string         `json:"$schema,omitempty"`
	Targets []ConfigTarget `json:"targets"`
}

// ConfigTarget is one target of a config file.
type ConfigTarget struct {
	Models     []string `json:"models"`
	Service    string   `json:"service,omitempty"`
	Operations []string `json:"operations,omitempty"`
	Out        string   `json:"out"`
	Package    string   `json:"package,omitempty"`
	Artifacts  []string `json:"artifacts,omitempty"`
}

// LoadConfigFile reads a config file and its model files into targets.
func LoadConfigFile(path string) ([]*Target, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cfg, err := ParseConfig(path, data)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	var out []*Target
	for _, ct := range cfg.Targets {
		t := &Target{Service: ct.Service, Operations: ct.Operations, Package: ct.Package, Artifacts: ct.Artifacts,
			Out: filepath.Join(dir, ct.Out)}
		for _, m := range ct.Models {
			p := filepath.Join(dir, m)
			data, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			t.Models = append(t.Models, loader.Source{Name: filepath.ToSlash(m), Data: data})
		}
		out = append(out, t)
	}
	return out, nil
}

// ParseConfig decodes and checks a config file, name being its path for
// messages. It reports every problem it finds, each as file:line:col, the
// target, the key and what is allowed:
//
//	smithygen.json:4:7: targets[0]: unknown key "modles" (did you mean "models"?); allowed keys: models, service, ...
func ParseConfig(name string, data []byte) (*ConfigFile, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf(`%s: empty config file: want a JSON object with a "targets" list`, name)
	}
	root, doc, err := jsonnode.Parse(name, data)
	if err != nil {
		return nil, err
	}
	c := &configParser{doc: doc}
	var cfg ConfigFile
	if root.Kind != jsonnode.Object {
		c.errorf(root, "the config must be a JSON object, not %s", jsonType(root.Kind))
		return nil, c.errs.Err()
	}
	c.object(root, "", reflect.ValueOf(&cfg).Elem())
	if tn := root.Get("targets"); tn != nil && tn.Kind == jsonnode.Array {
		outs := map[string]int{}
		for i, t := range cfg.Targets {
			c.target(tn.Items[i], fmt.Sprintf("targets[%d]: ", i), t)
			if t.Out == "" {
				continue
			}
			clean := path.Clean(filepath.ToSlash(t.Out))
			if j, ok := outs[clean]; ok {
				c.errorf(tn.Items[i].Get("out"), "targets[%d]: key \"out\": %q is also the output directory of targets[%d]", i, t.Out, j)
			} else {
				outs[clean] = i
			}
		}
	}
	if err := c.errs.Err(); err != nil {
		return nil, err
	}
	return &cfg, nil
}

// configParser decodes JSON nodes into the config structs, collecting errors.
type configParser struct {
	doc  *jsonnode.Doc
	errs model.ErrorList
}

func (c *configParser) errorf(n *jsonnode.Node, format string, args ...any) {
	c.errs = append(c.errs, model.Errorf(c.doc.Pos(n), model.ShapeID{}, format, args...))
}

// configKey is one key of a config object: a field of a config struct.
type configKey struct {
	name     string
	field    int
	required bool
}

// configKeys lists the keys of a config struct type from its json tags, in field order.
func configKeys(t reflect.Type) []configKey {
	var keys []configKey
	for i := range t.NumField() {
		name, opts, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		keys = append(keys, configKey{name: name, field: i, required: opts != "omitempty"})
	}
	return keys
}

// emptyListHints say what an empty list of each key means to the user.
var emptyListHints = map[string]string{
	"targets":    "must list at least one target",
	"models":     "must list at least one model file",
	"operations": "must list at least one operation; leave the key out to keep them all",
	"artifacts":  "must list at least one artifact; leave the key out to generate them all",
}

// requiredHints say what a required key is for.
var requiredHints = map[string]string{
	"targets": "the packages to generate",
	"models":  "the model files to load",
	"out":     "the output directory",
}

// object decodes the object n into the struct dst: every key must be one of
// dst's, of the right JSON type, and no required key may be missing. at
// prefixes messages ("targets[0]: ").
func (c *configParser) object(n *jsonnode.Node, at string, dst reflect.Value) {
	keys := configKeys(dst.Type())
	var names []string
	for _, k := range keys {
		names = append(names, k.name)
	}
	for _, f := range n.Fields {
		i := slices.IndexFunc(keys, func(k configKey) bool { return k.name == f.Key })
		if i < 0 {
			hint := ""
			if near := nearest(f.Key, names); near != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", near)
			}
			c.errorf(f.Value, "%sunknown key %q%s; allowed keys: %s", at, f.Key, hint, strings.Join(names, ", "))
			continue
		}
		c.value(f.Value, at, f.Key, dst.Field(keys[i].field))
	}
	for _, k := range keys {
		if k.required && n.Get(k.name) == nil {
			c.errorf(n, "%skey %q is required: %s", at, k.name, requiredHints[k.name])
		}
	}
}

// value decodes the value of key into dst: a string, a list of strings or a
// list of objects.
func (c *configParser) value(n *jsonnode.Node, at, key string, dst reflect.Value) {
	want := wantType(dst.Type())
	switch dst.Kind() {
	case reflect.String:
		if n.Kind != jsonnode.String {
			c.errorf(n, "%skey %q must be %s, not %s", at, key, want, jsonType(n.Kind))
			return
		}
		if n.Str == "" {
			c.errorf(n, "%skey %q must not be empty", at, key)
		}
		dst.SetString(n.Str)
	case reflect.Slice:
		if n.Kind != jsonnode.Array {
			c.errorf(n, "%skey %q must be %s, not %s", at, key, want, jsonType(n.Kind))
			return
		}
		if len(n.Items) == 0 {
			c.errorf(n, "%skey %q %s", at, key, emptyListHints[key])
		}
		list := reflect.MakeSlice(dst.Type(), len(n.Items), len(n.Items))
		for i, item := range n.Items {
			switch elem := list.Index(i); elem.Kind() {
			case reflect.String:
				switch {
				case item.Kind != jsonnode.String:
					c.errorf(item, "%skey %q: item %d must be a JSON string, not %s", at, key, i, jsonType(item.Kind))
				case item.Str == "":
					c.errorf(item, "%skey %q: item %d must not be empty", at, key, i)
				default:
					elem.SetString(item.Str)
				}
			case reflect.Struct:
				if item.Kind != jsonnode.Object {
					c.errorf(item, "%skey %q: item %d must be a JSON object, not %s", at, key, i, jsonType(item.Kind))
					continue
				}
				c.object(item, fmt.Sprintf("%s%s[%d]: ", at, key, i), elem)
			}
		}
		dst.Set(list)
	}
}

// target checks what the types alone do not: paths, artifact names and the
// package name.
func (c *configParser) target(n *jsonnode.Node, at string, t ConfigTarget) {
	relative := func(key string, i int, p string) {
		if p != "" && (filepath.IsAbs(p) || path.IsAbs(filepath.ToSlash(p))) {
			item := n.Get(key)
			what := fmt.Sprintf("key %q", key)
			if i >= 0 {
				item, what = item.Items[i], fmt.Sprintf("key %q: item %d", key, i)
			}
			c.errorf(item, "%s%s: %q is an absolute path; paths are relative to the directory of the config file", at, what, p)
		}
	}
	for i, m := range t.Models {
		relative("models", i, m)
	}
	relative("out", -1, t.Out)
	if t.Package != "" && !validPackageName(t.Package) {
		c.errorf(n.Get("package"), "%skey \"package\": %q is not a valid Go package name (a lower-case Go identifier that is not a keyword)", at, t.Package)
	}
	known := true
	for i, a := range t.Artifacts {
		if a != "" && !slices.Contains(AllArtifacts, a) {
			known = false
			c.errorf(n.Get("artifacts").Items[i], "%skey \"artifacts\": unknown artifact %q; allowed: %s", at, a, strings.Join(AllArtifacts, ", "))
		}
	}
	if known && len(t.Artifacts) > 0 {
		if err := checkArtifactDeps(Config{Artifacts: t.Artifacts}); err != nil {
			c.errorf(n.Get("artifacts"), "%skey \"artifacts\": %v", at, err)
		}
	}
}

// wantType names the JSON type a Go field type is read from.
func wantType(t reflect.Type) string {
	switch {
	case t.Kind() == reflect.String:
		return "a JSON string"
	case t.Elem().Kind() == reflect.String:
		return "a JSON array of strings"
	}
	return "a JSON array of objects"
}

// jsonType names a JSON kind with its article, for messages.
func jsonType(k jsonnode.Kind) string {
	switch k {
	case jsonnode.Null:
		return "null"
	case jsonnode.Array, jsonnode.Object:
		return "an " + k.String()
	}
	return "a " + k.String()
}

// nearest returns the name within two edits of key, if there is one.
func nearest(key string, names []string) string {
	best, bestDist := "", 3
	for _, n := range names {
		if d := editDistance(strings.ToLower(key), strings.ToLower(n)); d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
