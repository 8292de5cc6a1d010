package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/smithygen/smithygen/model/loader"
)

// ConfigFile is the smithygen.json file: the targets to generate. Relative
// paths in it are relative to the directory of the file.
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

// ParseConfig decodes and checks a config file. Errors name the key at fault
// and what is allowed.
func ParseConfig(name string, data []byte) (*ConfigFile, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var cfg ConfigFile
	if err := dec.Decode(&cfg); err != nil {
		var typeErr *json.UnmarshalTypeError
		var synErr *json.SyntaxError
		switch {
		case errors.As(err, &typeErr):
			return nil, fmt.Errorf("%s: key %q must be a JSON %s, not %s", name, typeErr.Field, expectedJSONType(typeErr.Type.Kind().String()), typeErr.Value)
		case errors.As(err, &synErr):
			return nil, fmt.Errorf("%s: invalid JSON at offset %d: %v", name, synErr.Offset, err)
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			field := strings.TrimPrefix(err.Error(), "json: unknown field ")
			return nil, fmt.Errorf("%s: unknown key %s; allowed keys are $schema, targets and, in a target, models, service, operations, out, package, artifacts", name, field)
		case errors.Is(err, io.EOF):
			return nil, fmt.Errorf("%s: empty config file", name)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s: unexpected data after the config object", name)
	}
	if len(cfg.Targets) == 0 {
		return nil, fmt.Errorf("%s: key \"targets\" must list at least one target", name)
	}
	for i, t := range cfg.Targets {
		at := fmt.Sprintf("%s: targets[%d]", name, i)
		if len(t.Models) == 0 {
			return nil, fmt.Errorf("%s: key \"models\" must list at least one model file", at)
		}
		if t.Out == "" {
			return nil, fmt.Errorf("%s: key \"out\" is required: the output directory", at)
		}
		for _, a := range t.Artifacts {
			if !slices.Contains(AllArtifacts, a) {
				return nil, fmt.Errorf("%s: key \"artifacts\": unknown artifact %q; allowed: %s", at, a, strings.Join(AllArtifacts, ", "))
			}
		}
		if t.Package != "" && !validPackageName(t.Package) {
			return nil, fmt.Errorf("%s: key \"package\": %q is not a valid Go package name (lower case letters and digits)", at, t.Package)
		}
	}
	return &cfg, nil
}

func expectedJSONType(goKind string) string {
	switch goKind {
	case "slice":
		return "array"
	case "struct", "map":
		return "object"
	}
	return goKind
}
