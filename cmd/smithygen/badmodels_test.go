package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goodIDLModel is a small valid IDL model of a restJson1 service.
const goodIDLModel = `$version: "2.0"

namespace example.idl

use aws.api#service
use aws.protocols#restJson1

@restJson1
@service(sdkId: "Idl Test")
service Svc {
    version: "1"
    operations: [Put]
}

@http(method: "POST", uri: "/things/{id}", code: 200)
operation Put {
    input := {
        @required
        @httpLabel
        id: String

        name: String
    }
}
`

// badModelFixture is a model that must fail: its files, and the exact error
// the command must print.
type badModelFixture struct {
	name     string
	dir      string
	models   []string          // the model files, in name order
	target   map[string]any    // more keys of its config target (target.json)
	expected string            // the exact, located error (possibly several lines)
	files    map[string][]byte // every file of dir but the expected error
}

// badModelFixtures reads testdata/<set>/*/: every *.json and *.smithy file
// is a model file but target.json (keys added to the fixture's config
// target); expectedFile holds the error.
func badModelFixtures(t *testing.T, set, expectedFile string) []badModelFixture {
	t.Helper()
	root := filepath.Join("..", "..", "testdata", set)
	entries, err := os.ReadDir(root)
	require.NoError(t, err)
	var out []badModelFixture
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		fx := badModelFixture{name: e.Name(), dir: filepath.Join(root, e.Name()), files: map[string][]byte{}}
		files, err := os.ReadDir(fx.dir)
		require.NoError(t, err)
		for _, f := range files {
			data, err := os.ReadFile(filepath.Join(fx.dir, f.Name()))
			require.NoError(t, err)
			switch ext := filepath.Ext(f.Name()); {
			case f.Name() == expectedFile:
				fx.expected = strings.TrimRight(string(data), "\n")
			case f.Name() == "target.json":
				require.NoError(t, json.Unmarshal(data, &fx.target), "%s/target.json", fx.dir)
			case ext == ".json" || ext == ".smithy":
				fx.models = append(fx.models, f.Name())
				fx.files[f.Name()] = data
			default:
				t.Fatalf("%s: unexpected file %s", fx.dir, f.Name())
			}
		}
		require.NotEmpty(t, fx.expected, "%s has no %s", fx.dir, expectedFile)
		require.NotEmpty(t, fx.models, "%s has no model file", fx.dir)
		out = append(out, fx)
	}
	return out
}

// TestBadModels runs every model that must fail — testdata/badmodels/*
// (expected.txt) and, reused, testdata/negative/* (error.txt) — through the
// real command, `smithygen generate -config FILE`, as the last of three
// targets: a good JSON AST model, a good IDL model, then the bad one. The
// three output directories already hold generated packages, each out of date
// (a hand edit the run would undo, a stale generated file it would remove)
// and a hand-written test file. The run must exit 1 and print the exact,
// located error on stderr, and nothing under the directory may change: no
// file changed, none added or removed, no temporary file or directory left.
func TestBadModels(t *testing.T) {
	bad := badModelFixtures(t, "badmodels", "expected.txt")
	require.GreaterOrEqual(t, len(bad), 30, "testdata/badmodels holds at least 30 fixtures")
	negative := badModelFixtures(t, "negative", "error.txt")
	for set, fixtures := range map[string][]badModelFixture{"badmodels": bad, "negative": negative} {
		for _, fx := range fixtures {
			t.Run(set+"/"+fx.name, func(t *testing.T) {
				t.Parallel()
				checkBadModel(t, fx)
			})
		}
	}
}

func checkBadModel(t *testing.T, fx badModelFixture) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "good-a.json"), goodModel)
	writeFile(t, filepath.Join(dir, "good-b.smithy"), goodIDLModel)
	writeFile(t, filepath.Join(dir, "good-c.json"), goodModel)
	for name, data := range fx.files {
		writeFile(t, filepath.Join(dir, name), string(data))
	}
	config := func(models []string, extra map[string]any) string {
		third := map[string]any{"models": models, "out": "gen/c", "package": "thirdpkg"}
		for k, v := range extra {
			third[k] = v
		}
		data, err := json.MarshalIndent(map[string]any{"targets": []any{
			map[string]any{"models": []string{"good-a.json"}, "out": "gen/a"},
			map[string]any{"models": []string{"good-b.smithy"}, "out": "gen/b"},
			third,
		}}, "", "  ")
		require.NoError(t, err)
		return string(data) + "\n"
	}

	// Populate the output tree with the good third target, then put every
	// package out of date.
	writeFile(t, filepath.Join(dir, "good.json"), config([]string{"good-c.json"}, nil))
	r := runCmd(t, "generate", "-config", filepath.Join(dir, "good.json"))
	require.Equal(t, 0, r.code, "generating the good targets: %s", r.stderr)
	for _, pkg := range []string{"a", "b", "c"} {
		out := filepath.Join(dir, "gen", pkg)
		types, err := os.ReadFile(filepath.Join(out, "types.go"))
		require.NoError(t, err)
		writeFile(t, filepath.Join(out, "types.go"), string(types)+"\n// edited by hand\n")
		writeFile(t, filepath.Join(out, "stale.go"), marker+"\n\npackage stale\n")
		writeFile(t, filepath.Join(out, "hand_test.go"), "package x\n")
	}
	writeFile(t, filepath.Join(dir, "smithygen.json"), config(fx.models, fx.target))

	before := badModelTree(t, dir)
	r = runCmd(t, "generate", "-config", filepath.Join(dir, "smithygen.json"))
	assert.Equal(t, 1, r.code, "exit status; stderr:\n%s", r.stderr)
	assert.Contains(t, r.stderr, fx.expected, "the error of %s", fx.dir)
	assert.Empty(t, r.stdout)
	after := badModelTree(t, dir)
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for name := range before {
			if !yield(name) {
				return
			}
		}
	}) {
		if _, ok := after[name]; !ok {
			t.Errorf("%s was removed by the failed run", name)
		} else if before[name] != after[name] {
			t.Errorf("%s was changed by the failed run", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s was left behind by the failed run", name)
		}
	}
}

// badModelTree reads every file and directory under dir: path relative to
// dir (directories end in /) -> mode and content.
func badModelTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			out[filepath.ToSlash(rel)+"/"] = info.Mode().String()
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = info.Mode().String() + "\n" + string(data)
		return nil
	})
	require.NoError(t, err)
	return out
}
