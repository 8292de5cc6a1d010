package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/smithygen/smithygen/model/astjson"
	"github.com/smithygen/smithygen/model/loader"
)

// cmdAST implements `smithygen ast [-o FILE] MODEL...`: the assembled model as
// Smithy JSON AST 2.0 (prelude left out, keys sorted like `smithy ast`).
func cmdAST(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("smithygen ast", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write to FILE instead of standard output")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: smithygen ast [-o FILE] MODEL...\n\nPrints the model assembled from the files (any supported format) as Smithy JSON AST 2.0.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if fs.NArg() == 0 {
		return usagef("ast needs at least one model file")
	}
	m, err := loader.LoadFiles(fs.Args()...)
	if err != nil {
		return err
	}
	data, err := astjson.Write(m)
	if err != nil {
		return err
	}
	if *out == "" {
		_, err = stdout.Write(data)
		return err
	}
	return writeFileAtomic(*out, data)
}

// writeFileAtomic writes data to a temporary file beside path and renames it into place.
func writeFileAtomic(path string, data []byte) error {
	dir := "."
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' || path[i] == os.PathSeparator {
			dir = path[:i+1]
			break
		}
	}
	f, err := os.CreateTemp(dir, ".smithygen-*.tmp")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}
