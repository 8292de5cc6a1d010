package bench

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

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

// OfficialQuickSight reads ../shared/models/botocore/quicksight.json, the
// whole official model (about 2,750 shapes and 277 operations), as published.
func OfficialQuickSight() (Model, error) {
	dir, err := SharedDir("models", "botocore")
	if err != nil {
		return Model{}, err
	}
	data, err := os.ReadFile(filepath.Join(dir, "quicksight.json"))
	if err != nil {
		return Model{}, err
	}
	return Model{Name: "quicksight.json", Data: data, Package: "quicksight"}, nil
}
