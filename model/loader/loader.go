// Package loader reads model files of any supported format — Smithy JSON AST,
// botocore service-2 JSON, Smithy IDL — into one model.Model. The format of
// each file is detected from its content, so files of several formats can be
// mixed (all but botocore files assemble into one model).
//
// It may import the standard library and the smithygen/model packages.
package loader

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/astjson"
	"github.com/smithygen/smithygen/model/botocore"
	"github.com/smithygen/smithygen/model/idl"
)

// Format is a model file format.
type Format string

// The supported formats.
const (
	FormatAST      Format = "smithy-ast"
	FormatBotocore Format = "botocore"
	FormatIDL      Format = "smithy-idl"
)

// Source is one model file: a display name (used in positions) and its content.
type Source struct {
	Name string
	Data []byte
}

// Detect tells the format of a model file from its content: a JSON object with
// a top-level "smithy" key is a JSON AST, one with "operations" (and no
// "smithy") is botocore's service-2 format, any other JSON object is taken for
// a JSON AST (whose loader names what is missing), anything else is IDL.
func Detect(data []byte) Format {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return FormatIDL
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if _, err := dec.Token(); err != nil {
		return FormatAST // let the JSON loader report the syntax error
	}
	var hasOps bool
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		key, _ := tok.(string)
		switch key {
		case "smithy":
			return FormatAST
		case "operations":
			hasOps = true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			break
		}
	}
	// A service-2 document has "operations" (and "metadata"); a JSON AST has
	// "smithy", seen above. Without either, the AST loader names what is missing.
	if hasOps {
		return FormatBotocore
	}
	return FormatAST
}

// Load assembles sources into one model. Every error, from every file, is
// returned together as a model.ErrorList.
func Load(sources ...Source) (*model.Model, error) {
	if len(sources) == 0 {
		return nil, fmt.Errorf("no model files given")
	}
	b := model.NewBuilder()
	idlLoader := idl.NewLoader(b)
	botocoreFiles := 0
	for _, s := range sources {
		switch Detect(s.Data) {
		case FormatBotocore:
			botocoreFiles++
			botocore.Load(b, s.Name, s.Data)
		case FormatAST:
			astjson.Load(b, s.Name, s.Data)
		case FormatIDL:
			idlLoader.Load(s.Name, s.Data)
		}
	}
	// IDL names resolve against every file (JSON ones included), so IDL
	// shapes are added last.
	idlLoader.Finish()
	if botocoreFiles > 1 {
		return nil, fmt.Errorf("%d botocore files given: a botocore file holds one whole service, load one at a time", botocoreFiles)
	}
	return b.Build()
}

// LoadFiles reads the named files and loads them; a directory stands for every
// .smithy and .json file below it, in name order. Names in positions are the
// paths as given.
func LoadFiles(paths ...string) (*model.Model, error) {
	files, err := Expand(paths)
	if err != nil {
		return nil, err
	}
	var sources []Source
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		sources = append(sources, Source{Name: filepath.ToSlash(p), Data: data})
	}
	return Load(sources...)
}

// Expand replaces each directory in paths by the .smithy and .json files
// below it, sorted; files are kept as given.
func Expand(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(path, ".smithy") || strings.HasSuffix(path, ".json")) {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
