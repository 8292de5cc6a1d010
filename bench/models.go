package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"

	"github.com/smithygen/smithygen/generator"
	"github.com/smithygen/smithygen/internal/sharedtest"
	"github.com/smithygen/smithygen/specs"
)

// ErrNoShared reports that ../shared, the reference data beside the
// checkout, is absent.
var ErrNoShared = errors.New("../shared (the reference models beside the checkout) not found")

// SharedDir returns ../shared/elem... beside the repository root, or
// ErrNoShared.
func SharedDir(elem ...string) (string, error) {
	root := sharedtest.RepoRoot()
	if root == "" {
		return "", ErrNoShared
	}
	p := filepath.Join(append([]string{root, "..", "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%w: %s", ErrNoShared, filepath.Join(elem...))
	}
	return p, nil
}

// Model is one model file to generate a package from.
type Model struct {
	Name    string // display name, as in generated headers
	Data    []byte
	Service string // service shape ID; empty: the model's only service
	Package string // Go package name
}

// DefaultModels returns the embedded specs of the three default services.
func DefaultModels() ([]Model, error) {
	var out []Model
	for _, d := range specs.Default {
		data, err := specs.FS.ReadFile(d.Model)
		if err != nil {
			return nil, err
		}
		out = append(out, Model{Name: "specs/" + d.Model, Data: data, Service: d.Service, Package: d.Package})
	}
	return out, nil
}

// OfficialQuickSight reads ../shared/models/botocore/quicksight.json (the
// whole official model, about 2,750 shapes and 277 operations) and drops the
// @pattern constraints the generator rejects today (those Go's RE2 cannot
// run, or that use syntax without a portable meaning: lookaheads, (?i),
// \A, repetition counts over 1000). It returns the names of the shapes
// whose pattern was dropped.
func OfficialQuickSight() (Model, []string, error) {
	dir, err := SharedDir("models", "botocore")
	if err != nil {
		return Model{}, nil, err
	}
	data, err := os.ReadFile(filepath.Join(dir, "quicksight.json"))
	if err != nil {
		return Model{}, nil, err
	}
	m := Model{Name: "quicksight.json", Data: data, Package: "quicksight"}
	var dropped []string
	drop := func(name, pattern string) bool {
		_, err := regexp.Compile(pattern)
		return err != nil
	}
	// The generator's own checks are stricter than regexp.Compile: ask it
	// (validators only) which patterns it rejects, and drop those too.
	for range 3 {
		data, more, err := DropPatterns(m.Data, drop)
		if err != nil {
			return Model{}, nil, err
		}
		m.Data, dropped = data, append(dropped, more...)
		rejected, err := rejectedPatterns(m)
		if err != nil {
			return Model{}, nil, err
		}
		if len(rejected) == 0 {
			slices.Sort(dropped)
			return m, dropped, nil
		}
		drop = func(name, _ string) bool { return rejected[name] }
	}
	return Model{}, nil, fmt.Errorf("%s: the generator still rejects patterns after three passes", m.Name)
}

var rejectedPattern = regexp.MustCompile(`#(\w+)(?:\$\w+)?: @pattern`)

// rejectedPatterns generates m's validators and returns the shapes whose
// @pattern the generator reports as unusable.
func rejectedPatterns(m Model) (map[string]bool, error) {
	mod, err := LoadModel(m, nil)
	if err != nil {
		return nil, err
	}
	pkg, err := BuildPackage(mod, m, nil)
	if err != nil {
		return nil, err
	}
	_, err = generator.Generate(pkg, generator.Config{Artifacts: []string{generator.ArtifactTypes, generator.ArtifactValidators}})
	if err == nil {
		return nil, nil
	}
	out := map[string]bool{}
	for _, sub := range rejectedPattern.FindAllStringSubmatch(err.Error(), -1) {
		out[sub[1]] = true
	}
	if len(out) == 0 {
		return nil, err
	}
	return out, nil
}

// DropPatterns rewrites a botocore service-2 document without the "pattern"
// of every shape for which drop is true; everything else is copied byte for
// byte, in order. It returns the names of the shapes changed.
func DropPatterns(data []byte, drop func(shape, pattern string) bool) ([]byte, []string, error) {
	var dropped []string
	var out bytes.Buffer
	err := copyObject(data, &out, func(key string, root json.RawMessage, w *bytes.Buffer) error {
		if key != "shapes" {
			w.Write(root)
			return nil
		}
		return copyObject(root, w, func(name string, shape json.RawMessage, w *bytes.Buffer) error {
			return copyObject(shape, w, func(k string, v json.RawMessage, w *bytes.Buffer) error {
				if k == "pattern" {
					var p string
					if err := json.Unmarshal(v, &p); err == nil && drop(name, p) {
						dropped = append(dropped, name)
						return errSkip
					}
				}
				w.Write(v)
				return nil
			})
		})
	})
	return out.Bytes(), dropped, err
}

var errSkip = errors.New("skip member")

// copyObject copies the JSON object data to w member by member, in order;
// each value is written by value (which returns errSkip to leave the member out).
func copyObject(data []byte, w *bytes.Buffer, value func(key string, v json.RawMessage, w *bytes.Buffer) error) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("want a JSON object (%v)", err)
	}
	w.WriteByte('{')
	n := 0
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		mark := w.Len()
		if n > 0 {
			w.WriteByte(',')
		}
		k, _ := json.Marshal(key)
		w.Write(k)
		w.WriteByte(':')
		switch err := value(key, raw, w); {
		case errors.Is(err, errSkip):
			w.Truncate(mark)
			continue
		case err != nil:
			return err
		}
		n++
	}
	w.WriteByte('}')
	return nil
}
