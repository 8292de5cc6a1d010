package generator

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestOfficialModels generates every operation of the three official
// services from both formats (botocore and Smithy JSON AST) and compiles and
// vets the six packages together in one temporary module. QuickSight's
// botocore model has some 2,750 shapes: the timings are logged.
func TestOfficialModels(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the official models are large")
	}
	sharedModels(t)
	start := time.Now()
	pkgs := map[string][]File{}
	for _, format := range []string{"botocore", "smithy-ast"} {
		for _, svc := range officialServices {
			t.Run(format+"/"+svc, func(t *testing.T) {
				m := loadOfficial(t, format, svc)
				begin := time.Now()
				p := buildOfficial(t, m, svc, nil)
				ir := time.Since(begin)
				begin = time.Now()
				files, err := noPanic(func() ([]File, error) { return Generate(p, Config{}) })
				if err != nil {
					t.Errorf("generating every artifact: %v", err)
					// Still compile what can be generated.
					files, err = noPanic(func() ([]File, error) {
						return Generate(p, Config{Artifacts: []string{ArtifactTypes, ArtifactJSON}})
					})
					require.NoError(t, err, "generating types and JSON codecs")
				}
				size := 0
				for _, f := range files {
					size += len(f.Data)
				}
				t.Logf("%d operations, %d shapes: IR %v, emit %v, %d files, %d KiB",
					len(p.Operations), len(p.Shapes), ir.Round(time.Millisecond),
					time.Since(begin).Round(time.Millisecond), len(files), size>>10)
				pkgs[format+"/"+svc] = files
			})
		}
	}
	t.Logf("generating all six packages: %v", time.Since(start).Round(time.Millisecond))
	if len(pkgs) == 0 {
		return
	}
	begin := time.Now()
	problems := vetModule(t, pkgs)
	t.Logf("go vet of %d packages: %v", len(pkgs), time.Since(begin).Round(time.Millisecond))
	for rel, p := range problems {
		name := rel
		if name == "" {
			name = "(unattributed)"
		}
		t.Errorf("go vet fails on %s:\n%s", name, capLines(p, maxDiffLines))
	}
}
