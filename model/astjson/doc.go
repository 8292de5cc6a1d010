// Package astjson reads and writes Smithy JSON AST documents
// (https://smithy.io/2.0/spec/json-ast.html).
//
// Load adds the shapes, apply entries and metadata of one document to a
// model.Builder, recording every problem it finds on the builder with a
// file:line:col position; Builder.Build then assembles and validates the
// model. Quirks of the format are settled here: Smithy 1.0 documents are
// upgraded to 2.0 semantics (see upgradeV1), so that nothing downstream needs
// to know which version a model was written in.
//
// Write serializes a built model back into a JSON AST 2.0 document such that
// loading it builds an equal model.
//
// It may import only the standard library, smithygen/model and
// smithygen/model/jsonnode. Model files are parsed with jsonnode, never with
// encoding/json, to keep member order and source positions.
package astjson
