package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/smithygen/smithygen/internal/sharedtest"
)

// TempModule is a throwaway Go module under os.TempDir holding generated
// packages: it requires the smithy-go of this repository's go.mod and
// resolves it from the module cache only (GOPROXY=off). Cgo is off, so
// that commands link without a C toolchain.
type TempModule struct {
	Dir  string
	Path string // module path
}

// ModuleEnv is the environment every go command on a TempModule runs with.
var ModuleEnv = []string{"GOWORK=off", "GOPROXY=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "CGO_ENABLED=0"}

// NewTempModule creates an empty module named path under a new temporary
// directory; Remove deletes it.
func NewTempModule(path string) (*TempModule, error) {
	root := sharedtest.RepoRoot()
	if root == "" {
		return nil, fmt.Errorf("repository root not found above the working directory")
	}
	version, err := GoTool(root, nil, "list", "-m", "-f", "{{.Version}}", "github.com/aws/smithy-go")
	if err != nil {
		return nil, err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "smithygen-bench-")
	if err != nil {
		return nil, err
	}
	gomod := fmt.Sprintf("module %s\n\ngo 1.26\n\nrequire github.com/aws/smithy-go %s\n", path, strings.TrimSpace(string(version)))
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &TempModule{Dir: dir, Path: path}, nil
}

// WriteFile writes rel (a slash path) below the module.
func (m *TempModule) WriteFile(rel string, data []byte) error {
	p := filepath.Join(m.Dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// Remove deletes the module's directory.
func (m *TempModule) Remove() error { return os.RemoveAll(m.Dir) }
