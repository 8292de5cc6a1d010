package astjson

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/internal/sharedtest"
	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/idl"
)

// TestRoundTripGeneratorFixtures: every fixture model of the generator's tests
// (testdata/fixtures/<name>/*.json and *.smithy, assembled per fixture) gives
// back an equal model when written as JSON AST and loaded again, as
// `smithygen ast` does.
func TestRoundTripGeneratorFixtures(t *testing.T) {
	root := sharedtest.RepoRoot()
	require.NotEmpty(t, root)
	dirs, err := filepath.Glob(filepath.Join(root, "testdata", "fixtures", "*"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			b := model.NewBuilder()
			l := idl.NewLoader(b)
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			for _, e := range entries {
				data, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if e.IsDir() {
					continue
				}
				require.NoError(t, err)
				switch {
				case strings.HasSuffix(e.Name(), ".json"):
					Load(b, e.Name(), data)
				case strings.HasSuffix(e.Name(), ".smithy"):
					l.Load(e.Name(), data)
				}
			}
			l.Finish()
			m1, err := b.Build()
			require.NoError(t, err)
			out, err := Write(m1)
			require.NoError(t, err)
			m2 := mustBuild(t, file{"written.json", string(out)})
			equalModels(t, m1, m2)
		})
	}
}
