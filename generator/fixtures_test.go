package generator

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model/loader"
)

// Focused fixtures: testdata/fixtures/<feature>/ holds a small model (every
// *.json and *.smithy file of the directory, loaded together in name order)
// and golden/, the files generated from it (-update rewrites them). Negative
// fixtures: testdata/negative/<case>/ holds models that must fail and
// error.txt, the exact error (written by hand; -update only creates missing ones).

var (
	fixturesDir = filepath.Join(rootDir, "testdata", "fixtures")
	negativeDir = filepath.Join(rootDir, "testdata", "negative")
)

// staticFile reports whether a generated file is a static runtime rendered
// from templates/ (an emitter without an emit function): the same in every
// package but for its header. Fixtures do not keep those in golden/, since
// TestGolden already compares them in generated/; fixture packages still
// carry them when they are compiled.
func staticFile(name string) bool {
	return slices.ContainsFunc(emitters, func(e emitter) bool { return e.file == name && e.emit == nil })
}

// readModelDir reads the model files of dir (*.json, *.smithy) in name order,
// naming each prefix + its base name.
func readModelDir(t testing.TB, dir, prefix string) []loader.Source {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []loader.Source
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if e.IsDir() || (ext != ".json" && ext != ".smithy") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out = append(out, loader.Source{Name: prefix + e.Name(), Data: data})
	}
	require.NotEmpty(t, out, "%s holds no model file", dir)
	return out
}

// listDirs lists the directories under dir, sorted.
func listDirs(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// fixturePackage is the Go package name of a fixture: its directory name
// without the dashes.
func fixturePackage(name string) string { return strings.ReplaceAll(name, "-", "") }

// noPanic runs f and turns a panic into an error: no input may make the
// generator panic.
func noPanic[T any](f func() (T, error)) (out T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return f()
}

// renderFixture renders one fixture through Render, as `smithygen generate
// -model testdata/fixtures/<name>/model.json` run from the repository root would.
func renderFixture(t testing.TB, name string) (*Rendered, error) {
	sources := readModelDir(t, filepath.Join(fixturesDir, name), "testdata/fixtures/"+name+"/")
	return noPanic(func() (*Rendered, error) {
		rs, err := Render([]*Target{{Models: sources, Package: fixturePackage(name), Out: name}})
		if err != nil {
			return nil, err
		}
		return rs[0], nil
	})
}

// TestFixtures generates every fixture, compares it with its golden files,
// renders it a second time to compare the bytes, and (unless -short) compiles
// and vets all fixture packages together in one temporary module.
func TestFixtures(t *testing.T) {
	names := listDirs(t, fixturesDir)
	require.NotEmpty(t, names)
	compiled := map[string][]File{}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			r, err := renderFixture(t, name)
			require.NoError(t, err)
			// BuildIR has checked the protocol (restJson1) and @http on every operation.
			require.NotEmpty(t, r.Package.Operations, "a fixture needs an operation with @http")
			second, err := renderFixture(t, name)
			require.NoError(t, err)
			files, again := r.Files, second.Files
			require.Equal(t, len(files), len(again))
			for i := range files {
				assert.Equal(t, files[i].Name, again[i].Name)
				if !bytes.Equal(files[i].Data, again[i].Data) {
					t.Errorf("%s is not deterministic:\n%s", files[i].Name,
						UnifiedDiff("first", "second", string(files[i].Data), string(again[i].Data)))
				}
			}
			compareGoldenDir(t, filepath.Join(fixturesDir, name, "golden"), files)
			compiled[name] = files
		})
	}
	if testing.Short() || len(compiled) == 0 {
		t.Log("fixture packages not compiled (-short, or none generated)")
		return
	}
	start := time.Now()
	problems := vetModule(t, compiled)
	t.Logf("go vet of %d fixture packages: %v", len(compiled), time.Since(start).Round(time.Millisecond))
	for _, name := range names {
		if _, ok := compiled[name]; !ok {
			continue
		}
		t.Run(name+"/vet", func(t *testing.T) {
			if p := problems[name]; p != "" {
				t.Errorf("go vet fails on the generated package:\n%s", p)
			}
		})
	}
	if p := problems[""]; p != "" {
		t.Errorf("go vet fails:\n%s", p)
	}
}

// compareGoldenDir compares files with dir's golden files (or rewrites them
// with -update), file by file and in both directions.
func compareGoldenDir(t *testing.T, dir string, files []File) {
	t.Helper()
	const how = "update with: go test ./generator -run TestFixtures -update"
	want := map[string]bool{}
	for _, f := range files {
		if staticFile(f.Name) {
			continue
		}
		want[f.Name] = true
		p := filepath.Join(dir, f.Name)
		if *flagUpdate {
			require.NoError(t, os.MkdirAll(dir, 0o755))
			require.NoError(t, os.WriteFile(p, f.Data, 0o644))
			continue
		}
		golden, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			t.Errorf("%s: no golden file; %s", p, how)
			continue
		}
		require.NoError(t, err)
		if !bytes.Equal(golden, f.Data) {
			t.Errorf("%s differs from the generated file; %s\n%s", p, how,
				capLines(UnifiedDiff("golden/"+f.Name, "generated/"+f.Name, string(golden), string(f.Data)), maxDiffLines))
		}
	}
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return
	}
	require.NoError(t, err)
	for _, e := range entries {
		if want[e.Name()] {
			continue
		}
		if *flagUpdate {
			require.NoError(t, os.Remove(filepath.Join(dir, e.Name())))
			continue
		}
		t.Errorf("%s: golden file of a file the generator no longer writes; %s", filepath.Join(dir, e.Name()), how)
	}
}

// vetModule writes packages (directory name -> files) into one temporary
// module that requires smithy-go, as a user's module would, and runs go vet
// on all of them at once, offline (the module cache must hold smithy-go; the
// repository's go.sum vouches for it). It returns go vet's complaints by
// package directory ("" for ones it cannot place).
func vetModule(t *testing.T, pkgs map[string][]File) map[string]string {
	t.Helper()
	dir := t.TempDir()
	tempModule(t, dir, "example.com/fixture")
	for rel, files := range pkgs {
		pd := filepath.Join(dir, filepath.FromSlash(rel))
		require.NoError(t, os.MkdirAll(pd, 0o755))
		for _, f := range files {
			require.NoError(t, os.WriteFile(filepath.Join(pd, f.Name), f.Data, 0o644))
		}
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to compile the generated packages with: ", err)
	}
	cmd := offlineGo(dir, goCmd, "vet", "./...")
	out, err := cmd.CombinedOutput()
	problems := map[string]string{}
	if err == nil {
		return problems
	}
	if _, ok := err.(*exec.ExitError); !ok {
		t.Fatalf("running go vet: %v\n%s", err, out)
	}
	// Attribute each line to the package it names: "# example.com/fixture/<rel>"
	// headers, or "<rel>/file.go:line:col: ..." (also with a "./" or "vet: " prefix).
	rels := slices.Sorted(maps.Keys(pkgs))
	current := ""
	for _, line := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		place := strings.TrimPrefix(strings.TrimPrefix(line, "vet: "), "./")
		if h, ok := strings.CutPrefix(line, "# example.com/fixture/"); ok {
			current = strings.Fields(h)[0]
		} else {
			for _, rel := range rels {
				rest, ok := strings.CutPrefix(place, rel+"/")
				if file, _, found := strings.Cut(rest, ":"); ok && found && !strings.Contains(file, "/") {
					current = rel
				}
			}
		}
		if _, known := pkgs[current]; !known {
			current = ""
		}
		problems[current] += line + "\n"
	}
	return problems
}

// failFixture runs a negative fixture through the whole pipeline — load,
// service, IR, emitters — and returns the first error. Files are named by
// their base name in positions.
func failFixture(t testing.TB, name string) error {
	sources := readModelDir(t, filepath.Join(negativeDir, name), "")
	_, err := noPanic(func() ([]File, error) {
		m, err := loader.Load(sources...)
		if err != nil {
			return nil, err
		}
		svc, err := m.ServiceByID("")
		if err != nil {
			return nil, err
		}
		p, err := BuildIR(m, svc, Options{Package: fixturePackage(name)})
		if err != nil {
			return nil, err
		}
		return Generate(p, Config{})
	})
	return err
}

// TestNegativeFixtures checks that every model under testdata/negative/
// fails with exactly the error in its error.txt, and without a panic.
func TestNegativeFixtures(t *testing.T) {
	names := listDirs(t, negativeDir)
	require.GreaterOrEqual(t, len(names), 20)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			err := failFixture(t, name)
			require.Error(t, err, "the model must be rejected")
			require.NotContains(t, err.Error(), "panic:", "the generator panicked")
			// error.txt is the specification of the message: -update writes
			// a missing one (review it!) but never rewrites an existing one.
			p := filepath.Join(negativeDir, name, "error.txt")
			want, rerr := os.ReadFile(p)
			if os.IsNotExist(rerr) && *flagUpdate {
				require.NoError(t, os.WriteFile(p, []byte(err.Error()+"\n"), 0o644))
				t.Logf("wrote %s: review it", p)
				return
			}
			require.NoError(t, rerr, "write the expected error, or create it with: go test ./generator -run TestNegativeFixtures -update")
			assert.Equal(t, strings.TrimSuffix(string(want), "\n"), err.Error(), "the error of %s", name)
		})
	}
}
