// Package sharedtest locates ../shared, the read-only reference data (official
// models, Smithy spec, protocol tests, seed pages) that sits beside a checkout
// in the workplace and in CI. Tests that need it call Dir, which skips the
// test with a clear message when it is absent (a fresh clone elsewhere).
//
// It may import only the standard library.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the directory holding the module's go.mod, found upward
// from the working directory, or "" when there is none.
func RepoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			// Nested modules (examples) have their own go.mod; the project's
			// root is the one with the top-level Makefile.
			if _, err := os.Stat(filepath.Join(dir, "Makefile")); err == nil {
				return dir
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Dir returns the path of ../shared joined with elem, or skips t when it does not exist.
func Dir(t testing.TB, elem ...string) string {
	t.Helper()
	root := RepoRoot()
	if root == "" {
		t.Skip("skipping: repository root not found above the working directory")
	}
	p := filepath.Join(append([]string{root, "..", "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: %s not found (../shared, the reference data beside the checkout, is absent)", filepath.Join(elem...))
	}
	return p
}
